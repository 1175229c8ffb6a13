"""AppTest: the small-network lab trains what its controls and URL say, shows core's numbers,
and steps through the course's backpropagation examples."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from core import datasets as ds
from core import network as net
from tests.pages.conftest import chart_docs, chart_specs, decode, run_page, texts
from ui.format import fmt

COURSE_QUERY = {"net_data": "XOR", "net_n": "4", "net_noise": "0.0", "net_layers": "1",
                "net_w1": "2", "net_acts": ["Sigmoid", "ReLU"], "net_lr": "0.2",
                "net_epochs": "90000", "net_init": "course 2-2-1"}


def loss_traces(at) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{network label: (epochs, losses)} of the training curves: the loss panel (axes x, y) of
    the page's first chart, which draws the decision maps under it (axes x2, y2, …)."""
    spec = chart_specs(at)[0]
    return {tr["name"]: (decode(tr["x"]), decode(tr["y"])) for tr in spec["data"]
            if tr.get("xaxis", "x") == "x" and tr.get("meta") != "cursor"}


def map_traces(at) -> list[dict]:
    """The decision maps (heatmaps) of the first chart, in panel order."""
    return [tr for tr in chart_specs(at)[0]["data"] if tr["type"] == "heatmap"]


def table(at, index: int = 0):
    return at.dataframe[index].value


def test_default_view_in_korean():
    at = run_page("network")
    assert not at.exception
    assert at.title[0].value == "작은 신경망 실험실"
    # losses with the decision maps (one chart), output comparison losses, diagram,
    # linear maps
    assert len(chart_specs(at)) == 4
    assert set(loss_traces(at)) == {"Identity", "Sigmoid", "Tanh", "ReLU"}
    assert [tr["name"].split(" · ")[0] for tr in map_traces(at)] == \
        ["Identity", "Sigmoid", "Tanh", "ReLU"]


def test_main_picture_is_the_first_chart_maps_over_curves():
    at = run_page("network", locale="en-US")
    spec = chart_specs(at)[0]
    layout = spec["layout"]
    # the decision maps large on top, two by two (a phone's maps are half its width), the
    # training curves (log loss axis) under them
    assert layout["yaxis"]["type"] == "log"
    maps = map_traces(at)
    assert [tr["yaxis"] for tr in maps] == ["y2", "y3", "y4", "y5"]
    assert all(layout[f"yaxis{i}"]["domain"][0] > layout["yaxis"]["domain"][1]
               for i in range(2, 6))
    widths = [np.diff(layout[f"xaxis{i}"]["domain"])[0] for i in range(2, 6)]
    heights = [np.diff(layout[f"yaxis{i}"]["domain"])[0] for i in range(2, 6)]
    assert min(widths) > 0.45 and min(heights) * layout["height"] > 180
    assert layout["yaxis2"]["domain"] == layout["yaxis3"]["domain"]   # one row of two …
    assert layout["yaxis4"]["domain"][1] < layout["yaxis2"]["domain"][0]  # … over another
    # the maps are core's output grids of the same four networks the curves show
    X, y = ds.make("xor", 100, 0.1, 0).X, ds.make("xor", 100, 0.1, 0).y
    start = net.init_mlp([2, 4, 1], ["tanh", "sigmoid"], "xavier", seed=0)
    r = net.train(start.with_activations(("tanh", "sigmoid")), X, y, 0.2, 1000)
    xs, ys, Z = net.output_grid(r.mlp, *ds.plot_box(X), 40)
    z = decode(maps[2]["z"]).reshape(Z.shape)
    assert z.dtype == np.uint8   # one byte per grid value: round(255·output)
    np.testing.assert_array_equal(z, np.round(np.clip(Z, 0, 1) * 255).astype(np.uint8))
    assert maps[2]["name"].startswith("Tanh · ")


def test_english_title():
    at = run_page("network", locale="en-US")
    assert not at.exception
    assert at.title[0].value == "Small-network lab"


