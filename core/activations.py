"""The activation catalogue: every function, its analytic derivative and its parameters.

Definitions, parameter names and defaults follow PyTorch (``torch.nn.functional``), including the
derivative it uses at a kink (for example ReLU'(0) = 0, LeakyReLU'(0) = negative_slope).

Usage::

    from core.activations import get
    sig = get("sigmoid")
    sig.fn(x), sig.grad(x)             # f(x), f'(x)
    get("elu").fn(x, alpha=0.5)        # parametric functions take keyword parameters

Every formula is written so that no intermediate value overflows: exponentials only ever see
non-positive arguments, and branches are computed on clipped inputs before ``np.where`` picks one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.numeric import erf

Array = np.ndarray

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def as_float_array(x: Array | float) -> Array:
    """Return x as a floating array: float16/32/64 kept, anything else -> float64."""
    arr = np.asarray(x)
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    return arr


def _like(x: Array, value: Array | float) -> Array:
    """Broadcast value to x's shape and dtype."""
    return np.broadcast_to(np.asarray(value, dtype=x.dtype), x.shape).copy()


# ----------------------------------------------------------------------------- building blocks


def stable_sigmoid(x: Array) -> Array:
    """σ(x) = 1 / (1 + e^(−x)), computed as e^(−|x|)-based branches so exp never overflows."""
    x = as_float_array(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype)


def stable_softplus(x: Array) -> Array:
    """softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)) (no overflow for large |x|)."""
    x = as_float_array(x)
    return (np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))).astype(x.dtype)


# ----------------------------------------------------------------------------- the functions
# Each pair (f, f') takes a float array x and keyword parameters.


def identity(x: Array) -> Array:
    """f(x) = x."""
    return x.copy()


def identity_grad(x: Array) -> Array:
    """f'(x) = 1."""
    return _like(x, 1.0)


def step(x: Array) -> Array:
    """Binary step: f(x) = 1 if x > 0 else 0 (f(0) = 0)."""
    return (x > 0).astype(x.dtype)


def zero_grad(x: Array, **_: float) -> Array:
    """f'(x) = 0 wherever it exists (the convention at the jump is 0 too)."""
    return _like(x, 0.0)


def sign(x: Array) -> Array:
    """f(x) = sign(x) ∈ {−1, 0, +1} with sign(0) = 0."""
    return np.sign(x)


def sigmoid(x: Array) -> Array:
    """σ(x) = 1 / (1 + e^(−x))."""
    return stable_sigmoid(x)


def sigmoid_grad(x: Array) -> Array:
    """σ'(x) = σ(x)·(1 − σ(x))."""
    s = stable_sigmoid(x)
    return s * (1 - s)


def tanh(x: Array) -> Array:
    """tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x))."""
    return np.tanh(x)


def tanh_grad(x: Array) -> Array:
    """tanh'(x) = 1 − tanh²(x)."""
    t = np.tanh(x)
    return 1 - t * t


def relu(x: Array) -> Array:
    """ReLU(x) = max(0, x)."""
    return np.maximum(x, 0).astype(x.dtype)


def relu_grad(x: Array) -> Array:
    """ReLU'(x) = 1 if x > 0 else 0 (PyTorch: 0 at x = 0)."""
    return (x > 0).astype(x.dtype)


def leaky_relu(x: Array, negative_slope: float = 0.01) -> Array:
    """LeakyReLU(x) = x if x > 0 else negative_slope·x."""
    return np.where(x > 0, x, negative_slope * x).astype(x.dtype)


def leaky_relu_grad(x: Array, negative_slope: float = 0.01) -> Array:
    """LeakyReLU'(x) = 1 if x > 0 else negative_slope (PyTorch: negative_slope at 0)."""
    return np.where(x > 0, 1.0, negative_slope).astype(x.dtype)


def prelu(x: Array, a: float = 0.25) -> Array:
    """PReLU(x) = x if x > 0 else a·x, where a is learned during training (init 0.25)."""
    return leaky_relu(x, a)


def prelu_grad(x: Array, a: float = 0.25) -> Array:
    """PReLU'(x) = 1 if x > 0 else a."""
    return leaky_relu_grad(x, a)


def elu(x: Array, alpha: float = 1.0) -> Array:
    """ELU(x) = x if x > 0 else α·(eˣ − 1)."""
    neg = alpha * np.expm1(np.minimum(x, 0))
    return np.where(x > 0, x, neg).astype(x.dtype)


def elu_grad(x: Array, alpha: float = 1.0) -> Array:
    """ELU'(x) = 1 if x > 0 else α·eˣ (PyTorch: α at 0)."""
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0))).astype(x.dtype)


