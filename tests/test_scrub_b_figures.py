"""The network lab's timeline and the zig-zag step as scrubs: frame i of each Scrub, applied to
the figure the page draws, gives exactly the figure built at values[i]."""

from __future__ import annotations

import base64
import copy

import numpy as np
import pytest

from core import datasets as ds
from core import network as net
from ui.chart import apply_frame, pack_scrub
from ui.figures import network as nf
from ui.theme import Look


def plain(v):
    """A figure part with every array as a list of Python numbers (for comparison)."""
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.tolist()] if v.ndim else v.item()
    if isinstance(v, dict) and "bdata" in v:   # plotly's typed-array encoding
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if "shape" in v:
            a = a.reshape([int(n) for n in str(v["shape"]).split(",")])
        return plain(a)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, float) and np.isnan(v):
        return "nan"
    return v


def applied(fig, scrub, i: int) -> dict:
    """fig (a go.Figure) with frame i of scrub applied as the browser does (ui.chart)."""
    return plain(apply_frame(copy.deepcopy(fig.to_plotly_json()), scrub, i))


def timeline(models=2, epochs=90, count=10):
    X, y = (np.array(a) for a in (ds.make("moons", 60, 0.1, 1).X, ds.make("moons", 60, 0.1, 1).y))
    acts = [("relu", "sigmoid"), ("tanh", "sigmoid"), ("identity", "sigmoid")][:models]
    start = net.init_mlp((2, 4, 1), acts[0], "xavier", seed=2)
    *_, (done, results, tl) = net.train_timeline(
        [start.with_activations(a) for a in acts], X, y, 0.3, epochs, "sample", "mse", count,
        *ds.plot_box(X), 16)
    names = [a[0] for a in acts]
    mt = nf.MapTimeline(tl.epochs, tl.xs, tl.ys, tuple(tl.maps),
                        tuple(tuple(f"{n} · {a:.0%}" for a in tl.accuracy[i])
                              for i, n in enumerate(names)),
                        tuple(f"epoch {e} / {epochs}" for e in tl.epochs))
    return names, [r.losses for r in results], mt, X, y


TEXTS = nf.TimelineTexts("epoch", "loss", "output %", ("class 0", "class 1"), "output: sigmoid")


@pytest.mark.parametrize("look", [Look(), Look(classroom=True, dark=True)])
def test_timeline_frames_reproduce_the_figure_at_each_epoch(look):
    names, losses, mt, X, y = timeline()
    last = len(mt.epochs) - 1
    base = nf.timeline_figure(names, losses, mt, last, X, y, look, TEXTS)
    scrub = nf.timeline_scrub(mt, losses, last, look, True, "net_at", "Epoch")
    assert scrub.values == tuple(int(e) for e in mt.epochs) and scrub.index == last
    assert scrub.texts == mt.epoch_texts and len(scrub.frames) == len(mt.epochs)
    for i in range(len(mt.epochs)):
        want = plain(nf.timeline_figure(names, losses, mt, i, X, y, look, TEXTS)
                     .to_plotly_json())
        assert applied(base, scrub, i) == want
    # the frames carry the maps as one byte per value, and the cursor moves along the curves
    z = scrub.frames[3]["data"][-2]["z"]["levels"]
    assert z.dtype == np.uint8
    np.testing.assert_array_equal(z, np.round(np.clip(mt.maps[1][3], 0, 1) * 255))
    cursor = scrub.frames[3]["data"][0]
    e = int(mt.epochs[3])
    assert cursor["x"].tolist() == [e] and cursor["y"][0] == np.float32(losses[0][e - 1])
    assert scrub.frames[0]["data"][0]["x"].size == 0          # epoch 0: no loss yet
    assert scrub.frames[3]["data"][-1]["x"].tolist() == [e, e]     # the cursor line, a trace
    assert "shapes" not in scrub.frames[3]["layout"] and scrub.play
    packed = pack_scrub(scrub)        # the maps travel as one block of bytes over all frames
    maps = [b for b in packed["blocks"] if b["attr"] == "z"]
    assert len(maps) == 2 and all("u1" in b for b in maps)


