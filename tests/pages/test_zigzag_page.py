"""AppTest: the zig-zag page follows its controls and its URL, and states core's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from core import zigzag as zz
from core.activations import ACTIVATIONS
from tests.pages.conftest import chart_spec, chart_specs, decode, run_page, texts
from ui.i18n import act_name, set_lang

D0, DS = zz.DEFAULT_W0, zz.DEFAULT_W_STAR


def core_run(act="sigmoid", lr=zz.DEFAULT_LR, steps=zz.DEFAULT_STEPS, batch=1, seed=0, w0=D0,
             ws=DS, zs=1.0):
    return zz.simulate(act, w0, ws, lr, steps, batch_size=batch, seed=seed, z_scale=zs)


def en_name(act_id: str) -> str:
    """An activation's display name on the English page (prose and charts use ui.i18n.act_name)."""
    set_lang("en")
    return act_name(act_id)


def planes(at) -> dict:
    """The planes chart spec (the first chart)."""
    return chart_specs(at)[0]


def paths(at, name="path of w") -> list[np.ndarray]:
    """(n, 2) path arrays of the two panels, as sent to the browser."""
    out = []
    for tr in planes(at)["data"]:
        if tr.get("name") == name:
            out.append(np.column_stack([decode(tr["x"]), decode(tr["y"])]).astype(float))
    return out


def test_renders_in_korean_and_english():
    ko = run_page("zigzag")
    assert not ko.exception
    assert ko.title[0].value.startswith("지그재그 갱신")
    assert len(paths(ko, "w의 경로")) == 2
    en = run_page("zigzag", locale="en-US")
    assert not en.exception
    assert en.title[0].value.startswith("Zig-zag updates")
    assert len(chart_specs(en)) == 3          # planes, distance, perceptron


def test_url_step_opens_that_step_with_core_numbers():
    at = run_page("zigzag", query={"zz_t": "12", "zz_seed": "3"}, locale="en-US")
    assert not at.exception
    sig, tan = core_run(seed=3), core_run("tanh", seed=3)
    p_sig, p_tan = paths(at)
    assert p_sig.shape == (13, 2) and p_tan.shape == (13, 2)
    np.testing.assert_allclose(p_sig, sig.path[:13], atol=1e-6)
    np.testing.assert_allclose(p_tan, tan.path[:13], atol=1e-6)
    found = texts(at)
    rep = zz.step_report(sig, 12)
    x = rep.inputs[0]
    assert f"x = (+{x[0]:.3g}, +{x[1]:.3g})" in found
    assert "Step t = 12 in numbers" in found


def test_step_buttons_move_t_and_the_chart():
    at = run_page("zigzag", query={"zz_t": "5"}, locale="en-US")
    at.button(key="zz_fwd").click().run()
    assert at.session_state["zz_t"] == 6
    assert paths(at)[0].shape == (7, 2)
    at.button(key="zz_back").click().run()
    at.button(key="zz_back").click().run()
    assert at.session_state["zz_t"] == 4
    at.button(key="zz_reset").click().run()
    assert at.session_state["zz_t"] == 0
    assert paths(at)[0].shape == (1, 2)
    at.button(key="zz_jump").click().run()
    reach = zz.steps_to_reach(core_run(), zz.DEFAULT_EPS)
    assert at.session_state["zz_t"] == reach
    assert not at.exception


def test_learning_rate_slider_changes_the_path():
    at = run_page("zigzag", query={"zz_t": "20"}, locale="en-US")
    before = paths(at)[0]
    at.slider(key="zz_lr").set_value(1.0).run()
    after = paths(at)[0]
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, core_run(lr=1.0).path[:21], atol=1e-6)