def selu(x: Array) -> Array:
    """SELU(x) = λ·(x if x > 0 else α·(eˣ − 1)), λ ≈ 1.0507, α ≈ 1.6733."""
    return (SELU_SCALE * elu(x, SELU_ALPHA)).astype(x.dtype)


def selu_grad(x: Array) -> Array:
    """SELU'(x) = λ if x > 0 else λ·α·eˣ."""
    return (SELU_SCALE * elu_grad(x, SELU_ALPHA)).astype(x.dtype)


def celu(x: Array, alpha: float = 1.0) -> Array:
    """CELU(x) = max(0, x) + min(0, α·(e^(x/α) − 1))."""
    neg = alpha * np.expm1(np.minimum(x, 0) / alpha)
    return np.where(x > 0, x, neg).astype(x.dtype)


def celu_grad(x: Array, alpha: float = 1.0) -> Array:
    """CELU'(x) = 1 if x > 0 else e^(x/α)."""
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0) / alpha)).astype(x.dtype)


def gelu(x: Array) -> Array:
    """GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2)) (exact form)."""
    return (0.5 * x * (1 + erf(x / math.sqrt(2)))).astype(x.dtype)


def gelu_grad(x: Array) -> Array:
    """GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π)."""
    xd = np.clip(x.astype(np.float64), -1e150, 1e150)
    cdf = 0.5 * (1 + erf(xd / math.sqrt(2)))
    pdf = np.exp(-0.5 * xd * xd) / math.sqrt(2 * math.pi)
    return (cdf + xd * pdf).astype(x.dtype)


_GELU_K = math.sqrt(2 / math.pi)


def _gelu_u2(x: Array) -> Array:
    """2u = 2·√(2/π)·(x + 0.044715·x³), on float64 clipped so the cube cannot overflow."""
    xd = np.clip(x.astype(np.float64), -1e100, 1e100)
    return 2 * _GELU_K * (xd + 0.044715 * xd**3)


def gelu_tanh(x: Array) -> Array:
    """GELU (tanh approx.) = ½·x·(1 + tanh u) = x·σ(2u), u = √(2/π)·(x + 0.044715·x³)."""
    xd = np.clip(x.astype(np.float64), -1e100, 1e100)
    return (xd * stable_sigmoid(_gelu_u2(x))).astype(x.dtype)


def gelu_tanh_grad(x: Array) -> Array:
    """d/dx = σ(2u) + x·2σ(2u)(1 − σ(2u))·√(2/π)·(1 + 3·0.044715·x²)  (½(1 + tanh u) = σ(2u))."""
    xd = np.clip(x.astype(np.float64), -1e100, 1e100)
    s = stable_sigmoid(_gelu_u2(x))
    ds = 2 * s * (1 - s)
    inner = np.where(ds == 0, 0.0, xd * _GELU_K * (1 + 3 * 0.044715 * np.clip(xd, -1e50, 1e50) ** 2))
    return (s + ds * inner).astype(x.dtype)


def silu(x: Array) -> Array:
    """SiLU(x) = x·σ(x) (Swish with β = 1)."""
    return (x * stable_sigmoid(x)).astype(x.dtype)


def silu_grad(x: Array) -> Array:
    """SiLU'(x) = σ(x)·(1 + x·(1 − σ(x)))."""
    s = stable_sigmoid(x)
    return (s + x * s * (1 - s)).astype(x.dtype)


def swish(x: Array, beta: float = 1.0) -> Array:
    """Swish(x) = x·σ(β·x)."""
    return (x * stable_sigmoid(beta * x)).astype(x.dtype)


def swish_grad(x: Array, beta: float = 1.0) -> Array:
    """Swish'(x) = σ(βx) + β·x·σ(βx)·(1 − σ(βx))."""
    s = stable_sigmoid(beta * x)
    return (s + beta * x * s * (1 - s)).astype(x.dtype)


def mish(x: Array) -> Array:
    """Mish(x) = x·tanh(softplus(x))."""
    return (x * np.tanh(stable_softplus(x))).astype(x.dtype)


def mish_grad(x: Array) -> Array:
    """Mish'(x) = tanh(sp) + x·(1 − tanh²(sp))·σ(x), sp = softplus(x)."""
    t = np.tanh(stable_softplus(x))
    return (t + x * (1 - t * t) * stable_sigmoid(x)).astype(x.dtype)


def softplus(x: Array, beta: float = 1.0, threshold: float = 20.0) -> Array:
    """Softplus(x) = (1/β)·ln(1 + e^(βx)); reverts to x where β·x > threshold (PyTorch)."""
    z = beta * x
    return np.where(z > threshold, x, stable_softplus(z) / beta).astype(x.dtype)


