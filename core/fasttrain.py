"""The generated fast trainer: per-sample training of a small network as straight-line code.

Per-sample training of tiny networks is dominated by Python overhead, so for a given
architecture the whole update (forward, loss, deltas with the old weights, updates) is written
out as scalar Python statements, one Python float per weight, and compiled once
(``compiled``). Each activation enters through its scalar template in ``TEMPLATES``, written to
mirror core.activations operation by operation; the tests compare every template with the
catalogue's fn and grad on a grid, so a template that disagrees fails a test instead of being
skipped at run time. An activation without a template (or a user's formula) is not supported
here: core.network then trains on its plain numpy loop.

The generated source contains only numbers and names built from layer/unit indices: never text
from a user. ``checked`` makes that a rule at both ``exec`` calls: the activation ids must be keys
of ``TEMPLATES``, the layer sizes small ints, the bias a bool and the loss one of ``LOSSES``; any
other argument is refused with ValueError before a line of source is written.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable, Sequence

from core.activations import SELU_ALPHA, SELU_SCALE, get

_SQRT2 = math.sqrt(2)
_SQRT2PI = math.sqrt(2 * math.pi)

# Scalar versions of activation formulas. Each template sets {a} = f({z}) and {g} = f'({z});
# {e} is a scratch name; parameters appear by name ({alpha}, …; PReLU's a as {a_}) and are
# filled with the catalogue's defaults.
TEMPLATES: dict[str, str] = {
    "identity": "{a} = {z}\n{g} = 1.0",
    "step": "{a} = 1.0 if {z} > 0.0 else 0.0\n{g} = 0.0",
    "sign": "{a} = 1.0 if {z} > 0.0 else (-1.0 if {z} < 0.0 else 0.0)\n{g} = 0.0",
    "sigmoid": "{e} = exp(-abs({z}))\n"
               "{a} = 1.0 / (1.0 + {e}) if {z} >= 0.0 else {e} / (1.0 + {e})\n"
               "{g} = {a} * (1.0 - {a})",
    "tanh": "{a} = tanh({z})\n{g} = 1.0 - {a} * {a}",
    "relu": "if {z} > 0.0:\n    {a} = {z}; {g} = 1.0\nelse:\n    {a} = 0.0; {g} = 0.0",
    "leaky_relu": "if {z} > 0.0:\n    {a} = {z}; {g} = 1.0\n"
                  "else:\n    {a} = {negative_slope} * {z}; {g} = {negative_slope}",
    "prelu": "if {z} > 0.0:\n    {a} = {z}; {g} = 1.0\nelse:\n    {a} = {a_} * {z}; {g} = {a_}",
    "elu": "if {z} > 0.0:\n    {a} = {z}; {g} = 1.0\n"
           "else:\n    {a} = {alpha} * expm1({z}); {g} = {alpha} * exp({z})",
    "celu": "if {z} > 0.0:\n    {a} = {z}; {g} = 1.0\n"
            "else:\n    {a} = {alpha} * expm1({z} / {alpha}); {g} = exp({z} / {alpha})",
    "selu": "if {z} > 0.0:\n    {a} = _SCALE * {z}; {g} = _SCALE * 1.0\n"
            "else:\n    {a} = _SCALE * (_ALPHA * expm1({z})); {g} = _SCALE * (_ALPHA * exp({z}))",
    "silu": "{e} = exp(-abs({z}))\n"
            "{e} = 1.0 / (1.0 + {e}) if {z} >= 0.0 else {e} / (1.0 + {e})\n"
            "{a} = {z} * {e}\n{g} = {e} + {z} * {e} * (1.0 - {e})",
    "softplus": "{e} = {beta} * {z}\n"
                "if {e} > {threshold}:\n    {a} = {z}; {g} = 1.0\n"
                "else:\n"
                "    {a} = (max({e}, 0.0) + log1p(exp(-abs({e})))) / {beta}\n"
                "    {g} = exp(-abs({e}))\n"
                "    {g} = 1.0 / (1.0 + {g}) if {e} >= 0.0 else {g} / (1.0 + {g})",
    # mish: {g} first holds t = tanh(softplus(z)), {e} then holds σ(z)
    "mish": "{e} = exp(-abs({z}))\n"
            "{g} = tanh(max({z}, 0.0) + log1p({e}))\n"
            "{e} = 1.0 / (1.0 + {e}) if {z} >= 0.0 else {e} / (1.0 + {e})\n"
            "{a} = {z} * {g}\n"
            "{g} = {g} + {z} * (1.0 - {g} * {g}) * {e}",
    "softsign": "{e} = 1.0 + abs({z})\n{a} = {z} / {e}\n{g} = 1.0 / ({e} * {e})",
    "hardtanh": "{a} = min(max({z}, {min_val}), {max_val})\n"
                "{g} = 1.0 if {min_val} < {z} < {max_val} else 0.0",
    "relu6": "{a} = min(max({z}, 0.0), 6.0)\n{g} = 1.0 if 0.0 < {z} < 6.0 else 0.0",
    "gelu": "{a} = 0.5 * {z} * (1.0 + erf({z} / _SQRT2))\n"
            "{e} = min(max({z}, -1e150), 1e150)\n"
            "{g} = 0.5 * (1.0 + erf({e} / _SQRT2)) + {e} * (exp(-0.5 * {e} * {e}) / _SQRT2PI)",
}


LOSSES = ("mse", "bce")   # the losses generate() writes (core.network accepts these)
MAX_LAYERS = 6            # layer sizes in one architecture (input, hidden…, output): a bound
                          # on the source written, above core.network's own limits
MAX_UNITS = 16            # units in one layer


def checked(sizes: Sequence, activations: Sequence, has_bias: object = False,
            loss: str = "mse") -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(sizes, activations) as tuples, if generate() may write source from them: 2..MAX_LAYERS
    ints in 1..MAX_UNITS, one id of TEMPLATES per weight layer, has_bias a bool, loss in LOSSES;
    ValueError otherwise (no other text can reach ``exec``)."""
    sizes, activations = tuple(sizes), tuple(activations)
    if not 2 <= len(sizes) <= MAX_LAYERS or not all(
            type(n) is int and 1 <= n <= MAX_UNITS for n in sizes):
        raise ValueError(f"sizes must be 2..{MAX_LAYERS} ints in 1..{MAX_UNITS}, got {sizes!r}")
    if len(activations) != len(sizes) - 1 or not supported(activations):
        raise ValueError(f"activations must be {len(sizes) - 1} ids of TEMPLATES, "
                         f"got {activations!r}")
    if type(has_bias) is not bool or loss not in LOSSES:
        raise ValueError(f"has_bias must be a bool and loss one of {LOSSES}")
    return sizes, activations


