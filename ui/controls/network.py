"""The controls of the small-network lab (pages/network.py), each once.

``shown_with`` holds one set-up of other controls under which the page draws a control (the
second layer's width needs two hidden layers, a mix layer the mix switch): tests and the bench
set those values to reach it. Families (a width and a mix activation per hidden layer, a stage
slider per worked example) are generated from core's limits.
"""

from __future__ import annotations

from core import datasets as ds
from core import network as net
from core.activations import ACTIVATIONS
from core.custom import MAX_LENGTH
from ui.controls import Control, Spec
from ui.format import fmt

CUSTOM = "custom"      # the hidden-activation option that stands for the f(x) box (URL key fx)
CUSTOM_LABEL = "f(x)"
MAX_COMPARE = 4        # hidden activations compared side by side
DEFAULT_WIDTH = 4      # units per hidden layer by default
MIX_DEFAULTS = ("relu", "tanh", "relu")  # the mixed network's layers, by default
STAGES = ("forward", "error", "backward", "update")
COURSE_SIZES = "-".join(map(str, net.COURSE_XOR_SIZES))
# worked examples of the step-through: id → language-neutral label (what the URL stores)
EXAMPLES = {"relu231": "2-3-1 ReLU", "xor": f"XOR {COURSE_SIZES}"}
EXAMPLE_SAMPLES = {"relu231": 1, "xor": len(net.XOR_X)}  # traced updates per example
LIN_WIDTH = 6          # units of every hidden layer in the linear-versus-non-linear section


def name(act_id: str) -> str:
    """Language-neutral activation name (also what the URL stores)."""
    if act_id == CUSTOM:
        return CUSTOM_LABEL
    return ACTIVATIONS[act_id].name


def _number(v: float) -> str:
    return f"{v:g}"


def _widths() -> list[Control]:
    return [Control(f"net_w{k}", "slider", DEFAULT_WIDTH, label="network.width", lo=1,
                    hi=net.MAX_WIDTH, values={"k": k}, shown_with={"net_layers": k})
            for k in range(1, net.MAX_HIDDEN_LAYERS + 1)]


def _mixes() -> list[Control]:
    return [Control(f"net_mix{k}", "select", MIX_DEFAULTS[(k - 1) % len(MIX_DEFAULTS)],
                    label="network.mix_layer", options=net.LAB_HIDDEN, names=name,
                    values={"k": k}, shown_with={"net_mix": True, "net_layers": k})
            for k in range(1, net.MAX_HIDDEN_LAYERS + 1)]


def _positions() -> list[Control]:
    return [Control(f"net_pos_{ex}", "slider", 1, label="network.step.pos", lo=1,
                    hi=samples * len(STAGES), shown_with={"net_ex": ex})
            for ex, samples in EXAMPLE_SAMPLES.items()]


EXAMPLE_HELP = dict(x=", ".join(fmt(v) for v in net.COURSE_231_X), t=fmt(net.COURSE_231_T),
                    lr=fmt(net.COURSE_LR), sizes=COURSE_SIZES, relu_label=EXAMPLES["relu231"])

SPEC = Spec("network", [
    Control("net_data", "select", "xor", label="network.data", help="network.data_help",
            options=("xor", "circles", "moons", "spiral", "blobs"), names="network.opt.data"),
    Control("net_acts", "multi", ["identity", "sigmoid", "tanh", "relu"], label="network.acts",
            help="network.acts_help", options=net.LAB_HIDDEN + (CUSTOM,), names=name,
            most=MAX_COMPARE, values={"k": MAX_COMPARE}),
    Control("fx", "text", "", label="custom.label", help="custom.help",
            max_chars=MAX_LENGTH + 1, values={"max": MAX_LENGTH},
            shown_with={"net_acts": [CUSTOM]}),
    Control("net_lr", "select", net.COURSE_LR, label="network.lr",
            options=(0.001, 0.01, 0.05, 0.1, net.COURSE_LR, 0.5, 1.0, 2.0), names=_number),
    Control("net_epochs", "select", 1000, label="network.epochs",
            options=(10, 100, 300, 1000, 3000, 10000, 30000, net.COURSE_EPOCHS), names=str),
    # the epoch the timeline shows: up to the run's last epoch (snapped to the snapshots kept
    # while it trained); without one in the link, the last epoch
    Control("net_at", "slider", 0, label="network.at", help="network.at_help", lo=0,
            hi=net.MAX_EPOCHS, step=1, dynamic=True, scrub=True),
    Control("net_n", "slider", 100, label="network.n", lo=ds.MIN_N, hi=400, step=4),
    Control("net_noise", "slider", 0.1, label="network.noise", lo=0.0, hi=0.5, step=0.01),
    Control("net_out", "select", "sigmoid", label="network.out", help="network.out_help",
            options=net.LAB_OUTPUT, names=name),
    Control("net_mode", "select", "sample", label="network.mode", help="network.mode_help",
            options=net.MODES, names="network.opt.mode"),
    Control("net_layers", "slider", 1, label="network.layers", lo=1, hi=net.MAX_HIDDEN_LAYERS),
    *_widths(),
    Control("net_init", "select", "xavier", label="network.init", help="network.init_help",
            options=("course", "xavier", "he", "normal"),
            names="network.opt.init", legacy={"Xavier": "xavier"},  # links made before the rename
            values={"sizes": COURSE_SIZES, "width": net.COURSE_XOR_SIZES[1],
                    "sd": fmt(net.NORMAL_SCALE)}),
    Control("net_seed", "number", 0, label="network.seed", lo=0, hi=9999),
    Control("net_loss", "select", "mse", label="network.loss", help="network.loss_help",
            options=net.LOSSES, names={"mse": "MSE", "bce": "BCE"}.get),
    Control("net_bias", "toggle", True, label="network.bias"),
    Control("net_mix", "toggle", False, label="network.mix", help="network.mix_help"),
    *_mixes(),
    Control("net_oc_epochs", "select", 10000, label="network.epochs",
            options=(1000, 3000, 10000, 30000, net.COURSE_EPOCHS), names=str),
    Control("net_ex", "segmented", "relu231", label="network.step.example",
            help="network.step.example_help", options=tuple(EXAMPLES), names=EXAMPLES.get,
            values=EXAMPLE_HELP),
    *_positions(),
    Control("net_lin_depth", "slider", 1, label="network.lin.depth", lo=1,
            hi=net.MAX_HIDDEN_LAYERS, values={"width": LIN_WIDTH}),
    Control("net_lin_acts", "multi", ["sigmoid", "relu"], label="network.lin.other",
            options=("sigmoid", "tanh", "relu", "leaky_relu", "elu"), names=name, most=3),
    Control("net_lin_epochs", "select", 300, label="network.epochs",
            options=(100, 300, 1000, 3000), names=str),
])

# the course's XOR set-up (the "course" button and the lesson): what differs from the defaults,
# and every control the button puts back
COURSE = dict(net_n=len(net.XOR_X), net_noise=0.0, net_w1=net.COURSE_XOR_SIZES[1],
              net_epochs=net.COURSE_EPOCHS, net_init="course")
COURSE_KEYS = ("net_data", "net_n", "net_noise", "net_layers", "net_w1", "net_acts", "net_out",
               "net_lr", "net_epochs", "net_mode", "net_init", "net_bias", "net_loss")