def softplus_grad(x: Array, beta: float = 1.0, threshold: float = 20.0) -> Array:
    """Softplus'(x) = σ(β·x), and 1 where β·x > threshold."""
    z = beta * x
    return np.where(z > threshold, 1.0, stable_sigmoid(z)).astype(x.dtype)


def softsign(x: Array) -> Array:
    """Softsign(x) = x / (1 + |x|)."""
    return x / (1 + np.abs(x))


def softsign_grad(x: Array) -> Array:
    """Softsign'(x) = 1 / (1 + |x|)²."""
    d = 1 + np.abs(x)
    return 1 / (d * d)


def hardtanh(x: Array, min_val: float = -1.0, max_val: float = 1.0) -> Array:
    """HardTanh(x) = clip(x, min_val, max_val)."""
    return np.clip(x, min_val, max_val).astype(x.dtype)


def hardtanh_grad(x: Array, min_val: float = -1.0, max_val: float = 1.0) -> Array:
    """HardTanh'(x) = 1 if min_val < x < max_val else 0 (0 at both corners)."""
    return ((x > min_val) & (x < max_val)).astype(x.dtype)


def hardsigmoid(x: Array) -> Array:
    """HardSigmoid(x) = ReLU6(x + 3)/6 = clip(x/6 + ½, 0, 1)."""
    return np.clip(x / 6 + 0.5, 0, 1).astype(x.dtype)


def hardsigmoid_grad(x: Array) -> Array:
    """HardSigmoid'(x) = 1/6 if −3 < x < 3 else 0."""
    return np.where((x > -3) & (x < 3), 1 / 6, 0.0).astype(x.dtype)


def hardswish(x: Array) -> Array:
    """HardSwish(x) = x·ReLU6(x + 3)/6."""
    return (x * np.clip(x + 3, 0, 6) / 6).astype(x.dtype)


def hardswish_grad(x: Array) -> Array:
    """HardSwish'(x) = 0 if x ≤ −3; x/3 + ½ if −3 < x < 3; 1 if x ≥ 3 (PyTorch 2.x)."""
    mid = np.clip(x, -3, 3) / 3 + 0.5
    return np.where(x <= -3, 0.0, np.where(x < 3, mid, 1.0)).astype(x.dtype)


def relu6(x: Array) -> Array:
    """ReLU6(x) = min(max(0, x), 6)."""
    return np.clip(x, 0, 6).astype(x.dtype)


def relu6_grad(x: Array) -> Array:
    """ReLU6'(x) = 1 if 0 < x < 6 else 0."""
    return ((x > 0) & (x < 6)).astype(x.dtype)


def logsigmoid(x: Array) -> Array:
    """LogSigmoid(x) = ln σ(x) = −softplus(−x) = min(x, 0) − ln(1 + e^(−|x|))."""
    return (np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))).astype(x.dtype)


def logsigmoid_grad(x: Array) -> Array:
    """LogSigmoid'(x) = 1 − σ(x) = σ(−x)."""
    return stable_sigmoid(-x)


def tanhshrink(x: Array) -> Array:
    """Tanhshrink(x) = x − tanh(x)."""
    return x - np.tanh(x)


def tanhshrink_grad(x: Array) -> Array:
    """Tanhshrink'(x) = tanh²(x)."""
    t = np.tanh(x)
    return t * t


def softshrink(x: Array, lambd: float = 0.5) -> Array:
    """Softshrink(x) = x − λ if x > λ; x + λ if x < −λ; else 0."""
    return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0.0)).astype(x.dtype)


def softshrink_grad(x: Array, lambd: float = 0.5) -> Array:
    """Softshrink'(x) = 1 if |x| > λ else 0."""
    return ((x > lambd) | (x < -lambd)).astype(x.dtype)


def hardshrink(x: Array, lambd: float = 0.5) -> Array:
    """Hardshrink(x) = x if |x| > λ else 0."""
    return np.where((x > lambd) | (x < -lambd), x, 0.0).astype(x.dtype)


def hardshrink_grad(x: Array, lambd: float = 0.5) -> Array:
    """Hardshrink'(x) = 1 if |x| > λ else 0."""
    return softshrink_grad(x, lambd)


def gaussian(x: Array) -> Array:
    """Gaussian(x) = e^(−x²)."""
    xd = np.minimum(np.abs(x.astype(np.float64)), 1e150)
    return np.exp(-xd * xd).astype(x.dtype)


def gaussian_grad(x: Array) -> Array:
    """Gaussian'(x) = −2x·e^(−x²)."""
    xd = np.clip(x.astype(np.float64), -1e150, 1e150)
    return (-2 * xd * np.exp(-xd * xd)).astype(x.dtype)