def test_loss_curves_equal_core_training():
    at = run_page("network", locale="en-US")
    X, y = ds.make("xor", 100, 0.1, 0).X, ds.make("xor", 100, 0.1, 0).y
    start = net.init_mlp([2, 4, 1], ["relu", "sigmoid"], "xavier", seed=0)
    r = net.train(start, X, y, 0.2, 1000)
    epochs, losses = loss_traces(at)["ReLU"]
    np.testing.assert_allclose(losses, r.losses[epochs.astype(int) - 1].astype(np.float32),
                               rtol=1e-6)
    assert epochs[-1] == 1000
    # the table's dead units and accuracy are core's
    df = table(at)
    row = df[df["hidden activation"] == "ReLU"].iloc[0]
    dead = net.dead_units(r.mlp, X)[0]
    expected = ("L1: " + ", ".join(f"#{j + 1}" for j in np.flatnonzero(dead))) if dead.any() \
        else "—"
    assert row["dead units (layer: unit)"] == expected
    assert row["accuracy"] == f"{net.accuracy(r.mlp, X, y):.1%}"


def test_course_xor_numbers_from_url():
    at = run_page("network", query=COURSE_QUERY, locale="en-US")
    assert not at.exception
    df = table(at)
    sig = df[df["hidden activation"] == "Sigmoid"].iloc[0]
    assert [sig["y(0, 0)"], sig["y(0, 1)"], sig["y(1, 0)"], sig["y(1, 1)"]] == \
        ["0.008144", "0.9915", "0.9915", "0.01039"]
    r = net.train(net.course_xor(), net.XOR_X, net.XOR_T, 0.2, 90000)
    for out, col in zip(r.mlp.forward(net.XOR_X)[:, 0], ["y(0, 0)", "y(0, 1)", "y(1, 0)",
                                                         "y(1, 1)"]):
        assert sig[col] == fmt(float(out), 4)
    epochs, losses = loss_traces(at)["Sigmoid"]
    assert epochs[-1] == 90000
    assert losses[-1] == pytest.approx(r.losses[-1], rel=1e-6)


def test_course_button_sets_the_course_state():
    at = run_page("network", locale="en-US")
    next(b for b in at.button if b.label.startswith("Course setup")).click().run()
    assert not at.exception
    assert at.selectbox(key="net_data").value == "xor"
    assert at.slider(key="net_n").value == 4
    assert at.selectbox(key="net_epochs").value == 90000
    df = table(at)
    sig = df[df["hidden activation"] == "Sigmoid"].iloc[0]
    assert sig["y(0, 1)"] == "0.9915"


def test_changing_points_changes_the_losses():
    at = run_page("network", locale="en-US")
    before = loss_traces(at)["Tanh"][1].copy()
    at.slider(key="net_n").set_value(40).run()
    after = loss_traces(at)["Tanh"][1]
    assert before.shape != after.shape or not np.allclose(before, after)
    X, y = ds.make("xor", 40, 0.1, 0).X, ds.make("xor", 40, 0.1, 0).y
    r = net.train(net.init_mlp([2, 4, 1], ["tanh", "sigmoid"], "xavier", seed=0), X, y, 0.2, 1000)
    assert after[-1] == pytest.approx(r.losses[-1], rel=1e-6)


def test_architecture_and_batch_mode_from_url():
    q = {"net_data": "circles", "net_n": "60", "net_layers": "2", "net_w1": "5", "net_w2": "3",
         "net_acts": ["Tanh"], "net_mode": "full batch", "net_epochs": "300", "net_lr": "0.5"}
    at = run_page("network", query=q, locale="en-US")
    assert not at.exception
    d = ds.make("circles", 60, 0.1, 0)
    r = net.train(net.init_mlp([2, 5, 3, 1], ["tanh", "tanh", "sigmoid"], "xavier", seed=0),
                  d.X, d.y, 0.5, 300, mode="batch")
    epochs, losses = loss_traces(at)["Tanh"]
    assert losses[-1] == pytest.approx(r.losses[-1], rel=1e-6)
    assert "2-5-3-1" in texts(at)


def test_mixed_network_and_bce_notice():
    q = {"net_acts": ["ReLU"], "net_mix": "true", "net_mix1": "Tanh", "net_out": "Identity",
         "net_loss": "BCE", "net_epochs": "100"}
    at = run_page("network", query=q, locale="en-US")
    assert not at.exception
    assert set(loss_traces(at)) == {"ReLU", "mix Tanh"}
    assert any("cross-entropy" in w.value for w in at.warning)


