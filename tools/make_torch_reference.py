"""Write tests/data/torch_reference.npz: PyTorch (float64) values and gradients of every activation.

Run with a Python that has torch installed (not needed for the test suite itself):
    python tools/make_torch_reference.py
The file stores x (a grid on [−30, 30] plus the kink points) and, per case
"<id>|<param>=<value>,...", f(x) and f'(x) from autograd, so the tests can compare without torch.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.activations import ACTIVATIONS  # noqa: E402

TORCH = {
    "identity": lambda x: x,
    "step": lambda x: torch.heaviside(x, torch.zeros_like(x)),
    "sign": torch.sign,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": lambda x, negative_slope: F.leaky_relu(x, negative_slope),
    "prelu": lambda x, a: F.prelu(x, torch.tensor([a], dtype=x.dtype)),
    "elu": lambda x, alpha: F.elu(x, alpha),
    "selu": F.selu,
    "celu": lambda x, alpha: F.celu(x, alpha),
    "gelu": lambda x: F.gelu(x),
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "swish": lambda x, beta: x * torch.sigmoid(beta * x),
    "mish": F.mish,
    "softplus": lambda x, beta, threshold: F.softplus(x, beta, threshold),
    "softsign": F.softsign,
    "hardtanh": lambda x, min_val, max_val: F.hardtanh(x, min_val, max_val),
    "hardsigmoid": F.hardsigmoid,
    "hardswish": F.hardswish,
    "relu6": F.relu6,
    "logsigmoid": F.logsigmoid,
    "tanhshrink": F.tanhshrink,
    "softshrink": lambda x, lambd: F.softshrink(x, lambd),
    "hardshrink": lambda x, lambd: F.hardshrink(x, lambd),
    "gaussian": lambda x: torch.exp(-x * x),
    "arctan": torch.atan,
    "bent_identity": lambda x: (torch.sqrt(x * x + 1) - 1) / 2 + x,
}
NO_AUTOGRAD = {"step", "sign"}  # heaviside/sign have zero gradient by definition


def cases():
    for act in ACTIVATIONS.values():
        yield act.id, act.defaults()
        for p in act.params:  # each parameter at a non-default value
            other = round(p.min + 0.37 * (p.max - p.min), 3)
            yield act.id, {**act.defaults(), p.name: other}


def main() -> None:
    x = np.concatenate([np.linspace(-30, 30, 1201), [-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 6.0]])
    out = {}
    for act_id, params in cases():
        xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        y = TORCH[act_id](xt, **params)
        if act_id in NO_AUTOGRAD:
            g = torch.zeros_like(xt)
        else:
            (g,) = torch.autograd.grad(y.sum(), xt)
        key = act_id + "|" + ",".join(f"{k}={v!r}" for k, v in sorted(params.items()))
        out[key + "|f"] = y.detach().numpy()
        out[key + "|g"] = g.numpy()
    path = ROOT / "tests" / "data" / "torch_reference.npz"
    np.savez_compressed(path, torch_version=np.array(torch.__version__), x=x, **out)
    print(f"wrote {len(out) // 2} cases to {path} (torch {torch.__version__})")


if __name__ == "__main__":
    main()
