"""The controls of the zig-zag page: the two activations and the set-up of the two runs, the step
being shown and Play, and the perceptron section. Defaults and limits come from core.zigzag."""

from __future__ import annotations

from core import zigzag as zz
from core.activations import ACTIVATIONS
from ui.controls import Control, Spec
from ui.i18n import t

W_MAX = 5.0          # the start and optimum boxes stay within ±W_MAX (core allows more)
LR_MAX = 3.0
STEPS_MIN = 10
SEED_MAX = 9999
Z_SCALE_MAX = 5.0
EPS_RANGE = (0.01, 0.5)
# the mini-batch sizes offered: powers of two up to core's largest batch
BATCHES = tuple(2 ** i for i in range(zz.MAX_BATCH.bit_length()) if 2 ** i <= zz.MAX_BATCH)
# the perceptron section (the course's example): start, learning rate, epochs
P_W0, P_LR, P_EPOCHS, P_EPOCHS_MAX, P_LR_MAX = (0.5, -0.5), 0.2, 30, 200, 2.0
SUB = {1: "₁", 2: "₂"}


def neutral_name(act_id: str) -> str:
    """An activation as the URL spells it: its language-neutral catalogue name."""
    return ACTIVATIONS[act_id].name


def _component(prefix: str, i: int):
    """The label of one weight's box: "<prefix> · w₁"."""
    return lambda: f"{t(prefix)} · w{SUB[i]}"


def _weights(key: str, prefix: str, default: tuple[float, float]) -> list[Control]:
    """One number box per weight (w₁, w₂) of a point in the plane."""
    return [Control(f"{key}{i}", "number", float(default[i - 1]), label=_component(prefix, i),
                    lo=-W_MAX, hi=W_MAX, step=0.1) for i in (1, 2)]


def _activation(key: str, label: str, default: str) -> Control:
    return Control(key, "select", default, label=label, options=tuple(ACTIVATIONS),
                   names=neutral_name, help="zigzag.act_help")


SPEC = Spec("zigzag", [
    _activation("zz_a", "zigzag.act_a", "sigmoid"),
    _activation("zz_b", "zigzag.act_b", "tanh"),
    Control("zz_lr", "slider", zz.DEFAULT_LR, label="zigzag.lr", lo=0.01, hi=LR_MAX, step=0.01),
    Control("zz_n", "slider", zz.DEFAULT_STEPS, label="zigzag.steps", lo=STEPS_MIN,
            hi=zz.MAX_STEPS, step=10),
    *_weights("zz_w0", "zigzag.w0", zz.DEFAULT_W0),
    *_weights("zz_ws", "zigzag.wstar", zz.DEFAULT_W_STAR),
    Control("zz_bs", "select", 1, label="zigzag.batch", options=BATCHES,
            help="zigzag.batch_help"),
    Control("zz_eps", "slider", zz.DEFAULT_EPS, label="zigzag.eps", lo=EPS_RANGE[0],
            hi=EPS_RANGE[1], step=0.01, help="zigzag.eps_help"),
    Control("zz_seed", "number", 0, label="zigzag.seed", lo=0, hi=SEED_MAX, step=1),
    Control("zz_zs", "slider", 1.0, label="zigzag.zscale", lo=0.1, hi=Z_SCALE_MAX, step=0.1),
    Control("zz_play", "toggle", False, label="zigzag.play", help="zigzag.play_help"),
    # the step shown: up to the run's last step; without one in the link the page opens where
    # the left run reaches ε (the whole zig-zag at once); scrubbed on the planes chart
    Control("zz_t", "slider", 0, label="zigzag.t", lo=0, hi=zz.MAX_STEPS, step=1, dynamic=True,
            scrub=True),
    *_weights("zz_pw", "zigzag.perc_w0", P_W0),
    Control("zz_plr", "slider", P_LR, label="zigzag.perc_lr", lo=0.01, hi=P_LR_MAX, step=0.01),
    Control("zz_pep", "slider", P_EPOCHS, label="zigzag.perc_epochs", lo=1, hi=P_EPOCHS_MAX),
    # the perceptron update shown: up to the last one of the run (4 per epoch), the last one
    Control("zz_pk", "slider", 0, label="zigzag.perc_k", lo=0,
            hi=P_EPOCHS_MAX * len(zz.PERCEPTRON_X), step=1, dynamic=True),
])

# the set-up of the two runs (what "restore the defaults" puts back; zz_t goes to the opening step)
SETUP = ("zz_a", "zz_b", "zz_lr", "zz_n", "zz_w01", "zz_w02", "zz_ws1", "zz_ws2", "zz_bs",
         "zz_eps", "zz_seed", "zz_zs")
