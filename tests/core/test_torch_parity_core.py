"""core.activations agrees with PyTorch (float64) on [−30, 30], including gradients at kinks.

Reference values come from tests/data/torch_reference.npz, written by
tools/make_torch_reference.py with torch 2.13 (autograd for f'). When torch is importable the
last test also recomputes a few cases live.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.activations import ACTIVATIONS, get

DATA = np.load(Path(__file__).resolve().parents[1] / "data" / "torch_reference.npz")
X = DATA["x"]
CASES = sorted({k.rsplit("|", 1)[0] for k in DATA.files if k.count("|") == 2})


def parse(case: str) -> tuple[str, dict[str, float]]:
    act_id, params = case.split("|")
    return act_id, {k: float(v) for k, v in (p.split("=") for p in params.split(",") if p)}


def test_every_activation_has_a_reference():
    assert {parse(c)[0] for c in CASES} == set(ACTIVATIONS)


@pytest.mark.parametrize("case", CASES)
def test_values_match_pytorch(case):
    act_id, params = parse(case)
    np.testing.assert_allclose(get(act_id).fn(X, **params), DATA[case + "|f"], rtol=1e-6,
                               atol=1e-12)


@pytest.mark.parametrize("case", CASES)
def test_gradients_match_pytorch_autograd(case):
    act_id, params = parse(case)
    np.testing.assert_allclose(get(act_id).grad(X, **params), DATA[case + "|g"], rtol=1e-6,
                               atol=1e-12)


def test_live_pytorch_if_available():
    torch = pytest.importorskip("torch")
    x = torch.linspace(-30, 30, 301, dtype=torch.float64)
    np.testing.assert_allclose(get("gelu").fn(x.numpy()), torch.nn.functional.gelu(x).numpy(),
                               rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(get("mish").fn(x.numpy()), torch.nn.functional.mish(x).numpy(),
                               rtol=1e-6, atol=1e-12)