def arctan(x: Array) -> Array:
    """f(x) = arctan(x), range (−π/2, π/2)."""
    return np.arctan(x)


def arctan_grad(x: Array) -> Array:
    """f'(x) = 1 / (1 + x²)."""
    xd = np.clip(x.astype(np.float64), -1e150, 1e150)
    return (1 / (1 + xd * xd)).astype(x.dtype)


def bent_identity(x: Array) -> Array:
    """BentIdentity(x) = (√(x² + 1) − 1)/2 + x."""
    xd = x.astype(np.float64)
    return ((np.hypot(xd, 1.0) - 1) / 2 + xd).astype(x.dtype)


def bent_identity_grad(x: Array) -> Array:
    """BentIdentity'(x) = x / (2·√(x² + 1)) + 1."""
    xd = x.astype(np.float64)
    return (xd / (2 * np.hypot(xd, 1.0)) + 1).astype(x.dtype)


# ----------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Param:
    """One numeric parameter of an activation: name, PyTorch default and a teaching range."""

    name: str
    default: float
    min: float
    max: float
    step: float = 0.01


@dataclass(frozen=True)
class Activation:
    """An activation function f with its analytic derivative f' and metadata.

    ``fn(x, **params)`` and ``grad(x, **params)`` accept any array-like x and return an array of
    x's shape (float dtypes kept, integers promoted to float64). Unknown parameter names raise
    TypeError; clamping values to [Param.min, Param.max] is the caller's job (pages do it).
    """

    id: str
    name: str
    family: str
    _fn: Callable[..., Array]
    _grad: Callable[..., Array]
    latex_f: str
    latex_grad: str
    params: tuple[Param, ...] = ()
    cost: str = "cheap"
    uses: tuple[str, ...] = ()  # typical-use tags, one of USES each (translated by the UI)
    constants: tuple[tuple[str, float], ...] = ()  # fixed constants of the formula (SELU's α, λ)

    def defaults(self) -> dict[str, float]:
        """{parameter name: PyTorch default}."""
        return {p.name: p.default for p in self.params}

    def _params(self, params: dict[str, float]) -> dict[str, float]:
        """Defaults overlaid with the given parameters; unknown names raise TypeError."""
        unknown = set(params) - {p.name for p in self.params}
        if unknown:
            raise TypeError(f"{self.id} has no parameter(s) {sorted(unknown)}")
        return {**self.defaults(), **{k: float(v) for k, v in params.items()}}

    def fn(self, x: Array | float, **params: float) -> Array:
        """f(x) with the given parameters (see the module function for the formula)."""
        return self._fn(as_float_array(x), **self._params(params))

    def grad(self, x: Array | float, **params: float) -> Array:
        """f'(x): the analytic derivative, PyTorch's convention at kinks."""
        return self._grad(as_float_array(x), **self._params(params))

    def fn_grad(self, x: Array | float, **params: float) -> tuple[Array, Array]:
        """(f(x), f'(x)) together, for callers that need both (a user's formula computes them
        in one forward-mode pass; a catalogue function calls fn and grad)."""
        return self.fn(x, **params), self.grad(x, **params)

    def sweep(self, x: Array, name: str, values: Array, **params: float
              ) -> tuple[Array, Array]:
        """(F, G) with F[k] = f(x; name = values[k]) and G[k] = f'(x; name = values[k]), the
        other parameters as given (else their defaults): one call over the whole grid of one
        parameter (the parameter as a column, x as a row; every formula here broadcasts).
        Shapes (len(values), len(x)). A user's formula has no parameters (TypeError)."""
        if name not in {p.name for p in self.params}:
            raise TypeError(f"{self.id} has no parameter {name!r}")
        xs = as_float_array(x)
        grid = np.asarray(values, dtype=xs.dtype)[:, None]
        fixed = {k: v for k, v in self._params(params).items() if k != name}
        shape = (grid.shape[0], xs.shape[-1])
        f = np.broadcast_to(self._fn(xs[None, :], **fixed, **{name: grid}), shape)
        g = np.broadcast_to(self._grad(xs[None, :], **fixed, **{name: grid}), shape)
        return np.array(f), np.array(g)

    def element_cost(self) -> float:
        """Work units (≈ ns of CPU) per element of computing f and f' (ELEMENT_COST)."""
        return float(ELEMENT_COST[self.id])

    def call_cost(self) -> float:
        """Work units of one call of fn and grad regardless of size (CALL_COST)."""
        return float(CALL_COST[self.id])

    def code(self) -> tuple[Callable[..., Array], Callable[..., Array]]:
        """The module functions behind fn and grad (their source is what "show the code" shows)."""
        return self._fn, self._grad

    @property
    def formula(self) -> str:
        """The docstring of the function behind ``fn`` (its formula)."""
        return (self._fn.__doc__ or "").strip()


