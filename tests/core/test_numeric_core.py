"""core.numeric: the one golden-section search, bisection, curve sampler, range checks and erf;
and the shape of core itself (no import cycles among its modules)."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import numeric
from core.activations import get

CORE = Path(__file__).resolve().parents[2] / "core"


def test_golden_section_finds_known_extrema():
    x = numeric.golden_section(lambda t: (t - 1.3) ** 2, -5.0, 5.0)
    assert x == pytest.approx(1.3, abs=1e-7)
    x = numeric.golden_section(lambda t: math.exp(-(t + 0.7) ** 2), -3.0, 3.0, maximise=True)
    assert x == pytest.approx(-0.7, abs=1e-7)
    # σ'(x) = σ(x)(1 − σ(x)) peaks at 0
    sig = get("sigmoid")
    x = numeric.golden_section(lambda t: float(sig.grad(np.array([t]))[0]), -1.0, 2.0, True)
    assert x == pytest.approx(0.0, abs=1e-6)


def test_bisect_finds_a_flip_from_either_side():
    assert numeric.bisect(lambda t: t > math.pi, 0.0, 10.0) == pytest.approx(math.pi, abs=1e-11)
    assert numeric.bisect(lambda t: t > math.pi, 10.0, 0.0) == pytest.approx(math.pi, abs=1e-11)
    relu = get("relu")
    edge = numeric.bisect(lambda t: float(relu.grad(np.array([t]))[0]) > 0, -1.0, 1.0)
    assert abs(edge) < 1e-11
    # rtol stops early
    loose = numeric.bisect(lambda t: t > 0.3, 0.0, 1.0, rtol=1e-3)
    assert abs(loose - 0.3) <= 1e-3


def test_checks_accept_and_reject():
    numeric.check_range("a", 0.5, 0.0, 1.0)
    numeric.check_range("a", 1.0, 0.0, 1.0, lo_open=True)
    for bad in (math.nan, math.inf, -0.1, 1.1, "x", None):
        with pytest.raises(ValueError, match="a must lie in"):
            numeric.check_range("a", bad, 0.0, 1.0)
    with pytest.raises(ValueError, match=r"\(0.0, 1.0\]"):
        numeric.check_range("a", 0.0, 0.0, 1.0, lo_open=True)
    numeric.check_int("n", 3, 1, 5)
    numeric.check_int("n", np.int64(5), 1, 5)
    for bad in (True, 2.0, 0, 6, "3"):
        with pytest.raises(ValueError, match="n must be an integer"):
            numeric.check_int("n", bad, 1, 5)


def test_sample_is_linspace_with_f_and_grad():
    x, f, g = numeric.sample(get("elu"), -2.0, 2.0, 5, alpha=0.5)
    np.testing.assert_array_equal(x, np.linspace(-2, 2, 5))
    np.testing.assert_array_equal(f, get("elu").fn(x, alpha=0.5))
    np.testing.assert_array_equal(g, get("elu").grad(x, alpha=0.5))


# ----------------------------------------------------------------------------- erf

ERF_GRID = np.concatenate([
    np.linspace(-10.0, 10.0, 400_001),
    np.geomspace(1e-300, 30.0, 5_000), -np.geomspace(1e-300, 30.0, 5_000),
    [0.5, -0.5, 4.0, -4.0, 6.0, -6.0, np.nextafter(0.5, 1), np.nextafter(4.0, 5),
     5.9999999, 27.0, 1e10, -1e10, 1e308, -1e308],
])


def test_erf_matches_math_erf_to_1e_13_relative():
    ref = np.array([math.erf(v) for v in ERF_GRID])
    got = numeric.erf(ERF_GRID)
    assert ERF_GRID.size > 64  # the vectorised branches (small arrays use math.erf itself)
    rel = np.abs(got - ref) / np.maximum(np.abs(ref), np.finfo(float).tiny)
    assert float(rel.max()) < 1e-13, ERF_GRID[np.argmax(rel)]


def test_erf_special_values():
    for repeat in (1, 100):  # a few values (math.erf each) and many (the vectorised branches)
        out = numeric.erf(np.array([0.0, -0.0, np.inf, -np.inf, np.nan] * repeat))
        assert out[0] == 0.0 and not np.signbit(out[0])
        assert out[1] == 0.0 and np.signbit(out[1])
        assert out[2] == 1.0 and out[3] == -1.0 and np.isnan(out[4])
    assert numeric.erf(0.25).shape == ()  # a scalar stays 0-d
    with np.errstate(all="raise"):  # no warnings anywhere on the line
        numeric.erf(ERF_GRID)


@given(st.floats(-50, 50, allow_nan=False))
def test_erf_hypothesis_agrees_and_is_odd(x):
    got = float(numeric.erf(np.array([x]))[0])
    assert got == pytest.approx(math.erf(x), rel=1e-13, abs=1e-300)
    assert float(numeric.erf(np.array([-x]))[0]) == -got


def test_erf_derivative_is_two_over_root_pi_gaussian():
    """Central differences of the vectorised erf against 2/√π·e^(−x²), and the formula
    parser's erf' (forward mode) against the same closed form."""
    from core.custom import parse

    x = np.linspace(-6.0, 6.0, 2401)
    h = 1e-5
    fd = (numeric.erf(x + h) - numeric.erf(x - h)) / (2 * h)
    exact = 2.0 / math.sqrt(math.pi) * np.exp(-x * x)
    np.testing.assert_allclose(fd, exact, rtol=1e-7, atol=1e-10)
    f = parse("erf(x)")
    np.testing.assert_allclose(f.grad(x), exact, rtol=1e-15, atol=0)
    np.testing.assert_allclose(f.fn(x), [math.erf(v) for v in x], rtol=1e-13, atol=1e-300)


# ----------------------------------------------------------------------------- core's shape


def _core_imports() -> dict[str, set[str]]:
    """{core module: core modules it imports (at any level, including inside functions)}."""
    graph = {}
    for path in sorted(CORE.glob("*.py")):
        name = path.stem
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "core":
                    deps |= {a.name for a in node.names}
                elif node.module.startswith("core."):
                    deps.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                deps |= {a.name.split(".")[1] for a in node.names if a.name.startswith("core.")}
        graph[name] = deps - {name}
    return graph


def test_core_has_no_import_cycles():
    graph = _core_imports()
    assert graph["numeric"] == set()  # the shared numerics import no other core module
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            assert state.get(dep) != 1, " -> ".join(path + [dep])
            if dep not in state:
                visit(dep, path + [dep])
        state[node] = 2

    for mod in graph:
        if mod not in state:
            visit(mod, [mod])
    assert "properties" not in graph["activations"]


def test_core_has_one_golden_section_and_one_bisection():
    """No private copies of the shared numerics: the only loops named like them live in
    core.numeric."""
    for path in CORE.glob("*.py"):
        if path.stem == "numeric":
            continue
        text = path.read_text(encoding="utf-8")
        for name in ("def _golden", "def _bisect", "def _check_range", "def _check_int",
                     "INV_PHI", "frompyfunc"):
            assert name not in text, (path.name, name)