# The binary cross-entropy of one output from its logit z and target t, the same formula as
# core.network.logit_bce: max(z, 0) − z·t + ln(1 + e^(−|z|)).
BCE_TEMPLATE = "(max({z}, 0.0) - {z} * {t} + log1p(exp(-abs({z}))))"


def namespace() -> dict[str, object]:
    """The names the generated code may use: scalar math functions and constants."""
    return {"exp": math.exp, "expm1": math.expm1, "log1p": math.log1p, "tanh": math.tanh,
            "erf": math.erf, "_SQRT2": _SQRT2, "_SQRT2PI": _SQRT2PI,
            "_SCALE": SELU_SCALE, "_ALPHA": SELU_ALPHA}


def snippet(act_id: str, z: str, a: str, g: str, e: str) -> list[str]:
    """The scalar template of act_id filled in with variable names and default parameters."""
    params = {("a_" if k == "a" else k): repr(float(v)) for k, v in get(act_id).defaults().items()}
    return TEMPLATES[act_id].format(z=z, a=a, g=g, e=e, **params).split("\n")


def scalar_function(act_id: str) -> Callable[[float], tuple[float, float]]:
    """z ↦ (f(z), f'(z)) compiled from act_id's template alone (what the tests compare with
    the catalogue)."""
    checked((1, 1), (act_id,))
    body = "\n".join("    " + line for line in snippet(act_id, "z", "a", "g", "e"))
    ns = namespace()
    exec(compile(f"def _f(z):\n{body}\n    return a, g\n", f"<scalar {act_id}>", "exec"), ns)
    return ns["_f"]


def supported(activations: Sequence) -> bool:
    """True if every activation is a catalogue id with a template (an Activation object, such
    as a user's formula, never goes through the generated code)."""
    return all(isinstance(a, str) and a in TEMPLATES for a in activations)