# Typical-use tags (where a function is usually found); the UI translates them (use.<tag>).
USES: tuple[str, ...] = ("hidden", "output-binary", "output-regression", "gates", "recurrent",
                         "transformer", "vision", "mobile", "self-normalizing", "positive-output",
                         "loss", "sparse", "binarized", "rbf", "teaching", "rare")

_USES = {
    "identity": ("output-regression",), "step": ("teaching",), "sign": ("binarized", "teaching"),
    "sigmoid": ("output-binary", "gates"), "tanh": ("recurrent",),
    "hardsigmoid": ("mobile", "gates"), "hardtanh": ("binarized", "mobile"),
    "softsign": ("rare",), "arctan": ("rare",), "logsigmoid": ("loss",),
    "relu": ("hidden",), "leaky_relu": ("hidden",), "prelu": ("hidden", "vision"),
    "relu6": ("mobile",), "elu": ("hidden",), "selu": ("self-normalizing",), "celu": ("rare",),
    "gelu": ("transformer",), "gelu_tanh": ("transformer",), "silu": ("transformer", "vision"),
    "swish": ("vision",), "mish": ("vision",), "softplus": ("positive-output",),
    "hardswish": ("mobile",), "softshrink": ("sparse",), "hardshrink": ("sparse",),
    "tanhshrink": ("rare",), "gaussian": ("rbf",), "bent_identity": ("rare",),
}


_CONSTANTS = {"selu": (("alpha", SELU_ALPHA), ("scale", SELU_SCALE))}


def _a(id_, name, family, fn, grad, latex_f, latex_grad, params=(), cost="cheap"):
    return Activation(id_, name, family, fn, grad, latex_f, latex_grad, tuple(params), cost,
                      uses=_USES[id_], constants=_CONSTANTS.get(id_, ()))


_NEG = Param("negative_slope", 0.01, 0.0, 0.5, 0.01)
_LAMBD = Param("lambd", 0.5, 0.0, 3.0, 0.05)