def test_timeline_layout_big_maps():
    names, losses, mt, X, y = timeline(models=3)
    fig = nf.timeline_figure(names, losses, mt, 0, X, y, Look(classroom=True), TEXTS)
    lay = fig.layout
    # the projector: the maps two by two on the left, at least 200 px high each, the loss
    # chart on their right
    assert lay.yaxis2.domain == lay.yaxis3.domain and lay.yaxis4.domain[1] < lay.yaxis2.domain[0]
    assert all(lay[f"xaxis{i}"].domain[1] < lay.xaxis.domain[0] for i in (2, 3, 4))
    assert (lay.yaxis2.domain[1] - lay.yaxis2.domain[0]) * (lay.height - 60) >= 200
    assert lay.showlegend is False
    fig = nf.timeline_figure(names, losses, mt, 0, X, y, Look(), TEXTS)
    lay = fig.layout   # elsewhere: two rows of maps over a short loss chart
    assert lay.yaxis4.domain[1] < lay.yaxis2.domain[0] and lay.yaxis.domain[1] < lay.yaxis4.domain[0]
    assert nf.map_grid(5, Look()) == (3, 2) and nf.map_grid(1, Look()) == (1, 1)


def restyled(fig, scrub, i: int) -> dict:
    """fig with frame i applied as Plotly.update does it: dotted attributes (marker.size) set
    inside their object, layout keys replaced."""
    spec = copy.deepcopy(fig.to_plotly_json())
    frame = scrub.frames[i]
    for index, attrs in zip(frame["traces"], frame["data"]):
        for name, value in attrs.items():
            *path, last = name.split(".")
            target = spec["data"][index]
            for part in path:
                target = target.setdefault(part, {})
            target[last] = value
    spec["layout"].update(frame.get("layout") or {})
    return plain(spec)


@pytest.mark.parametrize("look", [Look(), Look(classroom=True)])
def test_zigzag_frames_reproduce_the_planes_at_each_step(look):
    from core import zigzag as zz
    from ui.figures import zigzag as zf

    runs = [zz.simulate(a, zz.DEFAULT_W0, zz.DEFAULT_W_STAR, 0.5, 60) for a in ("sigmoid", "relu")]
    grid = zf.scrub_steps(60, 2, (17,))
    assert grid == tuple(range(61))                    # a short run: every step
    k = 17
    base = zf.planes_figure(runs, ["a", "b"], k, 0.05, look, view_until=60)
    scrub = zf.planes_scrub(runs, grid, grid.index(k), look, "zz_t", "t")
    for i in (0, 1, 5, 17, 30, 59, 60):
        want = plain(zf.planes_figure(runs, ["a", "b"], grid[i], 0.05, look, view_until=60)
                     .to_plotly_json())
        assert restyled(base, scrub, i) == want, i
    # the current w of the left panel at step 30 is core's w₃₀
    cur = scrub.frames[30]["data"][4]
    assert (cur["x"][0], cur["y"][0]) == tuple(np.float32(runs[0].path[30]))


def test_zigzag_scrub_grid_is_bounded_and_keeps_the_steps_shown():
    from ui.figures import zigzag as zf

    for steps, dense in ((300, 20), (2000, 6)):
        grid = zf.scrub_steps(steps, 2, (137, 999))
        assert zf.scrub_cost(grid, 2) <= zf.SCRUB_BYTES + 2 * zf.scrub_cost((999,), 1)
        assert grid[0] == 0 and grid[-1] == steps and 137 in grid
        assert grid[:dense] == tuple(range(dense))     # every step where the zig-zag forms
        assert all(b > a for a, b in zip(grid, grid[1:]))