@pytest.mark.parametrize("query", [{"net_lr": "abc"}, {"net_epochs": "1e9"}, {"net_n": "nan"},
                                   {"net_n": "100000"}, {"net_data": "bogus"},
                                   {"net_layers": "7"}, {"net_acts": "Bogus"},
                                   {"net_pos_relu231": "99"}, {"net_ex": "nope"}])
def test_bad_url_values_fall_back_with_a_notice(query):
    at = run_page("network", query={**query, "net_epochs": query.get("net_epochs", "100")},
                  locale="en-US")
    assert not at.exception
    key = next(iter(query))
    assert any(f"`{key}`" in w.value for w in at.warning), [w.value for w in at.warning]


def test_step_through_231_deltas_and_updates():
    at = run_page("network", query={"net_pos_relu231": "3", "net_epochs": "100"},
                  locale="en-US")
    found = texts(at)
    assert "3 · Deltas" in found
    for v in ("0.501", "0.835", "1.503", "1.67"):
        assert f"**{v}**" in found
    at.button(key="net_pos_relu231_next").click().run()
    assert at.slider(key="net_pos_relu231").value == 4
    df = at.dataframe[-1].value
    tr = net.step(net.course_relu_231(), [1.0, 1.0], [0.0], lr=0.2)
    assert list(df["after"][:3]) == [fmt(float(v), 6) for v in tr.after.weights[0][0]]
    assert "−0.034" in list(df["after"])
    at.button(key="net_pos_relu231_back").click().run()
    assert at.slider(key="net_pos_relu231").value == 3


def test_step_through_xor_first_epoch():
    at = run_page("network", query={"net_ex": "XOR 2-2-1", "net_pos_xor": "14",
                                    "net_epochs": "100"}, locale="en-US")
    assert not at.exception
    traces = net.trace_epoch(net.course_xor(), net.XOR_X, net.XOR_T, lr=0.2)
    tr = traces[3]  # stage 14 = sample 4, second stage (error)
    found = texts(at)
    assert "sample 4 of 4" in found
    assert f"**{fmt(float(tr.error[0]), 4)}**" in found
    assert f"**{fmt(tr.loss, 4)}**" in found


def lin_runs(depth: int, acts: list[str], epochs: int) -> list[net.TrainResult]:
    """What the linear section trains: circles (100 points, noise 0.05), width 6, lr 0.3,
    identity plus acts, all from one Xavier start (seed 1)."""
    d = ds.make("circles", 100, 0.05, 0)
    out = []
    for act in ["identity", *acts]:
        mlp = net.init_mlp([2] + [6] * depth + [1], [act] * depth + ["sigmoid"], "xavier", seed=1)
        out.append(net.train(mlp, d.X, d.y, 0.3, epochs))
    return out


def test_linear_panel_numbers_match_core():
    at = run_page("network", query={"net_lin_depth": "2", "net_lin_acts": ["Tanh", "Sigmoid"],
                                    "net_lin_epochs": "300", "net_epochs": "100"},
                  locale="en-US")
    assert not at.exception
    d = ds.make("circles", 100, 0.05, 0)
    runs = lin_runs(2, ["tanh", "sigmoid"], 300)
    accs = [net.accuracy(r.mlp, d.X, d.y) for r in runs]
    found = texts(at)
    target = fmt(net.target_loss("mse"))
    for name, r, acc in zip(("Identity", "Tanh", "Sigmoid"), runs, accs):
        reach = net.epochs_to_loss(r.losses, net.target_loss("mse"))
        verdict = "separates the classes" if net.separates(acc) else \
            "does not separate the classes"
        tail = (f"the mean loss first falls below {target} in epoch {reach:,}." if reach
                else f"the mean loss does not fall below {target} within 300 epochs.")
        assert f"**{name}**: accuracy {acc:.1%}, {verdict}; {tail}" in found
    maps = chart_specs(at)[-1]
    assert [tr["name"] for tr in maps["data"] if tr["type"] == "contour"] == \
        [f"Identity × 2 · {accs[0]:.0%}", f"Tanh × 2 · {accs[1]:.0%}",
         f"Sigmoid × 2 · {accs[2]:.0%}"]