def test_comparison_numbers_come_from_core():
    at = run_page("zigzag", locale="en-US")
    found = texts(at)
    s_sig = zz.summarize(core_run(), zz.DEFAULT_EPS)
    s_tan = zz.summarize(core_run("tanh"), zz.DEFAULT_EPS)
    ratio = s_sig.steps_to_reach / s_tan.steps_to_reach
    sig = en_name("sigmoid")
    assert (f"with **{sig}** inputs the neuron needed **{s_sig.steps_to_reach}** steps".lower()
            in found.lower())
    assert f"it needed **{s_tan.steps_to_reach}**" in found
    assert f"{ratio:.3g}× faster" in found
    assert f"({s_sig.detour_ratio:.3g}×)" in found
    assert f"{s_tan.same_sign_share * 100:.3g}%" in found
    v = zz.valley(core_run())
    assert f"eigenvalues {v.big:.3g} and {v.small:.3g}" in found


def test_minibatch_from_url_shows_the_averaged_row_and_batch_table():
    at = run_page("zigzag", query={"zz_bs": "4", "zz_t": "3"}, locale="en-US")
    assert not at.exception
    found = texts(at)
    assert "mean of 4" in found
    run = core_run(batch=4)
    du = run.updates[3]
    sign = lambda v: ("+" if v > 0 else "−") + f"{abs(v):.3g}"  # noqa: E731
    assert f"({sign(du[0])}, {sign(du[1])})" in found
    # batch table: steps to reach ε at batch 64 computed by core
    s64 = zz.summarize(core_run(batch=64), zz.DEFAULT_EPS)
    assert f"({zz.summarize(core_run(), zz.DEFAULT_EPS).steps_to_reach} → "\
           f"{s64.steps_to_reach})" in found