_CATALOGUE: list[Activation] = [
    _a("identity", "Identity", "linear", identity, identity_grad, r"f(x)=x", r"f'(x)=1"),
    _a("step", "Binary step", "step", step, zero_grad,
       r"f(x)=\begin{cases}1 & x>0\\0 & x\le 0\end{cases}", r"f'(x)=0\ (x\neq 0)"),
    _a("sign", "Sign", "step", sign, zero_grad,
       r"f(x)=\operatorname{sign}(x)\in\{-1,0,1\}", r"f'(x)=0\ (x\neq 0)"),
    _a("sigmoid", "Sigmoid", "sigmoid", sigmoid, sigmoid_grad,
       r"\sigma(x)=\frac{1}{1+e^{-x}}", r"\sigma'(x)=\sigma(x)\,(1-\sigma(x))", cost="exp"),
    _a("tanh", "Tanh", "sigmoid", tanh, tanh_grad,
       r"\tanh(x)=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}", r"\tanh'(x)=1-\tanh^2(x)", cost="exp"),
    _a("hardsigmoid", "Hard sigmoid", "sigmoid", hardsigmoid, hardsigmoid_grad,
       r"f(x)=\min\!\left(\max\!\left(\tfrac{x}{6}+\tfrac12,0\right),1\right)",
       r"f'(x)=\begin{cases}\tfrac16 & -3<x<3\\0 & \text{otherwise}\end{cases}"),
    _a("hardtanh", "Hard tanh", "sigmoid", hardtanh, hardtanh_grad,
       r"f(x)=\min(\max(x,m_-),m_+)",
       r"f'(x)=\begin{cases}1 & m_-<x<m_+\\0 & \text{otherwise}\end{cases}",
       [Param("min_val", -1.0, -3.0, -0.1, 0.1), Param("max_val", 1.0, 0.1, 3.0, 0.1)]),
    _a("softsign", "Softsign", "sigmoid", softsign, softsign_grad,
       r"f(x)=\frac{x}{1+|x|}", r"f'(x)=\frac{1}{(1+|x|)^2}"),
    _a("arctan", "Arctan", "sigmoid", arctan, arctan_grad,
       r"f(x)=\arctan(x)", r"f'(x)=\frac{1}{1+x^2}", cost="trig"),
    _a("logsigmoid", "LogSigmoid", "sigmoid", logsigmoid, logsigmoid_grad,
       r"f(x)=\ln\sigma(x)=-\ln(1+e^{-x})", r"f'(x)=1-\sigma(x)", cost="exp+log"),
    _a("relu", "ReLU", "relu", relu, relu_grad,
       r"f(x)=\max(0,x)", r"f'(x)=\begin{cases}1 & x>0\\0 & x\le 0\end{cases}"),
    _a("leaky_relu", "Leaky ReLU", "relu", leaky_relu, leaky_relu_grad,
       r"f(x)=\begin{cases}x & x>0\\\alpha x & x\le 0\end{cases}",
       r"f'(x)=\begin{cases}1 & x>0\\\alpha & x\le 0\end{cases}", [_NEG]),
    _a("prelu", "PReLU", "relu", prelu, prelu_grad,
       r"f(x)=\begin{cases}x & x>0\\a x & x\le 0\end{cases}\ (a\ \text{learned})",
       r"f'(x)=\begin{cases}1 & x>0\\a & x\le 0\end{cases}",
       [Param("a", 0.25, 0.0, 1.0, 0.01)]),
    _a("relu6", "ReLU6", "relu", relu6, relu6_grad,
       r"f(x)=\min(\max(0,x),6)", r"f'(x)=\begin{cases}1 & 0<x<6\\0 & \text{otherwise}\end{cases}"),
    _a("elu", "ELU", "relu", elu, elu_grad,
       r"f(x)=\begin{cases}x & x>0\\\alpha(e^{x}-1) & x\le 0\end{cases}",
       r"f'(x)=\begin{cases}1 & x>0\\\alpha e^{x} & x\le 0\end{cases}",
       [Param("alpha", 1.0, 0.1, 3.0, 0.1)], cost="exp"),
    _a("selu", "SELU", "relu", selu, selu_grad,
       r"f(x)=\lambda\begin{cases}x & x>0\\\alpha(e^{x}-1) & x\le 0\end{cases}",
       r"f'(x)=\lambda\begin{cases}1 & x>0\\\alpha e^{x} & x\le 0\end{cases}", cost="exp"),
    _a("celu", "CELU", "relu", celu, celu_grad,
       r"f(x)=\max(0,x)+\min\!\left(0,\alpha\left(e^{x/\alpha}-1\right)\right)",
       r"f'(x)=\begin{cases}1 & x>0\\e^{x/\alpha} & x\le 0\end{cases}",
       [Param("alpha", 1.0, 0.1, 3.0, 0.1)], cost="exp"),
    _a("gelu", "GELU", "smooth-relu", gelu, gelu_grad,
       r"f(x)=x\,\Phi(x)=\tfrac{x}{2}\left(1+\operatorname{erf}\tfrac{x}{\sqrt2}\right)",
       r"f'(x)=\Phi(x)+x\,\varphi(x)", cost="erf"),
    _a("gelu_tanh", "GELU (tanh approx.)", "smooth-relu", gelu_tanh, gelu_tanh_grad,
       r"f(x)=\tfrac{x}{2}\left(1+\tanh\!\left(\sqrt{2/\pi}\,(x+0.044715x^3)\right)\right)",
       r"f'(x)=\tfrac12(1+\tanh u)+\tfrac{x}{2}(1-\tanh^2u)\sqrt{2/\pi}(1+0.134145x^2)",
       cost="exp"),
    _a("silu", "SiLU", "smooth-relu", silu, silu_grad,
       r"f(x)=x\,\sigma(x)", r"f'(x)=\sigma(x)\,(1+x(1-\sigma(x)))", cost="exp"),
    _a("swish", "Swish (β)", "smooth-relu", swish, swish_grad,
       r"f(x)=x\,\sigma(\beta x)",
       r"f'(x)=\sigma(\beta x)+\beta x\,\sigma(\beta x)(1-\sigma(\beta x))",
       [Param("beta", 1.0, 0.1, 10.0, 0.1)], cost="exp"),
    _a("mish", "Mish", "smooth-relu", mish, mish_grad,
       r"f(x)=x\tanh(\operatorname{softplus}(x))",
       r"f'(x)=\tanh(s)+x\,(1-\tanh^2 s)\,\sigma(x),\ s=\operatorname{softplus}(x)",
       cost="exp+log"),
    _a("softplus", "Softplus", "smooth-relu", softplus, softplus_grad,
       r"f(x)=\tfrac{1}{\beta}\ln\!\left(1+e^{\beta x}\right)", r"f'(x)=\sigma(\beta x)",
       [Param("beta", 1.0, 0.1, 10.0, 0.1), Param("threshold", 20.0, 1.0, 50.0, 1.0)],
       cost="exp+log"),
    _a("hardswish", "Hard swish", "smooth-relu", hardswish, hardswish_grad,
       r"f(x)=x\,\frac{\min(\max(x+3,0),6)}{6}",
       r"f'(x)=\begin{cases}0 & x\le-3\\\tfrac{x}{3}+\tfrac12 & -3<x<3\\1 & x\ge 3\end{cases}"),
    _a("softshrink", "Softshrink", "other", softshrink, softshrink_grad,
       r"f(x)=\begin{cases}x-\lambda & x>\lambda\\x+\lambda & x<-\lambda\\0 & \text{otherwise}\end{cases}",
       r"f'(x)=\begin{cases}1 & |x|>\lambda\\0 & \text{otherwise}\end{cases}", [_LAMBD]),
    _a("hardshrink", "Hardshrink", "other", hardshrink, hardshrink_grad,
       r"f(x)=\begin{cases}x & |x|>\lambda\\0 & \text{otherwise}\end{cases}",
       r"f'(x)=\begin{cases}1 & |x|>\lambda\\0 & \text{otherwise}\end{cases}", [_LAMBD]),
    _a("tanhshrink", "Tanhshrink", "other", tanhshrink, tanhshrink_grad,
       r"f(x)=x-\tanh(x)", r"f'(x)=\tanh^2(x)", cost="exp"),
    _a("gaussian", "Gaussian", "other", gaussian, gaussian_grad,
       r"f(x)=e^{-x^2}", r"f'(x)=-2x\,e^{-x^2}", cost="exp"),
    _a("bent_identity", "Bent identity", "other", bent_identity, bent_identity_grad,
       r"f(x)=\frac{\sqrt{x^2+1}-1}{2}+x", r"f'(x)=\frac{x}{2\sqrt{x^2+1}}+1", cost="sqrt"),
]