def test_linear_default_separates_with_non_linear_and_relu_is_faster():
    at = run_page("network", query={"net_epochs": "100"}, locale="en-US")
    runs = lin_runs(1, ["sigmoid", "relu"], 300)
    d = ds.make("circles", 100, 0.05, 0)
    accs = [net.accuracy(r.mlp, d.X, d.y) for r in runs]
    # what the default view states, checked against core: identity cannot separate the circles,
    # sigmoid and ReLU do within the default epochs, ReLU reaches the target loss first
    assert not net.separates(accs[0]) and net.separates(accs[1]) and net.separates(accs[2])
    reach = [net.epochs_to_loss(r.losses, net.target_loss()) for r in runs]
    assert reach[0] is None and reach[2] < reach[1] <= 300
    assert (f"Of the non-linear activations, **ReLU** got below {fmt(net.target_loss())} first "
            f"(epoch {reach[2]:,}).") in texts(at)


def test_output_comparison_numbers_match_core():
    at = run_page("network", query={"net_oc_epochs": "3000", "net_epochs": "100"},
                  locale="en-US")
    assert not at.exception
    df = at.dataframe[1].value
    pairs = [("sigmoid", "sigmoid"), ("relu", "sigmoid"), ("sigmoid", "relu"), ("relu", "relu")]
    assert len(df) == len(pairs)
    for (h, o), (_, row) in zip(pairs, df.iterrows()):
        r = net.train(net.course_xor(h, o), net.XOR_X, net.XOR_T, net.COURSE_LR, 3000)
        y = r.mlp.forward(net.XOR_X)[:, 0]
        acc = net.accuracy(r.mlp, net.XOR_X, net.XOR_T)
        assert list(row.iloc[2:6]) == [fmt(float(v), 4) for v in y]
        assert row["accuracy"] == f"{acc:.0%}"
        reach = net.epochs_to_loss(r.losses, net.target_loss())
        assert row.iloc[-1] == ("—" if reach is None else f"{reach:,}")
    specs = chart_specs(at)
    names = [tr["name"] for tr in specs[1]["data"]]
    assert names == ["Sigmoid → Sigmoid", "ReLU → Sigmoid", "Sigmoid → ReLU", "ReLU → ReLU"]
    found = texts(at)
    rr = net.train(net.course_xor("relu", "relu"), net.XOR_X, net.XOR_T, net.COURSE_LR, 3000)
    outs = ", ".join(fmt(float(v), 3) for v in rr.mlp.forward(net.XOR_X)[:, 0])
    assert (f"**ReLU → ReLU**: outputs {outs} for (0,0), (0,1), (1,0), (1,1); accuracy "
            f"{net.accuracy(rr.mlp, net.XOR_X, net.XOR_T):.0%}") in found
    # at 3 000 epochs the all-sigmoid network is still on its plateau: the sentence says so
    accs = {lab: net.accuracy(net.train(net.course_xor(h, o), net.XOR_X, net.XOR_T,
                                        net.COURSE_LR, 3000).mlp, net.XOR_X, net.XOR_T)
            for lab, (h, o) in zip(names, pairs)}
    top = max(accs.values())
    assert accs["Sigmoid → Sigmoid"] < top and accs["ReLU → ReLU"] < top
    best = ", ".join(lab for lab, a in accs.items() if a == top)
    rest = ", ".join(f"{lab} ({a:.0%})" for lab, a in accs.items() if a < top)
    assert (f"After 3,000 epochs, the highest accuracy ({top:.0%}) is reached by **{best}**. "
            f"The others: {rest}.") in found


def test_korean_mix_label_and_no_typed_facts():
    q = {"net_acts": ["ReLU"], "net_mix": "true", "net_mix1": "Tanh", "net_epochs": "100"}
    at = run_page("network", query=q)
    assert not at.exception
    assert set(loss_traces(at)) == {"ReLU", "혼합 Tanh"}
    found = texts(at)
    assert "결정 영역" in found and "결정 지도" not in found and "장난감" not in found