def generate(sizes: tuple[int, ...], activations: tuple[str, ...], has_bias: bool,
              loss: str) -> str:
    """Python source of `_run(params, rows, lr, epochs, limit)`: the whole per-sample training
    loop for one architecture, unrolled into scalar statements (see module doc); the arguments
    pass ``checked`` first."""
    sizes, activations = checked(sizes, activations, has_bias, loss)
    n_layers = len(sizes) - 1
    w_names = [f"w{l}_{i}_{j}" for l in range(1, n_layers + 1)
               for i in range(sizes[l - 1]) for j in range(sizes[l])]
    b_names = [f"b{l}_{j}" for l in range(1, n_layers + 1) for j in range(sizes[l])] \
        if has_bias else []
    params = w_names + b_names
    x_names = [f"a0_{i}" for i in range(sizes[0])]
    t_names = [f"t_{j}" for j in range(sizes[-1])]
    body: list[str] = []
    # forward
    for l in range(1, n_layers + 1):
        for j in range(sizes[l]):
            terms = " + ".join(f"a{l - 1}_{i} * w{l}_{i}_{j}" for i in range(sizes[l - 1]))
            if has_bias:
                terms = f"{terms} + b{l}_{j}" if sizes[l - 1] > 1 else f"{terms} + b{l}_{j}"
            body.append(f"z{l}_{j} = {terms}")
            body += snippet(activations[l - 1], f"z{l}_{j}", f"a{l}_{j}", f"g{l}_{j}", "e_")
    # loss and output signal
    L = n_layers
    if loss == LOSSES[0]:
        diffs = []
        for j in range(sizes[L]):
            body.append(f"r_{j} = a{L}_{j} - t_{j}")
            diffs.append(f"r_{j} * r_{j}")
            body.append(f"d{L}_{j} = r_{j} * g{L}_{j}")
        body.append(f"tot += 0.5 * ({' + '.join(diffs)})")
    else:
        parts = []
        for j in range(sizes[L]):
            body.append(f"d{L}_{j} = a{L}_{j} - t_{j}")
            parts.append(BCE_TEMPLATE.format(z=f"z{L}_{j}", t=f"t_{j}"))
        body.append(f"tot += {' + '.join(parts)}")
    # deltas, with the old weights
    for l in range(L - 1, 0, -1):
        for i in range(sizes[l]):
            back = " + ".join(f"d{l + 1}_{j} * w{l + 1}_{i}_{j}" for j in range(sizes[l + 1]))
            body.append(f"d{l}_{i} = ({back}) * g{l}_{i}")
    # updates
    for l in range(1, L + 1):
        for i in range(sizes[l - 1]):
            for j in range(sizes[l]):
                body.append(f"w{l}_{i}_{j} = w{l}_{i}_{j} - lr * (a{l - 1}_{i} * d{l}_{j})")
        if has_bias:
            for j in range(sizes[l]):
                body.append(f"b{l}_{j} = b{l}_{j} - lr * d{l}_{j}")
    inner = "\n".join("            " + line for line in body)
    unpack = ", ".join(params) + ","
    return (
        "def _run(params, rows, lr, epochs, limit):\n"
        f"    ({unpack}) = params\n"
        "    n = len(rows)\n"
        "    losses = []\n"
        "    for epoch in range(epochs):\n"
        "        tot = 0.0\n"
        f"        for ({', '.join(x_names)},), ({', '.join(t_names)},) in rows:\n"
        f"{inner}\n"
        "        tot = tot / n\n"
        "        losses.append(tot)\n"
        "        if not tot < limit:\n"
        "            break\n"
        f"    return [{', '.join(params)}], losses\n"
    )


@lru_cache(maxsize=64)
def compiled(sizes: tuple[int, ...], activations: tuple[str, ...], has_bias: bool,
             loss: str) -> Callable:
    """The compiled `_run(params, rows, lr, epochs, limit)` of generate(…) (cached; generate
    checks the arguments)."""
    source = generate(sizes, activations, has_bias, loss)
    ns = namespace()
    exec(compile(source, f"<network {'-'.join(map(str, sizes))}>", "exec"), ns)
    return ns["_run"]