ACTIVATIONS: dict[str, Activation] = {a.id: a for a in _CATALOGUE}

# Work units (1 unit ≈ 1 ns of CPU on the course machine) of fn + grad: ELEMENT_COST per
# element (on 512,000 float64 values, x ~ N(0, 3²)) and CALL_COST per call (on 8 values: numpy's
# fixed cost per call, which is all there is for a tiny network's layer). Process CPU time,
# best of 5, measured with bench/formula_cost.py (which prints both tables) on the shared
# 2-core machine under heavy load from other processes (load average ~24). core.saturation
# and core.network fold them into their work budgets; a user's formula gets its costs from
# core.custom's node tables.
ELEMENT_COST: dict[str, int] = {
    "identity": 10, "step": 9, "sign": 9, "sigmoid": 58, "tanh": 16, "hardsigmoid": 14,
    "hardtanh": 10, "softsign": 19, "arctan": 20, "logsigmoid": 47, "relu": 13, "leaky_relu": 18,
    "prelu": 18, "relu6": 11, "elu": 29, "selu": 37, "celu": 31, "gelu": 187, "gelu_tanh": 194,
    "silu": 67, "swish": 70, "mish": 72, "softplus": 60, "hardswish": 21, "softshrink": 27,
    "hardshrink": 13, "tanhshrink": 16, "gaussian": 34, "bent_identity": 46,
}
CALL_COST: dict[str, int] = {
    "identity": 10044, "step": 7224, "sign": 5639, "sigmoid": 13131, "tanh": 4742,
    "hardsigmoid": 8151, "hardtanh": 7570, "softsign": 5385, "arctan": 6197, "logsigmoid": 17004,
    "relu": 4084, "leaky_relu": 6716, "prelu": 7477, "relu6": 6575, "elu": 9545, "selu": 10588,
    "celu": 9314, "gelu": 17097, "gelu_tanh": 34727, "silu": 15922, "swish": 17309, "mish": 19554,
    "softplus": 16919, "hardswish": 14883, "softshrink": 8873, "hardshrink": 7289,
    "tanhshrink": 4045, "gaussian": 8668, "bent_identity": 7631,
}


def evaluation_work(activation_id: str | Activation, size: int) -> float:
    """Work units (≈ ns of CPU) of computing f and f' of an activation (an id, or an
    Activation such as a user's formula) on an array of `size` values:
    call_cost() + size·element_cost() (ELEMENT_COST / CALL_COST for the catalogue,
    core.custom's node tables for a formula)."""
    act = get(activation_id)
    return act.call_cost() + int(size) * act.element_cost()
FAMILIES: tuple[str, ...] = ("step", "sigmoid", "relu", "smooth-relu", "linear", "other")


def get(activation_id: str | Activation) -> Activation:
    """The activation with this id; KeyError naming the valid ids otherwise.

    An Activation itself is returned as it is, so a user's formula (core.custom.parse) works
    wherever a registry id does (core.properties, core.saturation, core.network)."""
    if isinstance(activation_id, Activation):
        return activation_id
    try:
        return ACTIVATIONS[activation_id]
    except (KeyError, TypeError):
        valid = ", ".join(sorted(ACTIVATIONS))
        raise KeyError(f"unknown activation {activation_id!r}; valid ids: {valid}") from None


