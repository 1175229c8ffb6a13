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
    z = scrub.frames[3]["data"][-1]["z"]["levels"]
    assert z.dtype == np.uint8
    np.testing.assert_array_equal(z, np.round(np.clip(mt.maps[1][3], 0, 1) * 255))
    cursor = scrub.frames[3]["data"][0]
    e = int(mt.epochs[3])
    assert cursor["x"].tolist() == [e] and cursor["y"][0] == np.float32(losses[0][e - 1])
    assert scrub.frames[0]["data"][0]["x"].size == 0          # epoch 0: no loss yet
    assert scrub.frames[3]["layout"]["shapes"][0]["x0"] == e
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