def test_play_toggle_adds_at_most_60_frames():
    at = run_page("zigzag", locale="en-US")
    assert not planes(at).get("frames")
    at.toggle(key="zz_play").set_value(True).run()
    frames = planes(at)["frames"]
    assert 2 <= len(frames) <= 60
    assert frames[0]["name"] == "0"
    reach = max(zz.steps_to_reach(core_run(r), zz.DEFAULT_EPS) for r in ("sigmoid", "tanh"))
    assert int(frames[-1]["name"]) == reach + 5
    assert planes(at)["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


def test_perceptron_numbers_come_from_core():
    at = run_page("zigzag", locale="en-US")
    p = zz.perceptron((0.5, -0.5), 0.2, 30)
    s = zz.perceptron_summary(p)
    found = texts(at)
    assert f"{s.moved} of the {s.presentations} sample presentations" in found
    assert f"Epoch {s.clean_epoch} was the first without a mistake" in found
    perc = chart_specs(at)[2]
    path = [tr for tr in perc["data"] if tr.get("name") == "path of w"][0]
    xs = decode(path["x"]).astype(float)
    moved = np.concatenate([[True], np.any(p.updates != 0, axis=1)])
    np.testing.assert_allclose(xs, p.path[moved][:, 0], atol=1e-6)
    at.slider(key="zz_plr").set_value(0.5).run()
    s2 = zz.perceptron_summary(zz.perceptron((0.5, -0.5), 0.5, 30))
    assert f"{s2.moved} of the {s2.presentations} sample presentations" in texts(at)


@pytest.mark.parametrize("query", [{"zz_lr": "abc"}, {"zz_n": "nan"}, {"zz_t": "1e9"},
                                   {"zz_a": "Bogus"}, {"zz_bs": "3"}, {"zz_w01": "inf"},
                                   {"zz_eps": "-1"}, {"zz_play": "maybe"}, {"zz_pep": "9999"}])
def test_bad_url_values_fall_back_with_a_notice(query):
    at = run_page("zigzag", query=query, locale="en-US")
    assert not at.exception
    key = next(iter(query))
    assert any(f"`{key}`" in w.value for w in at.warning), [w.value for w in at.warning]


@pytest.mark.parametrize("act_id", list(ACTIVATIONS))
def test_every_activation_renders(act_id):
    name = ACTIVATIONS[act_id].name
    at = run_page("zigzag", query={"zz_a": name, "zz_t": "30", "zz_n": "100"}, locale="en-US")
    assert not at.exception
    run = core_run(act_id, steps=100)
    np.testing.assert_allclose(paths(at)[0], run.path[:31], atol=1e-5, rtol=1e-6)
    for tr in planes(at)["data"]:
        for axis in ("x", "y"):
            if axis in tr:   # None marks a gap between loss rings; every number is finite
                values = [v for v in np.ravel(decode(tr[axis])) if v is not None]
                assert np.all(np.isfinite(np.asarray(values, dtype=float)))


def test_diverging_run_is_reported_and_stays_finite():
    at = run_page("zigzag", query={"zz_a": "Identity", "zz_lr": "3", "zz_zs": "5",
                                   "zz_t": "50"}, locale="en-US")
    assert not at.exception
    run = core_run("identity", lr=3.0, zs=5.0)
    assert run.diverged_at is not None
    assert any(f"step {run.diverged_at}" in e.value for e in at.error)
    for tr in planes(at)["data"]:
        if "x" in tr:
            values = [v for v in np.ravel(decode(tr["x"])) if v is not None]
            assert np.all(np.isfinite(np.asarray(values, dtype=float)))


def test_same_start_and_optimum_warns():
    at = run_page("zigzag", query={"zz_ws1": "1", "zz_ws2": "-1"}, locale="en-US")
    assert not at.exception
    assert any("same point" in w.value for w in at.warning)


def test_w_star_in_quadrant_one_is_explained():
    at = run_page("zigzag", query={"zz_ws1": "2", "zz_ws2": "1"}, locale="en-US")
    assert not at.exception
    assert "lies in quadrant I" in texts(at)


def test_classroom_mode_renders_bigger():
    at = run_page("zigzag", query={"classroom": "true"}, locale="en-US")
    assert not at.exception
    normal = run_page("zigzag", locale="en-US")
    assert planes(at)["layout"]["height"] > planes(normal)["layout"]["height"]


def test_batch_step_that_leaves_quadrants_is_explained():
    run = core_run(batch=4)
    k = int(np.flatnonzero(zz.update_classes(run.updates) == zz.MIX)[0])
    at = run_page("zigzag", query={"zz_bs": "4", "zz_t": str(k)}, locale="en-US")
    found = texts(at)
    assert "could only have pointed into quadrants I, III" in found
    assert "No single step can point into quadrant II" in found


def test_restore_defaults_button():
    at = run_page("zigzag", query={"zz_lr": "1.5", "zz_a": "ReLU", "zz_t": "9"}, locale="en-US")
    assert at.slider(key="zz_lr").value == 1.5
    at.button(key="zz_restore").click().run()
    assert at.slider(key="zz_lr").value == zz.DEFAULT_LR
    assert at.selectbox(key="zz_a").value == "sigmoid"
    # the default view again: the whole path up to where the left run reaches ε (issue #12)
    assert at.session_state["zz_t"] == zz.steps_to_reach(core_run(), zz.DEFAULT_EPS)
    assert not at.exception


def test_opens_with_the_whole_path_up_to_the_left_runs_reach_step():
    at = run_page("zigzag", locale="en-US")
    assert not at.exception
    sig, tan = core_run(), core_run("tanh")
    reach = zz.summarize(sig, zz.DEFAULT_EPS).steps_to_reach
    assert reach is not None and reach > 10
    assert at.session_state["zz_t"] == reach
    p_sig, p_tan = paths(at)
    assert p_sig.shape == (reach + 1, 2) and p_tan.shape == (reach + 1, 2)
    np.testing.assert_allclose(p_sig, sig.path[: reach + 1], atol=1e-6)
    np.testing.assert_allclose(p_tan, tan.path[: reach + 1], atol=1e-6)
    assert f"Step t = {reach} in numbers" in texts(at)


def test_an_explicit_step_in_the_link_is_kept():
    at = run_page("zigzag", query={"zz_t": "0"}, locale="en-US")
    assert not at.exception
    assert at.session_state["zz_t"] == 0
    assert [p.shape for p in paths(at)] == [(1, 2), (1, 2)]
    at = run_page("zigzag", query={"zz_t": "37"}, locale="en-US")
    assert at.session_state["zz_t"] == 37
    assert paths(at)[0].shape == (38, 2)


def test_default_step_follows_the_left_run():
    # a left run that never reaches ε within the steps opens at its last step (whole path)
    at = run_page("zigzag", query={"zz_lr": "0.01", "zz_n": "50"}, locale="en-US")
    run = core_run(lr=0.01, steps=50)
    assert zz.summarize(run, zz.DEFAULT_EPS).steps_to_reach is None
    assert at.session_state["zz_t"] == 50
    assert paths(at)[0].shape == (51, 2)
    # another left activation: its own reach step
    at = run_page("zigzag", query={"zz_a": "Tanh"}, locale="en-US")
    assert at.session_state["zz_t"] == zz.steps_to_reach(core_run("tanh"), zz.DEFAULT_EPS)


def test_play_from_the_opening_view_animates_from_step_zero():
    at = run_page("zigzag", query={"zz_play": "true"}, locale="en-US")
    reach = zz.steps_to_reach(core_run(), zz.DEFAULT_EPS)
    spec = planes(at)
    names = [int(f["name"]) for f in spec["frames"]]
    assert names[0] == 0 and names[-1] >= reach
    # the chart itself shows the opening view, and the play slider stands on that step
    assert paths(at)[0].shape == (reach + 1, 2)
    slider = spec["layout"]["sliders"][0]
    assert len(names) <= 60 and names[slider["active"]] == reach
    # an explicit step plays from that step on, as before
    at = run_page("zigzag", query={"zz_play": "true", "zz_t": "12"}, locale="en-US")
    assert int(planes(at)["frames"][0]["name"]) == 12


def _shade(at, panel: int = 0) -> np.ndarray:
    """Outline of the shaded quadrants of one panel (w, then 4 points per open quadrant)."""
    tr = [tr for tr in planes(at)["data"] if tr.get("name") == "quadrants open to the next step"]
    return np.column_stack([decode(tr[panel]["x"]), decode(tr[panel]["y"])]).astype(float)


def test_shaded_quadrants_follow_core_for_single_samples_and_minibatches():
    at = run_page("zigzag", query={"zz_t": "7"}, locale="en-US")
    run = core_run()
    assert zz.open_quadrants(run, 7) == (1, 3)
    shade = _shade(at)
    assert len(shade) == 1 + 4 * 2
    # every corner of the outline is w_7 or lies up-right / down-left of it (quadrants I and III)
    d = shade - run.path[7]
    assert np.all(d[:, 0] * d[:, 1] >= -1e-6)
    at = run_page("zigzag", query={"zz_t": "7", "zz_bs": "4"}, locale="en-US")
    assert zz.open_quadrants(core_run(batch=4), 7) == (1, 2, 3, 4)
    assert len(_shade(at)) == 1 + 4 * 4
    assert "the averaged step can point anywhere" in texts(at)


def test_perceptron_samples_are_listed_from_core():
    at = run_page("zigzag", locale="en-US")
    found = texts(at)
    listed = ", ".join(f"({x1:g}, {x2:g})→{int(y)}" for (x1, x2), y in
                       zip(zz.PERCEPTRON_X, zz.PERCEPTRON_T))
    assert f"in the order {listed}. No bias." in found
    assert f"the course's {len(zz.PERCEPTRON_X)} samples" in found
    ko = texts(run_page("zigzag"))
    assert f"순서는 {listed}이고" in ko


def test_same_activation_on_both_sides_is_a_tie():
    at = run_page("zigzag", query={"zz_b": "Sigmoid"}, locale="en-US")
    s = zz.summarize(core_run(), zz.DEFAULT_EPS)
    assert f"needed the same **{s.steps_to_reach}** steps" in texts(at)
    assert "faster" not in texts(at).split("needed the same")[1].split("\n")[0]


def test_batch_sentence_states_what_the_numbers_show():
    found = texts(run_page("zigzag", locale="en-US"))
    n1 = zz.summarize(core_run(), zz.DEFAULT_EPS).steps_to_reach
    n64 = zz.summarize(core_run(batch=64), zz.DEFAULT_EPS).steps_to_reach
    assert zz.similar_steps(n1, n64)
    assert f"hardly moved ({n1} → {n64})" in found
    ra, rb = zz.valley(core_run()).ratio, zz.valley(core_run("tanh")).ratio
    assert f"{ra:.3g} with {en_name('sigmoid')} inputs and {rb:.3g} with {en_name('tanh')} inputs" \
        in found
    # ReLU inputs: the batch of 64 needs far fewer steps, and the page says so instead
    relu = texts(run_page("zigzag", query={"zz_a": "ReLU"}, locale="en-US"))
    m1 = zz.summarize(core_run("relu"), zz.DEFAULT_EPS).steps_to_reach
    m64 = zz.summarize(core_run("relu", batch=64), zz.DEFAULT_EPS).steps_to_reach
    assert not zz.similar_steps(m1, m64)
    assert f"went from {m1} to {m64}" in relu and "hardly moved" not in relu


def test_non_zero_centred_inputs_of_both_signs_are_not_called_zero_centred():
    at = run_page("zigzag", query={"zz_b": "Leaky ReLU"}, locale="en-US")
    found = texts(at)
    mixed = zz.mixed_input_share(core_run("leaky_relu"))
    assert f"take both signs without being zero-centred: in this run {mixed * 100:.3g}%" in found
    assert "are zero-centred" not in found
    ko = texts(run_page("zigzag"))
    assert "0 중심입니다" in ko   # tanh, the default right panel


def test_why_title_matches_the_inputs():
    at = run_page("zigzag", locale="en-US")              # sigmoid on the left: locked
    assert any(h.value == "Why the all-positive inputs zig-zag" for h in at.subheader)
    at = run_page("zigzag", query={"zz_a": "Tanh"}, locale="en-US")   # tanh on both sides
    assert zz.mixed_input_share(core_run("tanh")) > 0
    heads = [h.value for h in at.subheader]
    assert "Where the steps could point in these runs" in heads
    assert "Why the all-positive inputs zig-zag" not in heads


@pytest.mark.parametrize("eps", ["0.05", "0.2"])
def test_epsilon_label_sits_on_the_epsilon_line_of_the_log_axis(eps):
    # plotly.js reads an annotation's y on a log axis as log10 of the value and a shape's as the
    # value itself; add_hline once put the label at 10^ε, near 1, far above the line
    import json

    at = run_page("zigzag", query={"zz_eps": eps}, locale="en-US")
    assert not at.exception
    spec = chart_spec(at, "zz_dist")
    assert spec["layout"]["yaxis"]["type"] == "log"
    (line,) = spec["layout"]["shapes"]
    (label,) = spec["layout"]["annotations"]
    assert line["y0"] == line["y1"] == pytest.approx(float(eps))
    assert label["y"] == pytest.approx(np.log10(float(eps)))
    assert label["text"] == f"ε = {float(eps):g}"


# ------------------------------------------------------------------------- the control spec

WIDGET_KINDS = ("slider", "number_input", "selectbox", "toggle")


def widget_values(at) -> dict:
    """key → value of every keyed widget of these kinds on the page, and of the scrubbed
    controls (their range inputs belong to the charts; their values live in the session)."""
    from tests.pages.conftest import chart_docs

    values = {w.key: w.value for kind in WIDGET_KINDS for w in at.get(kind)
              if getattr(w, "key", None)}
    for doc in chart_docs(at):
        for scrub in doc.get("scrubs", []):
            values[scrub["control"]] = at.session_state[scrub["control"]]
    return values


def close(a, b) -> bool:
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return a == b


def test_every_control_of_the_spec_is_drawn_with_its_default():
    from ui.controls.zigzag import SPEC

    at = run_page("zigzag", locale="en-US")
    values = widget_values(at)
    assert set(SPEC.keys()) <= set(values), sorted(set(SPEC.keys()) - set(values))
    for c in SPEC:
        if not c.dynamic:
            assert close(values[c.key], c.default), (c.key, values[c.key], c.default)
    # the dynamic ones: the step where the left run reaches ε, the perceptron's last update
    assert values["zz_t"] == zz.steps_to_reach(core_run(), zz.DEFAULT_EPS)
    c = SPEC
    p = zz.perceptron((c["zz_pw1"].default, c["zz_pw2"].default), c["zz_plr"].default,
                      c["zz_pep"].default)
    assert values["zz_pk"] == len(p.updates)


def test_a_state_spelled_by_the_spec_opens_that_view():
    from ui.controls.zigzag import SPEC

    state = SPEC.state(zz_a="relu", zz_b="elu", zz_lr=0.7, zz_n=200, zz_w01=1.5, zz_w02=-0.5,
                       zz_ws1=-1.2, zz_ws2=0.8, zz_bs=4, zz_eps=0.1, zz_seed=3, zz_zs=2.0,
                       zz_t=17, zz_pw1=0.3, zz_pw2=-0.2, zz_plr=0.5, zz_pep=12, zz_pk=9)
    at = run_page("zigzag", query=SPEC.to_query(state), locale="en-US")
    assert not at.exception and not at.warning
    values = widget_values(at)
    for key, value in state.items():
        assert close(values[key], value), (key, values[key], value)
    run = zz.simulate("relu", (1.5, -0.5), (-1.2, 0.8), 0.7, 200, batch_size=4, seed=3,
                      z_scale=2.0)
    np.testing.assert_allclose(paths(at)[0], run.path[:18], atol=1e-5)


def test_lesson_steps_are_complete_states_of_the_spec():
    from ui.controls.zigzag import SPEC
    from ui.lessons import steps

    # every shared control, the shown step included; the perceptron's step follows its run
    shared = {c.key for c in SPEC.shared() if not c.dynamic} | {"zz_t"}
    for step in steps("zigzag"):
        assert set(step.state) == shared, step.id
        assert step.state["zz_seed"] == 0.0            # the number box's session form
        assert SPEC.from_query(SPEC.to_query(step.state)) == step.state


PAYLOADS = ["![i](//example.org/t.png)", "[Session expired](https://example.org)"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_link_markdown_in_every_key_is_shown_as_text(payload):
    import re

    from ui.controls.zigzag import SPEC

    at = run_page("zigzag", query={key: payload for key in SPEC.keys()}, locale="en-US")
    assert not at.exception
    notices = [w.value for w in at.warning]
    for key in SPEC.keys():        # every key's bad value is named …
        assert any(f"`{key}`" in n for n in notices), key
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption] + notices + \
        [e.value for e in list(at.error) + list(at.info)]
    for text in shown:             # … and shown escaped: no link, no image
        assert not re.search(r"(?<!\\)\]\(", text), text
    assert any("example\\.org" in n for n in notices)    # the link's text, escaped


@pytest.mark.parametrize("query", [{}, {"zz_n": "100"}, {"zz_n": "2000"}])
def test_a_page_open_with_the_step_frames_stays_under_400_kb(query):
    """Every chart of the page, the planes with all the frames of the scrubbed step."""
    at = run_page("zigzag", query=query, locale="en-US")
    sizes = [len(el.proto.bytes) for el in at.get("bidi_component")
             if el.proto.component_name == "activation_lab.chart"]
    assert sum(sizes) <= 400_000, sizes
    from tests.pages.conftest import chart_docs

    scrub = next(d for d in chart_docs(at) if d.get("scrubs"))["scrubs"][0]
    assert scrub["control"] == "zz_t" and scrub["values"][:6] == list(range(6))
    assert at.session_state["zz_t"] in scrub["values"]
