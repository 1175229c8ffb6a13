"""The controls of the derivatives-and-saturation page, and the page's fixed set-ups (the
presets of the deep-network section, the network of the dying-ReLU sweep).

Activation choices are stored in the URL by their language-neutral names ("Sigmoid",
"Leaky ReLU", "f(x)" for the user's formula); the weight initialisations by their formula
labels ("Xavier √(1/n)", "|N(0, 1/n)|", "N(0, 0.01²)").
"""

from __future__ import annotations

from core import saturation as sat
from core.activations import ACTIVATIONS
from core.custom import MAX_LENGTH
from ui.controls import Control, Spec
from ui.format import fmt

MAX_ACTS = 4  # activations compared at once
CUSTOM = "custom"  # the option that stands for the formula in the f(x) box (URL key fx)
CUSTOM_LABEL = "f(x)"
FX_PREFIX = "fx:"  # inside the page the formula travels as "fx:<text>", so caches key on it
MLP_ACTS = ("sigmoid", "tanh", "hardtanh", "softsign", "relu", "leaky_relu", "prelu", "elu",
            "selu", "gelu_tanh", "silu", "mish", "softplus", "identity")
DIE_ACTS = ("relu", "leaky_relu", "prelu", "elu", "selu", "relu6", "gelu_tanh", "silu",
            "softplus", "sigmoid", "tanh")
INIT_LABELS = {"small": f"N(0, {fmt(sat.SMALL_STD)}²)", "xavier": "Xavier √(1/n)",
               "he": "He",
               "positive": "|N(0, 1/n)|"}
# the fixed network of the dying-ReLU sweep (not a control: every point of its chart uses it)
SWEEP = dict(depth=10, width=64, n_samples=128, init="he", seed=0)


def url_name(act_id: str) -> str:
    """An activation's language-neutral name: its option label and its spelling in the URL."""
    if act_id == CUSTOM:
        return CUSTOM_LABEL
    return ACTIVATIONS[act_id].name


SPEC = Spec("saturation", [
    # ------------------------------------------------------------ f and f′ (beside the picture)
    Control("sat_acts", "multi", ["sigmoid", "tanh", "relu"], label="saturation.acts",
            options=(*ACTIVATIONS, CUSTOM), names=url_name, most=MAX_ACTS,
            help="saturation.acts_help", values={"n": MAX_ACTS}),
    # scrubbed: the f / f′ chart's own range inputs move the shading and the probe in the browser
    Control("sat_t", "slider", 0.05, label="saturation.threshold", lo=0.001, hi=0.5, step=0.001,
            fmt="%.3f", help="saturation.threshold_help", scrub=True),
    Control("sat_xr", "slider", 8.0, label="saturation.xrange", lo=1.0, hi=20.0, step=0.5),
    Control("fx", "text", "", label="custom.label", help="custom.help",
            values={"max": MAX_LENGTH}, max_chars=MAX_LENGTH + 1,
            shown_with={"sat_acts": [CUSTOM]}),
    Control("sat_x", "slider", 1.5, label="saturation.probe", lo=-20.0, hi=20.0, step=0.05,
            help="saturation.probe_help", scrub=True),
    # ------------------------------------------------------------ through depth
    Control("sat_L", "slider", 20, label="saturation.depth_L", lo=1, hi=sat.MAX_FACTOR_DEPTH),
    # ------------------------------------------------------------ the simulated deep network
    Control("sat_mlp", "select", "sigmoid", label="saturation.mlp_act",
            options=(*MLP_ACTS, CUSTOM), names=url_name),
    Control("sat_init", "segmented", "xavier", label="saturation.init", options=sat.INITS,
            names=INIT_LABELS.get, help="saturation.init_help", legacy={"Xavier": "xavier"},
            values={"small": fmt(sat.SMALL_STD)}),
    Control("sat_depth", "slider", 10, label="saturation.mlp_depth", lo=2, hi=sat.MAX_DEPTH),
    Control("sat_width", "slider", 64, label="saturation.width", lo=4, hi=sat.MAX_WIDTH),
    Control("sat_n", "number", 256, label="saturation.samples", lo=10, hi=sat.MAX_SAMPLES,
            step=10),
    Control("sat_b", "slider", 0.0, label="saturation.bias", lo=-5.0, hi=5.0, step=0.25,
            help="saturation.bias_help"),
    Control("sat_seed", "number", 0, label="saturation.seed", lo=0, hi=9999),
    # ------------------------------------------------------------ dying ReLU
    Control("sat_die", "multi", ["relu", "leaky_relu", "elu"], label="saturation.die_acts",
            options=DIE_ACTS, names=url_name, most=MAX_ACTS, values={"n": MAX_ACTS}),
])

# one click to a known state of the deep network: activation, initialisation, depth, bias
PRESETS = {
    "sig_pos": dict(sat_mlp="sigmoid", sat_init="positive", sat_depth=10, sat_b=0.0),
    "sig_xav": dict(sat_mlp="sigmoid", sat_init="xavier", sat_depth=20, sat_b=0.0),
    "relu_he": dict(sat_mlp="relu", sat_init="he", sat_depth=20, sat_b=0.0),
    "relu_neg": dict(sat_mlp="relu", sat_init="he", sat_depth=10, sat_b=-1.0),
}


def probe_grid(half: float) -> tuple[float, ...]:
    """The probe's grid on the chart's x range [−half, half]: the slider's own steps there
    (the page clamps x₀ to the range, so the steps outside it draw nothing new)."""
    return tuple(v for v in SPEC["sat_x"].grid() if -half - 1e-9 <= v <= half + 1e-9)