def by_family() -> dict[str, list[str]]:
    """{family: [ids in catalogue order]} for every family that has members."""
    groups: dict[str, list[str]] = {f: [] for f in FAMILIES}
    for a in _CATALOGUE:
        groups[a.family].append(a.id)
    return {f: ids for f, ids in groups.items() if ids}


# ----------------------------------------------------------------------------- softmax

MAX_SOFTMAX_CLASSES = 64  # length of the last axis
MAX_SOFTMAX_SIZE = 1_000_000  # elements in all
MAX_SCORE = 1e300  # |z| bound: differences z − max z then stay finite
TEMPERATURE_RANGE = (1e-3, 1e3)
FLOAT64_MAX = float(np.finfo(np.float64).max)  # ≈ 1.8×10³⁰⁸: e^z is inf beyond ln of this
EXP_OVERFLOW = math.log(FLOAT64_MAX)  # ≈ 709.78: the largest z with a finite e^z
OVERFLOW_EXAMPLE = (1000.0, 1001.0)  # the course's scores that break the naive formula


def _scores(z: Array | list[float], temperature: float) -> Array:
    """z as float64 after checking the documented bounds (ValueError otherwise)."""
    lo, hi = TEMPERATURE_RANGE
    if not lo <= temperature <= hi:
        raise ValueError(f"temperature must be in [{lo}, {hi}]")
    z = as_float_array(z).astype(np.float64)
    if z.ndim == 0 or z.shape[-1] < 1 or z.shape[-1] > MAX_SOFTMAX_CLASSES:
        raise ValueError(f"softmax needs 1..{MAX_SOFTMAX_CLASSES} scores on the last axis")
    if z.size > MAX_SOFTMAX_SIZE:
        raise ValueError(f"at most {MAX_SOFTMAX_SIZE} scores in all")
    if not np.all(np.abs(z) <= MAX_SCORE):  # also rejects nan and ±inf
        raise ValueError(f"scores must be finite with |z| <= {MAX_SCORE}")
    return z


def softmax(z: Array | list[float], temperature: float = 1.0) -> Array:
    """softmax(z)ᵢ = e^((zᵢ − max z)/T) / Σⱼ e^((zⱼ − max z)/T).

    Subtracting max(z) changes nothing mathematically (it cancels in the ratio) but keeps every
    exponent ≤ 0, so nothing overflows. Works along the last axis (at most MAX_SOFTMAX_CLASSES
    scores there, |z| ≤ MAX_SCORE, T in TEMPERATURE_RANGE; ValueError otherwise).
    """
    z = _scores(z, temperature)
    shifted = (z - np.max(z, axis=-1, keepdims=True)) / temperature
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_naive(z: Array | list[float], temperature: float = 1.0) -> Array:
    """softmax(z)ᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T), as written in textbooks — overflows for large z.

    Only for demonstrating the failure: for z = [1000, 1001] e^1000 = inf and inf/inf = nan.
    Warnings are suppressed here on purpose; the caller sees the nan/inf in the result.
    """
    z = _scores(z, temperature)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z / temperature)
        return e / np.sum(e, axis=-1, keepdims=True)


@dataclass(frozen=True)
class SoftmaxDemo:
    """Everything the softmax panel states, computed here rather than on the page."""

    probs: Array  # softmax(z, T)
    total: float  # Σ probs (1 up to rounding)
    top: float  # max probs
    shifted: Array  # z + offset: the "large scores"
    naive: Array  # softmax_naive(z + offset, T): nan once e^(max/T) overflows
    stable: Array  # softmax(z + offset, T) == probs (shift invariance)
    naive_finite: bool
    max_diff: float  # max |naive − stable| (nan if the naive one broke)
    largest_exponent: float  # max(z + offset)/T: the exponent the naive formula must fit


def softmax_demo(z: Array | list[float], temperature: float = 1.0,
                 offset: float = 0.0) -> SoftmaxDemo:
    """softmax(z, T) and, for the scores z + offset, the naive formula beside the stable one.

    The naive result overflows exactly when max(z + offset)/T > ln(FLOAT64_MAX) = EXP_OVERFLOW.
    """
    probs = softmax(z, temperature)
    big = _scores(z, temperature) + float(offset)
    naive, stable = softmax_naive(big, temperature), softmax(big, temperature)
    finite = bool(np.all(np.isfinite(naive)))
    diff = float(np.max(np.abs(naive - stable))) if finite else math.nan
    return SoftmaxDemo(probs, float(probs.sum()), float(probs.max()), big, naive, stable, finite,
                       diff, float(np.max(big) / temperature))