def test_offered_activations_all_have_the_fast_path():
    at = run_page("network", query={"net_epochs": "100"}, locale="en-US")
    from core.activations import ACTIVATIONS
    # every catalogue option has the fast path; "f(x)" (the formula of core.custom) trains on
    # the plain numpy path within the same work budget
    assert list(at.multiselect(key="net_acts").options) == \
        [ACTIVATIONS[a].name for a in net.LAB_HIDDEN] + ["f(x)"]
    assert list(at.selectbox(key="net_out").options) == \
        [ACTIVATIONS[a].name for a in net.LAB_OUTPUT]
    assert all(net._fast_supported([a]) for a in net.LAB_HIDDEN + net.LAB_OUTPUT)


class Counter:
    """Stands in for core.network.train: records every training call and returns at once
    (wrapping the real function, so "show the code" still finds its source)."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        calls = self.calls

        @functools.wraps(net.train)
        def fake(mlp, X, T, lr, epochs, mode="sample", loss="mse", fast=True):
            calls.append((mlp.sizes, mlp.activations, len(X), epochs, mode,
                          mlp.biases is not None))
            return net.TrainResult(mlp, np.full(epochs, 0.3), None, fast=True)

        self.train = fake

    def units(self) -> int:
        return sum(net.plan_cost(s, [a], n, e, m, b) for s, a, n, e, m, b in self.calls)


WORST = {"net_data": "spiral", "net_n": "400", "net_noise": "0.5", "net_layers": "3",
         "net_w1": "8", "net_w2": "8", "net_w3": "8",
         "net_acts": ["Mish", "GELU", "SELU", "Softplus"], "net_mix": "true",
         "net_mix1": "Mish", "net_mix2": "Mish", "net_mix3": "Mish", "net_epochs": "90000",
         "net_lr": "0.001", "net_oc_epochs": "90000", "net_lin_depth": "3",
         "net_lin_epochs": "3000", "net_lin_acts": ["Sigmoid", "Tanh", "ReLU"]}


@pytest.mark.parametrize("mode", ["per-sample", "full batch"])
def test_worst_case_request_stays_within_the_budget(monkeypatch, mode):
    """The largest request the page allows (3 × 8 hidden units, 400 points, 5 networks with
    Mish, 90 000 epochs everywhere) trains at most REQUEST_BUDGET work units in total, counted
    from the epochs × samples each network is trained for (not from seconds)."""
    import streamlit as st
    st.cache_resource.clear()
    counter = Counter()
    monkeypatch.setattr(net, "train", counter.train)
    at = run_page("network", query={**WORST, "net_mode": mode}, locale="en-US")
    assert not at.exception
    assert counter.calls  # the request did train
    assert counter.units() <= net.REQUEST_BUDGET
    for sizes, acts, n, epochs, m, _ in counter.calls:
        assert epochs * n <= net.MAX_UPDATES
        if m == "sample":  # every network trained per sample runs on the compiled path
            assert net._fast_supported(acts)
    # 5 compared networks + 4 output networks + 4 linear networks, each in 10 parts
    assert len({c[:2] for c in counter.calls}) >= 9
    assert "epochs would take too long" in texts(at)


def test_unrelated_controls_do_not_retrain(monkeypatch):
    import streamlit as st
    st.cache_resource.clear()
    at = run_page("network", query={**COURSE_QUERY, "net_epochs": "3000"}, locale="en-US")
    counter = Counter()
    monkeypatch.setattr(net, "train", counter.train)
    # the seed changes neither the course weights nor noise-free XOR: no new training
    at.number_input(key="net_seed").set_value(7).run()
    at.slider(key="net_pos_relu231").set_value(3).run()
    at.run()
    assert not at.exception and counter.calls == []
    at.selectbox(key="net_lr").set_value(0.5).run()  # a training control does retrain
    assert counter.calls


def test_diverging_networks_are_reported_not_drawn_as_nan():
    q = {"net_out": "Identity", "net_lr": "2", "net_acts": ["Identity", "ReLU"],
         "net_data": "blobs", "net_n": "100", "net_epochs": "300"}
    at = run_page("network", query=q, locale="en-US")
    assert not at.exception
    df = table(at)
    assert any(s.startswith("diverged in epoch") for s in df["status"])
    for spec in chart_specs(at)[:2]:
        for tr in spec["data"]:
            for k in ("x", "y", "z"):
                if k in tr and tr[k] is not None:
                    assert np.all(np.isfinite(decode(tr[k]).astype(float)))


# ----------------------------------------------------------------------------- the control spec


def test_every_spec_control_is_drawn_under_its_shown_with_setup():
    """Each control of ui.controls.network is drawn by the page under its shown_with set-up
    (so the spec is the page's whole list of URL keys)."""
    from ui.controls.network import SPEC

    drawn: set[str] = set()
    for ex in ("relu231", "xor"):
        state = {"net_epochs": 10, "net_oc_epochs": 1000, "net_lin_epochs": 100,
                 "net_ex": ex, "fx": "x"}
        for c in SPEC:
            if c.shown_with.get("net_ex", ex) == ex:
                state.update(c.shown_with)
        state["net_layers"] = max(v.shown_with.get("net_layers", 1) for v in SPEC)
        state["net_acts"] = ["sigmoid", "custom"]
        at = run_page("network", query=SPEC.to_query(SPEC.state(**state)), locale="en-US")
        assert not at.exception
        assert not at.warning, [w.value for w in at.warning]
        drawn |= set(at.session_state["_al_drawn"]["network"])
    assert drawn == set(SPEC.keys())


def test_empty_example_falls_back_to_the_default_with_a_notice():
    at = run_page("network", query={"net_ex": "", "net_epochs": "10"}, locale="en-US")
    assert not at.exception
    assert at.session_state["_al_drawn"]["network"]["net_ex"] == "relu231"
    assert any("`net_ex`" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.slider(key="net_pos_relu231").value == 1  # the default example's stage slider


PAYLOADS = ("![i](//example.org/t.png)", "[Session expired](https://example.org)")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_link_text_is_shown_as_text_not_markdown(payload):
    """A link's text in every text-like key (the formula box), and in choice keys whose notice
    echoes it, never becomes a Markdown image or link."""
    from ui.controls.network import SPEC

    text_keys = [c.key for c in SPEC if c.kind == "text"]
    assert text_keys == ["fx"]
    q = {"net_acts": ["Sigmoid", "f(x)"], "net_epochs": "10", "net_data": payload,
         "net_ex": payload, "net_w3": payload, **{k: payload for k in text_keys}}
    at = run_page("network", query=q, locale="en-US")
    assert not at.exception
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("warning", "info", "error", "success"):
        shown += [e.value for e in getattr(at, kind)]
    assert any("example" in s for s in shown)  # the value is echoed …
    for s in shown:
        assert "](" not in s.replace("\\](", ""), s  # … escaped


def test_lesson_relu_output_step_names_the_output_and_keeps_the_loss_axis_readable():
    from ui.lessons import steps

    k = [s.id for s in steps("network")].index("relu_out") + 1  # a question comes before it
    at = run_page("network", query={"lesson": str(k)}, locale="en-US")
    assert not at.exception
    layout = chart_specs(at)[0]["layout"]
    assert "output layer: ReLU" in [tr.get("name") for tr in chart_specs(at)[0]["data"]
                                    if tr.get("showlegend", True)]
    lo, hi = layout["yaxis"]["range"]
    assert hi - lo <= 9  # decades: not 10⁻³⁶ … 10¹²
    starts = [decode(tr["y"])[0] for tr in chart_specs(at)[0]["data"]
              if tr.get("xaxis", "x") == "x" and tr.get("meta") != "cursor"]
    assert lo < np.log10(min(starts)) < hi


def test_lesson_reads_the_pages_own_runs():
    """The lesson's numbers are the page's stored runs, asked of the page's run function."""
    from ui.lessons import network as lesson_net
    from ui.runs import network as runs

    at = run_page("network", query={"lesson": "1"}, locale="en-US")
    assert not at.exception
    stored = runs.stored_compare(lesson_net.BASE)
    assert stored is not None
    df = table(at)
    assert [f"{r['acc']:.1%}" for r in stored] == list(df["accuracy"])


# 99 nodes, 20 of them erf (evaluated per element), 200 characters: the largest formula allowed
HEAVY = "+".join("(" + "+".join(f"erf({k}*x)" for k in range(i, i + 4)) + ")"
                 for i in range(1, 21, 4))


@pytest.mark.parametrize("mode", ["per-sample", "full batch"])
def test_worst_case_request_with_a_heavy_formula_stays_within_the_budget(monkeypatch, mode):
    """The heaviest request with a user's formula among the compared activations (the f(x) box
    at its largest, erf evaluated per element) still trains at most REQUEST_BUDGET units: the
    formula trains for fewer epochs, or, if one epoch of it alone is over the section's budget,
    the page leaves it out and says so."""
    import streamlit as st
    from core.custom import MAX_LENGTH, parse

    assert len(HEAVY) <= MAX_LENGTH and parse(HEAVY).nodes > 90
    st.cache_resource.clear()
    counter = Counter()
    monkeypatch.setattr(net, "train", counter.train)
    q = {**WORST, "net_acts": ["Mish", "GELU", "SELU", "f(x)"], "fx": HEAVY, "net_mode": mode}
    at = run_page("network", query=q, locale="en-US")
    assert not at.exception
    formula_trained = any(not isinstance(a, str) for c in counter.calls for a in c[1])
    refused = [w.value for w in at.warning if "left out of the comparison" in w.value]
    assert formula_trained != bool(refused)
    assert counter.units() <= net.REQUEST_BUDGET
    assert "epochs would take too long" in texts(at)


def test_a_formula_over_the_budget_for_one_epoch_is_left_out(monkeypatch):
    """When one per-sample epoch of the formula alone costs more than the section's budget,
    the page trains the other networks and says that f(x) was left out (ko and en)."""
    import streamlit as st
    from core.custom import parse
    from ui.runs import network as runs

    sizes, n = (2, 8, 8, 8, 1), 400
    one_epoch = net.epoch_cost(sizes, [parse(HEAVY)] * 3 + ["sigmoid"], n)
    relu_epoch = net.epoch_cost(sizes, ["relu"] * 3 + ["sigmoid"], n)
    monkeypatch.setattr(runs, "COMPARE_BUDGET", (one_epoch + 4 * relu_epoch) // 2)
    assert 4 * relu_epoch < runs.COMPARE_BUDGET < one_epoch
    q = {"net_n": str(n), "net_layers": "3", "net_w1": "8", "net_w2": "8", "net_w3": "8",
         "net_acts": ["ReLU", "f(x)"], "fx": HEAVY, "net_epochs": "10"}
    for locale, words in (("en-US", "left out of the comparison"), ("ko-KR", "비교에서 뺐습니다")):
        st.cache_resource.clear()
        counter = Counter()
        monkeypatch.setattr(net, "train", counter.train)
        at = run_page("network", query=q, locale=locale)
        assert not at.exception
        assert any(words in w.value and "400" in w.value for w in at.warning)
        assert {c[1] for c in counter.calls if c[0] == sizes} == {("relu",) * 3 + ("sigmoid",)}
        assert set(loss_traces(at)) == {"ReLU"}


@pytest.mark.parametrize("query", [{}, {"net_mix": "true"}, {"net_acts": ["ReLU"]}])
def test_a_page_open_with_the_timeline_frames_stays_under_400_kb(query):
    """Every chart of the page, the main one with all its frames (issue #24's payload bound);
    the maps go as one byte per value."""
    at = run_page("network", query=query, locale="en-US")
    sizes = [len(el.proto.bytes) for el in at.get("bidi_component")
             if el.proto.component_name == "activation_lab.chart"]
    assert sum(sizes) <= 400_000, sizes
    scrub = next(d for d in chart_docs(at) if d.get("scrubs"))["scrubs"][0]
    assert scrub["control"] == "net_at" and len(scrub["values"]) >= 20
    assert {b["attr"] for b in scrub["blocks"] if "u1" in b} == {"z"}
