"""core.custom: a user's formula parsed safely into an Activation with an analytic derivative."""

from __future__ import annotations

import math
import string

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core import custom
from core.activations import get
from core.custom import FormulaError, parse
from core.properties import properties

X = np.linspace(-8, 8, 1601)


def error_of(text: str) -> FormulaError:
    with pytest.raises(FormulaError) as info:
        parse(text)
    return info.value


# ----------------------------------------------------------------------------- known formulas


@pytest.mark.parametrize("text, ref", [
    ("x*sigmoid(x)", "silu"),
    ("x * sigmoid(1.0 * x)", "silu"),
    ("where(x > 0, x, 0.01*x)", "leaky_relu"),
    ("max(x, 0)", "relu"),
    ("maximum(x, 0)", "relu"),
    ("tanh(x)", "tanh"),
    ("1 / (1 + exp(-x))", "sigmoid"),
    ("x * tanh(softplus(x))", "mish"),
    ("0.5 * x * (1 + erf(x / sqrt(2)))", "gelu"),
    ("min(max(x, 0), 6)", "relu6"),
    ("x / (1 + abs(x))", "softsign"),
    ("exp(-x^2)", "gaussian"),
])
def test_known_formulas_equal_catalogue_functions(text, ref):
    act, want = parse(text), get(ref)
    np.testing.assert_allclose(act.fn(X), want.fn(X), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(act.grad(X), want.grad(X), rtol=1e-10, atol=1e-12)


def test_kink_conventions_are_the_catalogues():
    zero = np.array([0.0])
    assert parse("relu(x)").grad(zero)[0] == 0.0  # PyTorch ReLU'(0) = 0
    assert parse("max(x, 0)").grad(zero)[0] == 0.0  # a tie takes the second argument's
    assert parse("where(x > 0, x, 0.01*x)").grad(zero)[0] == pytest.approx(0.01)
    assert parse("abs(x)").grad(zero)[0] == 0.0
    assert parse("2 * relu(x - 1)").grad(np.array([1.0, 1.5]))[1] == 2.0


def test_softplus_written_with_log1p_where_both_are_stable():
    x = np.linspace(-30, 30, 601)
    act = parse("log1p(exp(x))")
    np.testing.assert_allclose(act.fn(x), get("softplus").fn(x), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(act.grad(x), get("softplus").grad(x), rtol=1e-7, atol=1e-12)
    # the naive formula overflows far out: f′ = ∞/∞ is nan there, and it is found
    assert custom.first_undefined(act) == 1e6
    assert custom.first_undefined(get("softplus")) is None


def test_catalogue_parameters_by_keyword():
    act = parse("leaky_relu(x, negative_slope=0.2)")
    np.testing.assert_allclose(act.fn(X), get("leaky_relu").fn(X, negative_slope=0.2))
    np.testing.assert_allclose(parse("elu(x, alpha=0.5)").grad(X), get("elu").grad(X, alpha=0.5))


def test_powers_and_caret():
    x = np.array([-2.0, -0.5, 0.5, 3.0])
    np.testing.assert_allclose(parse("x^3 - 2*x^2").fn(x), x**3 - 2 * x**2)
    np.testing.assert_allclose(parse("x^3 - 2*x^2").grad(x), 3 * x**2 - 4 * x)
    np.testing.assert_allclose(parse("2^x").grad(x), 2.0**x * math.log(2))
    np.testing.assert_allclose(parse("-x**2").fn(x), -(x**2))  # unary minus binds looser
    np.testing.assert_allclose(parse("x**-1").grad(x), -1 / x**2)
    np.testing.assert_allclose(parse("1e-3 * x").fn(x), 1e-3 * x)


def test_the_result_is_an_ordinary_activation():
    act = parse("x * sigmoid(1.702 * x)")
    assert act.id == "custom" and act.name == "f(x) = x · sigmoid(1.702 · x)"
    assert act.params == () and act.defaults() == {}
    assert act.fn(np.float32(1.0)).dtype == np.float32
    assert act.fn([1, 2]).dtype == np.float64
    assert act.latex_f == r"f(x)=x\cdot \sigma\left(1.702\,x\right)"
    p = properties(act)
    assert p.f0 == 0.0 and p.grad0 == pytest.approx(0.5)
    assert p.lower.value == pytest.approx(-0.1636, abs=1e-4) and math.isinf(p.upper.value)
    assert get(act) is act


def test_properties_of_known_formulas_match_the_catalogue():
    assert properties(parse("x*sigmoid(x)")) == properties("silu")
    assert properties(parse("where(x > 0, x, 0.01*x)")) == properties("leaky_relu")


def test_display_name_is_safe_for_markdown():
    assert parse("x*sigmoid(1.702*x)").name == "f(x) = x·sigmoid(1.702·x)"
    assert parse("x**2 * 3").name == "f(x) = x^2 · 3"


def test_long_text_gets_a_short_display_name():
    text = "x + " * 15 + "x"
    assert len(parse(text.replace(" ", "")).name) <= len("f(x) = ") + custom.NAME_LENGTH


def test_latex_of_where_and_division():
    assert parse("where(x >= 0, x, x/2)").latex_f == (
        r"f(x)=\begin{cases}x & x \ge 0\\\frac{x}{2} & \text{otherwise}\end{cases}")
    assert parse("(x + 1)^2").latex_f == r"f(x)={\left(x+1\right)}^{2}"


def test_overflow_is_a_counted_gap():
    s = custom.sample(parse("exp(x)"), 0.0, 100.0, 11)  # e^x > 1e30 beyond x ≈ 69.1
    assert s.f[0] == 1.0 and s.x[6] == 60.0 and s.f[6] == pytest.approx(math.exp(60))
    assert np.all(np.isnan(s.f[7:])) and s.f_gaps == 4 and s.g_gaps == 4
    s = custom.sample(parse("exp(exp(x))"), 6.0, 7.0, 3)  # e^(e^6) ≈ e^403, e^(e^7) = ∞
    assert s.f_gaps == 3
    s = custom.sample(parse("log(x)"), -1.0, 1.0, 3)
    assert s.f_gaps == 2 and s.f[2] == 0.0  # log(−1) is nan, log(0) is −∞
    s = custom.sample(parse("x"), -1.0, 1.0, 5)
    assert s.f_gaps == s.g_gaps == 0
    with pytest.raises(ValueError):
        custom.sample(parse("x"), 0.0, 1.0, custom.MAX_SAMPLE_POINTS + 1)


def test_evaluation_never_warns():
    x = np.array([-1e300, -1e6, -1.0, 0.0, 1.0, 1e6, 1e300])
    with np.errstate(all="raise"):
        for text in ["exp(exp(x))", "log(x)", "1/x", "sqrt(x) * x**-2", "x**10 / x**10",
                     "erf(x) * exp(x*x)", "2**x"]:
            act = parse(text)
            act.fn(x), act.grad(x)


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize("text, code, values", [
    ("y + 1", "unknown_name", {"name": "y", "pos": 1}),
    ("x + y", "unknown_name", {"name": "y", "pos": 5}),
    ("x^2 + y", "unknown_name", {"name": "y", "pos": 7}),  # positions of the text as typed
    ("  x + y", "unknown_name", {"name": "y", "pos": 7}),
    ("x" * 201, "too_long", {"n": 201, "max": 200}),
    ("", "empty", {}),
    ("   ", "empty", {}),
    ("__import__('os')", "unknown_function", {"name": "__import__", "pos": 1}),
    ("x.real", "attribute", {"pos": 1}),
    ("exp(x).__class__", "attribute", {"pos": 1}),
    ("(lambda: x)", "lambda", {"pos": 2}),
    ("[x for x in [1]]", "not_allowed", {"what": "[… for …]", "pos": 1}),
    ("sigmoid(x, __class__=1)", "keyword", {"name": "sigmoid", "param": "__class__", "pos": 1}),
    ("exp(x, **{'a': 1})", "not_allowed", {"what": "**…", "pos": 1}),
    ("9**9**9", "constant_too_large", {"max": "10^6", "pos": 4}),
    ("x ** 100", "exponent_too_large", {"max": "10", "pos": 6}),
    ("x ** x", "bad_power", {"pos": 1}),
    ("х + 1", "bad_char", {"char": "х", "unicode": "U+0445", "pos": 1}),  # Cyrillic х
    ("x ＋ 1", "bad_char", {"char": "＋", "unicode": "U+FF0B", "pos": 3}),
    ("x % 2", "bad_operator", {"op": "%", "pos": 3}),
    ("(x) // 2", "bad_operator", {"op": "//", "pos": 5}),
    ("x > 0", "condition_outside", {"pos": 1}),
    ("where(x, 1, 0)", "need_condition", {"pos": 7}),
    ("where(x > 0, x)", "arity", {"name": "where", "want": 3, "got": 2, "pos": 1}),
    ("exp", "function_as_name", {"name": "exp", "pos": 1}),
    ("log(0)", "not_finite", {"pos": 1}),
    ("2e6 * x", "constant_too_large", {"max": "10^6", "pos": 1}),
    ("elu(x, alpha=50)", "param_range", {"name": "elu", "param": "alpha", "lo": 0.1, "hi": 3.0,
                                         "pos": 14}),
    ("'x'", "bad_number", {"what": "x", "pos": 1}),
    ("1j * x", "bad_number", {"what": "1j", "pos": 1}),
    ("x ^ ^ 2", "syntax", {"pos": 5}),
    ("x +", "incomplete", {"pos": 3}),
    ("sin(x", "unclosed", {"pos": 4}),
    ("x^2 )", "unmatched", {"pos": 5}),
    ("x  # a comment", "bad_char", {"char": "#", "unicode": "U+0023", "pos": 4}),
    ("-" * 30 + "x", "too_deep", {"max": 20, "pos": 21}),
])
def test_bad_formulas_say_where_and_why(text, code, values):
    err = error_of(text)
    assert err.code == code
    assert err.values == values
    assert isinstance(err, ValueError)
    assert str(err) == custom.MESSAGES[code].format(**values)


@pytest.mark.parametrize("text", [
    "__import__('os').system('ls')", "().__class__.__bases__[0].__subclasses__()",
    "exp.__globals__", "lambda x: x", "[c for c in ().__class__.__mro__]", "{x: 1}",
    "x if x else 1", "(y := 1)", "f'{x}'", "x[0]", "globals()", "eval('1')", "exec('1')",
    "open('/etc/passwd')", "sigmoid(x, **{'beta': 2})", "sigmoid(*[x])", "x; 1", "x\n1",
    "(" * 1000 + "x" + ")" * 1000, "-" * 1000 + "x", "x" * 10_000, "9**9**9**9",
    "1" * 199, "exp(" * 50 + "x" + ")" * 50, "ｘ", "\u200bx", "x\x00",
])
def test_hostile_input_is_a_clear_formula_error(text):
    err = error_of(text)
    assert err.code in custom.MESSAGES
    assert str(err) and "Traceback" not in str(err)


def test_too_many_nodes():
    text = "+".join(["x*x"] * 34)  # 34 products: 101 nodes, under 200 characters
    assert len(text) <= custom.MAX_LENGTH
    err = error_of(text)
    assert err.code in ("too_many_nodes", "too_deep")
    balanced = "((x*x+x*x)+(x*x+x*x))"
    wide = "+".join([balanced] * 9)  # shallow but wide: 9·15 + 8 nodes
    assert len(wide) <= custom.MAX_LENGTH
    assert error_of(wide).code == "too_many_nodes"


def test_length_is_checked_before_parsing():
    # a 10 kB text of deep parentheses would make Python's parser give up with an internal
    # error; the length limit rejects it first
    err = error_of("(" * 5000 + "x" + ")" * 5000)
    assert err.code == "too_long" and err.values["n"] == 10_001


# ----------------------------------------------------------------------------- property-based

ALPHABET = string.ascii_letters + string.digits + " +-*/^().,<>=!_[]{}'\":;@%&|~#\\" + "хｘ\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_random_text_raises_only_formula_errors(text):
    try:
        act = parse(text)
    except FormulaError as err:
        assert err.code in custom.MESSAGES
        return
    with np.errstate(all="raise"):
        f, g = act.fn(X), act.grad(X)
    assert f.shape == g.shape == X.shape


TOKENS = ["x", "1", "2.5", "0.3", "sin(", "cos(", "tanh(", "exp(", "sigmoid(", "relu(",
          "max(", ",", "+", "-", "*", "/", "**", "^", "(", ")", "where(", ">", "<", "1e-3"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25))
def test_random_token_soup_raises_only_formula_errors(tokens):
    try:
        parse(" ".join(tokens))
    except FormulaError:
        pass


SMOOTH_1 = ["sin", "cos", "tanh", "sigmoid", "softplus", "silu", "erf", "gelu", "mish",
            "softsign", "arctan", "gaussian"]


def smooth_trees(depth: int = 4):
    """Formulas of smooth functions (on all of ℝ) with small constants."""
    leaf = st.one_of(st.just("x"), st.floats(-3, 3, allow_nan=False).map(lambda v: f"{v:.3g}"))

    def extend(inner):
        return st.one_of(
            st.tuples(st.sampled_from(SMOOTH_1), inner).map(lambda t: f"{t[0]}({t[1]})"),
            st.tuples(inner, st.sampled_from(["+", "-", "*"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(inner, st.sampled_from([2, 3])).map(lambda t: f"({t[0]})^{t[1]}"),
            inner.map(lambda s: f"({s}) / (1 + ({s})^2)"),
        )

    return st.recursive(leaf, extend, max_leaves=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(smooth_trees(), st.floats(-2.5, 2.5, allow_nan=False))
def test_derivative_agrees_with_central_differences(text, x0):
    try:
        act = parse(text)
    except FormulaError as err:
        assume(err.code not in ("too_long", "too_many_nodes", "too_deep",
                                "constant_too_large"))
        raise
    h = 1e-5
    x = np.array([x0 - h, x0 + h, x0])
    f = act.fn(x)
    g = float(act.grad(x)[2])
    assume(np.all(np.isfinite(f)) and math.isfinite(g) and np.max(np.abs(f)) < 1e4)
    fd = (f[1] - f[0]) / (2 * h)
    # central differences are good to about h²·|f‴| + ε·|f|/h; compare with a generous margin
    assert abs(g - fd) <= 1e-4 * (1 + abs(g)) + 1e-9 * np.max(np.abs(f)) / h


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["relu", "leaky_relu", "elu", "hardtanh", "relu6", "hardswish"]),
       st.floats(-5, 5, allow_nan=False), st.floats(0.1, 3, allow_nan=False))
def test_chain_rule_through_catalogue_functions(act_id, x0, a):
    act = parse(f"{act_id}({a:.4g} * x)")
    x = np.array([x0])
    c = float(f"{a:.4g}")
    want = c * get(act_id).grad(c * x)
    np.testing.assert_allclose(act.grad(x), want, rtol=1e-12)


def test_first_undefined_finds_where_properties_cannot_be_measured():
    assert custom.first_undefined(parse("x * sigmoid(x)")) is None
    assert custom.first_undefined(parse("exp(x)")) is None  # ∞ only far out: unbounded
    assert custom.first_undefined(parse("1/x")) == 0.0  # ∞ on the grid
    assert custom.first_undefined(parse("log(x)")) == 0.0  # −∞ at 0, nan below
    # f' = e^x·e^(e^x) overflows first: at the first grid point (step 1e-3) with x + e^x > ln max
    edge = custom.first_undefined(parse("exp(exp(x))"))
    ln_max = math.log(np.finfo(float).max)
    assert edge + math.exp(edge) > ln_max > (edge - 1e-3) + math.exp(edge - 1e-3)
