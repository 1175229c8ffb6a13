"""Your own activation: a formula in x typed by a user, parsed safely, evaluated with numpy.

``parse("x * sigmoid(1.702 * x)")`` returns an ordinary :class:`core.activations.Activation`
(id ``custom``), so ``core.properties`` measures it and the figures draw it like any other.

Safety. The text is never evaluated by Python: ``ast.parse(text, mode="eval")`` only builds a
syntax tree, which is then copied into a small whitelisted tree of our own (numbers, ``x``,
``+ − * / **``, unary minus, ``where(condition, a, b)``, a fixed list of functions and the
catalogue's activations by id). Anything else — other names, attribute access, lambdas,
comprehensions, keyword tricks, subscripts — raises :class:`FormulaError`, a ``ValueError``
with a message id (``code``) and values (``values``) that the UI translates. Work is bounded:
at most MAX_LENGTH characters, MAX_NODES tree nodes and MAX_DEPTH levels; every number, typed
or computed from numbers alone, has |value| ≤ MAX_CONSTANT; a power uᵖ with u depending on x
needs a constant exponent |p| ≤ MAX_EXPONENT (cᵘ needs a constant base c > 0).

Derivative. Forward-mode differentiation over the tree: every node returns the pair
(v, v') with the chain rule applied node by node — exact, not finite differences. Conventions
at kinks: a catalogue function keeps its own (ReLU'(0) = 0, …); where(c, a, b)' = where(c, a',
b'); |u|' = sign(u)·u' (0 at 0); max(a, b)' = a' where a > b else b' (the second argument's at a
tie), min likewise; a chain factor u' = 0 makes the term 0 (no 0·∞ = nan from a constant
inner part).

Evaluation runs under ``np.errstate(all="ignore")``: an overflow gives ±inf and an argument
outside a function's domain nan — :func:`sample` turns both (and values too large to draw)
into gaps and counts them.
"""

from __future__ import annotations

import ast
import functools
import math
from dataclasses import dataclass

import numpy as np

from core.activations import ACTIVATIONS, Activation, as_float_array
from core.numeric import erf
from core.numeric import sample as numeric_sample
from core.properties import GRID

MAX_LENGTH = 200  # characters of formula text
MAX_NODES = 100  # nodes of the parsed tree
MAX_DEPTH = 20  # nesting levels of the parsed tree
MAX_CONSTANT = 1e6  # |number| for every typed or constant sub-expression
MAX_EXPONENT = 10.0  # |p| in u**p when u depends on x
NAME_LENGTH = 40  # characters of the formula kept in the display name

# printable ASCII: the syntax tree then names what is wrong (a quote, a bracket, a colon …);
# anything else (a Cyrillic х that looks like x, a newline) is rejected before parsing
_ALLOWED_CHARS = (frozenset(chr(c) for c in range(0x20, 0x7F)) | {"\t"}) - {"#"}  # no comments

# English text of every message (str(err)); the UI shows custom.err.<code> in its language.
MESSAGES: dict[str, str] = {
    "not_text": "the formula must be text",
    "empty": "the formula is empty",
    "too_long": "expression too long: {n} characters, at most {max}",
    "bad_char": "character '{char}' ({unicode}) at position {pos} is not allowed",
    "syntax": "syntax error at position {pos}",
    "incomplete": "the formula ends too early: something is missing after position {pos}",
    "unclosed": "the parenthesis at position {pos} is never closed",
    "unmatched": "the closing parenthesis at position {pos} has no opening one",
    "too_deep": "expression nested too deeply (more than {max} levels) at position {pos}",
    "too_many_nodes": "expression too large: more than {max} parts",
    "unknown_name": "unknown name '{name}' at position {pos}",
    "function_as_name": "'{name}' at position {pos} is a function: write {name}(…)",
    "unknown_function": "unknown function '{name}' at position {pos}",
    "attribute": "attribute access ('.') at position {pos} is not allowed",
    "lambda": "lambda at position {pos} is not allowed",
    "not_allowed": "'{what}' at position {pos} is not allowed in a formula",
    "bad_operator": "operator '{op}' at position {pos} is not allowed",
    "bad_number": "'{what}' at position {pos} is not a real number",
    "arity": "{name}() at position {pos} takes {want} argument(s), got {got}",
    "keyword": "{name}() at position {pos} has no parameter '{param}'",
    "param_range": "parameter {param} of {name}() at position {pos} must be a number in [{lo}, {hi}]",
    "condition_outside": "the comparison at position {pos} is only allowed as the condition of where(…)",
    "need_condition": "the first argument of where() at position {pos} must be a comparison such as x > 0",
    "constant_too_large": "the number at position {pos} is too large: |value| must be at most {max}",
    "not_finite": "the constant part at position {pos} is not a finite number",
    "exponent_too_large": "the exponent at position {pos} is too large: |p| must be at most {max}",
    "bad_power": "power at position {pos}: the exponent must be a number (x**2) or the base a positive number (2**x)",
}


class FormulaError(ValueError):
    """A formula that cannot be used: ``code`` names the message, ``values`` fill it.

    str(err) is the English message; ``pos`` (in values, when known) is a 1-based character
    position in the text the user typed.
    """

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(MESSAGES[code].format(**values))


# ----------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class Node:
    """One node: op is "x", "num", "neg", "add", "sub", "mul", "div", "pow", "fn" (a function,
    name in fn), "act" (a catalogue activation, id in fn, parameters in params), "where",
    or a condition: "cmp" (operators in fn, "," separated), "and", "or", "not".
    pos is the 1-based position in the typed text."""

    op: str
    args: tuple["Node", ...] = ()
    value: float = 0.0
    fn: str = ""
    params: tuple[tuple[str, float], ...] = ()
    pos: int = 1


# name: number of arguments
# (tanh is the catalogue's activation: a call tanh(…) becomes an "act" node)
_FUNCS: dict[str, int] = {"exp": 1, "log": 1, "log1p": 1, "sqrt": 1, "abs": 1, "sin": 1,
                          "cos": 1, "erf": 1, "maximum": 2, "minimum": 2, "max": 2, "min": 2}
_ALIASES = {"max": "maximum", "min": "minimum"}
_BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_OP_TEXT = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitXor: "^",
            ast.BitAnd: "&", ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>",
            ast.Invert: "~", ast.Not: "not", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
            ast.NotIn: "not in"}
_CMPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
_WHAT = {ast.List: "[…]", ast.Tuple: "(…, …)", ast.Set: "{…}", ast.Dict: "{…: …}",
         ast.ListComp: "[… for …]", ast.SetComp: "{… for …}", ast.DictComp: "{…: … for …}",
         ast.GeneratorExp: "(… for …)", ast.Subscript: "…[…]", ast.Starred: "*…",
         ast.IfExp: "… if … else …", ast.NamedExpr: ":=", ast.JoinedStr: "f'…'",
         ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield from", ast.Slice: ":"}


class _Builder:
    """Copies a Python expression AST into a Node tree, checking every rule on the way."""

    def __init__(self, source: str, positions: list[int]) -> None:
        self.source = source
        self.positions = positions  # index in the parsed text -> 1-based position typed
        self.count = 0

    def op_pos(self, node: ast.BinOp) -> int:
        """The typed position of a binary operator: the first character after the left operand
        that is neither a space nor a closing parenthesis."""
        i = getattr(node.left, "end_col_offset", None)
        if i is None:
            return self.pos(node)
        while i < len(self.source) and self.source[i] in " \t)":
            i += 1
        return self.positions[min(i, len(self.positions) - 1)]

    def pos(self, node: ast.AST) -> int:
        """The typed 1-based position of a syntax node (from its col_offset)."""
        col = getattr(node, "col_offset", 0) or 0
        return self.positions[min(max(col, 0), len(self.positions) - 1)]

    def make(self, depth: int, **kw) -> Node:
        """A new Node, counted: more than MAX_NODES raises too_many_nodes."""
        self.count += 1
        if self.count > MAX_NODES:
            raise FormulaError("too_many_nodes", max=MAX_NODES)
        return Node(**kw)

    def expr(self, node: ast.AST, depth: int) -> Node:
        """A numeric expression (no comparisons)."""
        pos = self.pos(node)
        if depth > MAX_DEPTH:
            raise FormulaError("too_deep", max=MAX_DEPTH, pos=pos)
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise FormulaError("bad_number", what=str(v)[:20], pos=pos)
            if not abs(v) <= MAX_CONSTANT:
                raise FormulaError("constant_too_large", max="10^6", pos=pos)
            return self.make(depth, op="num", value=float(v), pos=pos)
        if isinstance(node, ast.Name):
            if node.id == "x":
                return self.make(depth, op="x", pos=pos)
            if node.id in _FUNCS or node.id in ACTIVATIONS or node.id == "where":
                raise FormulaError("function_as_name", name=node.id, pos=pos)
            raise FormulaError("unknown_name", name=node.id[:30], pos=pos)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.UAdd):
                return self.expr(node.operand, depth + 1)
            if isinstance(node.op, ast.USub):
                inner = self.expr(node.operand, depth + 1)
                return self.make(depth, op="neg", args=(inner,), pos=pos)
            if isinstance(node.op, ast.Not):
                raise FormulaError("condition_outside", pos=pos)
            raise FormulaError("bad_operator", op=_OP_TEXT.get(type(node.op), "?"), pos=pos)
        if isinstance(node, ast.BinOp):
            op = _BINOPS.get(type(node.op))
            if op is None:
                raise FormulaError("bad_operator", op=_OP_TEXT.get(type(node.op), "?"),
                                   pos=self.op_pos(node))
            left = self.expr(node.left, depth + 1)
            right = self.expr(node.right, depth + 1)
            return self.make(depth, op=op, args=(left, right), pos=pos)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, (ast.Compare, ast.BoolOp)):
            raise FormulaError("condition_outside", pos=pos)
        if isinstance(node, ast.Attribute):
            raise FormulaError("attribute", pos=pos)
        if isinstance(node, ast.Lambda):
            raise FormulaError("lambda", pos=pos)
        raise FormulaError("not_allowed", what=_WHAT.get(type(node), type(node).__name__),
                           pos=pos)

    def cond(self, node: ast.AST, depth: int) -> Node:
        """A condition: comparisons of expressions, joined by and / or / not."""
        pos = self.pos(node)
        if depth > MAX_DEPTH:
            raise FormulaError("too_deep", max=MAX_DEPTH, pos=pos)
        if isinstance(node, ast.Compare):
            ops = []
            for op in node.ops:
                if type(op) not in _CMPS:
                    raise FormulaError("bad_operator", op=_OP_TEXT.get(type(op), "?"), pos=pos)
                ops.append(_CMPS[type(op)])
            parts = [self.expr(node.left, depth + 1)]
            parts += [self.expr(c, depth + 1) for c in node.comparators]
            return self.make(depth, op="cmp", args=tuple(parts), fn=",".join(ops), pos=pos)
        if isinstance(node, ast.BoolOp):
            parts = tuple(self.cond(v, depth + 1) for v in node.values)
            op = "and" if isinstance(node.op, ast.And) else "or"
            return self.make(depth, op=op, args=parts, pos=pos)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.make(depth, op="not", args=(self.cond(node.operand, depth + 1),),
                             pos=pos)
        raise FormulaError("need_condition", pos=pos)

    def call(self, node: ast.Call, depth: int) -> Node:
        """where(c, a, b), a catalogue activation (with keyword parameters) or a function."""
        pos = self.pos(node)
        if isinstance(node.func, ast.Attribute):
            raise FormulaError("attribute", pos=self.pos(node.func))
        if not isinstance(node.func, ast.Name):
            raise FormulaError("not_allowed", what="(…)(…)", pos=pos)
        name = node.func.id
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise FormulaError("not_allowed", what="*…", pos=pos)
        if any(k.arg is None for k in node.keywords):
            raise FormulaError("not_allowed", what="**…", pos=pos)
        if name == "where":
            self.no_keywords(node, name, pos)
            self.arity(node, name, 3, pos)
            c = self.cond(node.args[0], depth + 1)
            a = self.expr(node.args[1], depth + 1)
            b = self.expr(node.args[2], depth + 1)
            return self.make(depth, op="where", args=(c, a, b), pos=pos)
        if name in ACTIVATIONS:
            self.arity(node, name, 1, pos)
            arg = self.expr(node.args[0], depth + 1)
            params = self.act_params(node, name, pos, depth)
            return self.make(depth, op="act", args=(arg,), fn=name, params=params, pos=pos)
        if name in _FUNCS:
            self.no_keywords(node, name, pos)
            self.arity(node, name, _FUNCS[name], pos)
            args = tuple(self.expr(a, depth + 1) for a in node.args)
            return self.make(depth, op="fn", args=args, fn=_ALIASES.get(name, name), pos=pos)
        if name == "x":
            raise FormulaError("not_allowed", what="x(…)", pos=pos)
        raise FormulaError("unknown_function", name=name[:30], pos=pos)

    @staticmethod
    def arity(node: ast.Call, name: str, want: int, pos: int) -> None:
        """Raise arity unless the call has exactly `want` positional arguments."""
        if len(node.args) != want:
            raise FormulaError("arity", name=name, want=want, got=len(node.args), pos=pos)

    @staticmethod
    def no_keywords(node: ast.Call, name: str, pos: int) -> None:
        """Raise keyword if the call has keyword arguments (only activations take them)."""
        if node.keywords:
            raise FormulaError("keyword", name=name, param=node.keywords[0].arg, pos=pos)

    def act_params(self, node: ast.Call, name: str, pos: int, depth: int
                   ) -> tuple[tuple[str, float], ...]:
        """Keyword parameters of a catalogue activation: constants within the Param's range."""
        spec = {p.name: p for p in ACTIVATIONS[name].params}
        out = {}
        for kw in node.keywords:
            p = spec.get(kw.arg)
            if p is None or kw.arg in out:
                raise FormulaError("keyword", name=name, param=str(kw.arg)[:30], pos=pos)
            value_node = self.expr(kw.value, depth + 1)
            value = _constant(value_node) if not _has_x(value_node) else math.nan
            if not p.min <= value <= p.max:
                raise FormulaError("param_range", name=name, param=p.name, lo=p.min, hi=p.max,
                                   pos=self.pos(kw.value))
            out[p.name] = value
        return tuple(sorted(out.items()))


def _has_x(node: Node) -> bool:
    """Whether the subtree depends on x."""
    return node.op == "x" or any(_has_x(a) for a in node.args)


def _constant(node: Node) -> float:
    """The value of an x-free subtree."""
    with np.errstate(all="ignore"):
        v, _ = forward(node, np.zeros(1))
    return float(v[0])


def _check_constants(node: Node) -> None:
    """Post-order: every x-free sub-expression is finite with |value| ≤ MAX_CONSTANT, and every
    power has a constant exponent |p| ≤ MAX_EXPONENT (base with x) or a constant base c > 0."""
    for a in node.args:
        _check_constants(a)
    if node.op in ("cmp", "and", "or", "not", "where"):
        return
    if node.op == "pow":
        base, exp = node.args
        if _has_x(base) and _has_x(exp):
            raise FormulaError("bad_power", pos=node.pos)
        if _has_x(base) and not abs(_constant(exp)) <= MAX_EXPONENT:
            raise FormulaError("exponent_too_large", max=f"{MAX_EXPONENT:g}", pos=exp.pos)
        if _has_x(exp) and not _constant(base) > 0:
            raise FormulaError("bad_power", pos=node.pos)
    if not _has_x(node):
        v = _constant(node)
        if not math.isfinite(v):
            raise FormulaError("not_finite", pos=node.pos)
        if abs(v) > MAX_CONSTANT:
            raise FormulaError("constant_too_large", max="10^6", pos=node.pos)


# ----------------------------------------------------------------------------- parsing


def _prepare(text: str) -> tuple[str, list[int]]:
    """The text with ^ written as ** and, per character of it, the 1-based typed position."""
    out, positions = [], []
    for i, ch in enumerate(text):
        if ch == "^":
            out.append("**")
            positions += [i + 1, i + 1]
        else:
            out.append(ch)
            positions.append(i + 1)
    positions.append(len(text) + 1)  # the end (syntax errors may point past the last char)
    return "".join(out), positions


def _syntax_error(err: SyntaxError, positions: list[int], length: int) -> FormulaError:
    """A FormulaError for Python's SyntaxError: an unclosed or unmatched parenthesis, a formula
    that ends too early (Python gives no column then), or a syntax error at a position."""
    msg = str(err.msg or "")
    if not err.offset:
        return FormulaError("incomplete", pos=length)
    pos = positions[min(max(err.offset - 1, 0), len(positions) - 1)]
    if "never closed" in msg:
        return FormulaError("unclosed", pos=pos)
    if msg.startswith("unmatched"):
        return FormulaError("unmatched", pos=pos)
    return FormulaError("syntax", pos=pos)


def parse_tree(text: str) -> Node:
    """The checked tree of a formula (FormulaError on anything outside the rules above)."""
    if not isinstance(text, str):
        raise FormulaError("not_text")
    if len(text) > MAX_LENGTH:  # before anything else touches the text
        raise FormulaError("too_long", n=len(text), max=MAX_LENGTH)
    if not text.strip():
        raise FormulaError("empty")
    for i, ch in enumerate(text):
        if ch not in _ALLOWED_CHARS:
            shown = ch if ch.isprintable() else "?"
            raise FormulaError("bad_char", char=shown, unicode=f"U+{ord(ch):04X}", pos=i + 1)
    source, positions = _prepare(text.strip(" \t"))
    lead = len(text) - len(text.lstrip(" \t"))
    positions = [p + lead for p in positions]
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as err:
        raise _syntax_error(err, positions, len(text)) from None
    except (RecursionError, MemoryError, ValueError):
        raise FormulaError("too_deep", max=MAX_DEPTH, pos=1) from None
    try:
        root = _Builder(source, positions).expr(tree.body, 1)
        _check_constants(root)
    except RecursionError:
        raise FormulaError("too_deep", max=MAX_DEPTH, pos=1) from None
    return root


def parse(text: str) -> Activation:
    """The formula as an Activation with id "custom": fn(x) = f(x), grad(x) = f'(x) by
    forward-mode differentiation of the tree (see the module doc for the rules)."""
    root = parse_tree(text)
    shown = " ".join(text.split())
    # partials of module functions (not closures): the Activation pickles, so results that hold
    # it (core.saturation's DeepMLPResult) can be cached by the pages
    fn, grad = functools.partial(_value, root), functools.partial(_slope, root)
    both = functools.partial(evaluate, root)
    fn.__doc__ = f"f(x) = {shown}"
    grad.__doc__ = f"f'(x) = d/dx [{shown}] (forward-mode differentiation of the tree)"
    return CustomActivation(
        id="custom", name=display_name(shown), family="other", _fn=fn, _grad=grad,
        latex_f="f(x)=" + latex(root), latex_grad=r"f'(x)=\frac{d}{dx}\left[" + latex(root)
        + r"\right]", cost="custom", text=shown, nodes=count_nodes(root), tree=root,
        _both=both)


@dataclass(frozen=True, eq=False)
class CustomActivation(Activation):
    """An Activation parsed from a formula: text is the formula, nodes the size of its tree,
    tree the tree itself (its work is counted node by node: element_cost, call_cost). Two
    parses of the same text are equal and hash alike (so a page's cache key may hold one)."""

    text: str = ""
    nodes: int = 0
    tree: Node | None = None
    _both: object = None

    def fn_grad(self, x: np.ndarray | float, **params: float) -> tuple[np.ndarray, np.ndarray]:
        """(f(x), f'(x)) in ONE forward-mode pass over the tree (evaluate)."""
        self._params(params)  # a formula has no parameters: TypeError for any name
        return self._both(x)

    def element_cost(self) -> float:
        """Work units per element of f and f' in one pass: formula_cost(tree)."""
        return formula_cost(self.tree)

    def call_cost(self) -> float:
        """Work units of one evaluation regardless of size: formula_call_cost(tree)."""
        return formula_call_cost(self.tree)

    def __eq__(self, other: object) -> bool:
        """Equal to another parse of the same text."""
        return isinstance(other, CustomActivation) and other.text == self.text

    def __hash__(self) -> int:
        """hash(("custom", text))."""
        return hash(("custom", self.text))


def _value(root: Node, x: np.ndarray) -> np.ndarray:
    """f(x) of a parsed tree, values only (see evaluate)."""
    return evaluate(root, x, slope=False)[0]


def _slope(root: Node, x: np.ndarray) -> np.ndarray:
    """f'(x) of a parsed tree (see evaluate)."""
    return evaluate(root, x)[1]


def display_name(text: str) -> str:
    """"f(x) = <text>" with ** written ^ and * written · (so Markdown never reads a name as
    emphasis), cut to NAME_LENGTH characters with an ellipsis."""
    text = text.replace("**", "^").replace("*", "·")
    short = text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1] + "…"
    return f"f(x) = {short}"


def count_nodes(node: Node) -> int:
    """Number of nodes in the tree."""
    return 1 + sum(count_nodes(a) for a in node.args)


# ----------------------------------------------------------------------------- evaluation


def _chain(outer: np.ndarray, du: np.ndarray) -> np.ndarray:
    """outer·u' with 0 wherever u' = 0 (a constant inner part contributes nothing, even where
    the outer derivative is infinite)."""
    return np.where(du == 0, 0.0, outer * du)


_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
_FN_VALUE = {"exp": np.exp, "log": np.log, "log1p": np.log1p, "sqrt": np.sqrt, "abs": np.abs,
             "sin": np.sin, "cos": np.cos, "erf": erf}


def _fn_slope(name: str, v: np.ndarray, u: np.ndarray) -> np.ndarray:
    """g'(u) of a one-argument whitelisted function g, given v = g(u):
    exp' = v, log' = 1/u, log1p' = 1/(1 + u), sqrt' = ½/v, abs' = sign u, sin' = cos u,
    cos' = −sin u, erf' = (2/√π)·e^(−u²)."""
    if name == "exp":
        return v
    if name == "log":
        return 1.0 / u
    if name == "log1p":
        return 1.0 / (1.0 + u)
    if name == "sqrt":
        return 0.5 / v
    if name == "abs":
        return np.sign(u)
    if name == "sin":
        return np.cos(u)
    if name == "cos":
        return -np.sin(u)
    return _TWO_OVER_SQRT_PI * np.exp(-u * u)  # erf


_CMP = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
        "==": np.equal, "!=": np.not_equal}


def _cond(node: Node, x: np.ndarray) -> np.ndarray:
    """A boolean array: the condition at every x (values only, no slopes)."""
    if node.op == "cmp":
        vals = [forward(a, x, slope=False)[0] for a in node.args]
        out = np.ones(x.shape, dtype=bool)
        for op, a, b in zip(node.fn.split(","), vals, vals[1:]):
            out &= _CMP[op](a, b)
        return out
    parts = [_cond(a, x) for a in node.args]
    if node.op == "not":
        return ~parts[0]
    out = parts[0]
    for p in parts[1:]:
        out = (out & p) if node.op == "and" else (out | p)
    return out


def _value_of(node: Node, vals: list[np.ndarray]) -> np.ndarray:
    """The value of an arithmetic, "fn" or "act" node from its arguments' values."""
    op = node.op
    if op == "neg":
        return -vals[0]
    if op == "fn":
        if node.fn in _FN_VALUE:
            return _FN_VALUE[node.fn](vals[0])
        a, b = vals
        return np.where(a > b if node.fn == "maximum" else a < b, a, b)
    if op == "act":
        return ACTIVATIONS[node.fn].fn(vals[0], **dict(node.params))
    u, w = vals
    if op == "add":
        return u + w
    if op == "sub":
        return u - w
    if op == "mul":
        return u * w
    if op == "div":
        return u / w
    if not _has_x(node.args[1]):  # pow with a constant exponent p (checked at parse time)
        p = float(w.flat[0]) if w.size else 0.0
        return np.ones_like(u) if p == 0 else np.power(u, p)
    return np.power(u, w)  # a constant base c > 0


def _slope_of(node: Node, v: np.ndarray, vals: list[np.ndarray], ders: list[np.ndarray]
              ) -> np.ndarray:
    """The derivative of the node whose value is v, from its arguments' values and slopes:
    (u ± w)' = u' ± w',  (u·w)' = u'w + uw',  (u/w)' = u'/w − (u/w)·w'/w,
    (uᵖ)' = p·uᵖ⁻¹·u',  (cᵘ)' = cᵘ·ln c·u',  g(u)' = g'(u)·u',
    max(a, b)' = a' where a > b else b' (min likewise)."""
    op = node.op
    if op == "neg":
        return -ders[0]
    if op == "fn":
        if node.fn in _FN_VALUE:
            return _chain(_fn_slope(node.fn, v, vals[0]), ders[0])
        a, b = vals
        return np.where(a > b if node.fn == "maximum" else a < b, ders[0], ders[1])
    if op == "act":
        return _chain(ACTIVATIONS[node.fn].grad(vals[0], **dict(node.params)), ders[0])
    (u, w), (du, dw) = vals, ders
    if op == "add":
        return du + dw
    if op == "sub":
        return du - dw
    if op == "mul":
        return _chain(w, du) + _chain(u, dw)
    if op == "div":
        return _chain(1.0 / w, du) - _chain(v / w, dw)
    if not _has_x(node.args[1]):
        p = float(w.flat[0]) if w.size else 0.0
        return np.zeros_like(u) if p == 0 else _chain(p * np.power(u, p - 1), du)
    return _chain(v * np.log(u), dw) + _chain(w * np.power(u, w - 1), du)


def forward(node: Node, x: np.ndarray, slope: bool = True
            ) -> tuple[np.ndarray, np.ndarray | None]:
    """(f(x), f'(x)) of the subtree in one pass (forward mode: every node returns its value
    and its derivative together, each rule is the derivative of its node; see _slope_of).
    slope=False computes values only and returns (f(x), None)."""
    op = node.op
    if op == "x":
        return x, (np.ones_like(x) if slope else None)
    if op == "num":
        return np.full_like(x, node.value), (np.zeros_like(x) if slope else None)
    if op == "where":
        c = _cond(node.args[0], x)
        (va, da), (vb, db) = forward(node.args[1], x, slope), forward(node.args[2], x, slope)
        return np.where(c, va, vb), (np.where(c, da, db) if slope else None)
    pairs = [forward(a, x, slope) for a in node.args]
    vals = [p[0] for p in pairs]
    v = _value_of(node, vals)
    if not slope:
        return v, None
    return v, _slope_of(node, v, vals, [p[1] for p in pairs])


def evaluate(root: Node, x: np.ndarray | float, slope: bool = True
             ) -> tuple[np.ndarray, np.ndarray | None]:
    """(f(x), f'(x)) of a parsed tree on x in one pass: float64 internally, x's float dtype
    returned; slope=False gives (f(x), None) at the cost of the values alone.

    Runs under np.errstate(all="ignore"): overflow gives ±inf, a point outside a function's
    domain gives nan, and neither raises nor warns.
    """
    arr = as_float_array(x)
    with np.errstate(all="ignore"):
        v, d = forward(root, arr.astype(np.float64), slope)
        v = np.broadcast_to(v, arr.shape).astype(arr.dtype)
        if d is not None:
            d = np.broadcast_to(d, arr.shape).astype(arr.dtype)
    return v, d


# Work units (1 unit ≈ 1 ns of CPU on the course machine) of one forward-mode node (value and
# slope) by kind: NODE_COST per element (on 512,000 float64 values) and NODE_CALL_COST per
# evaluation (on 8 values: numpy's fixed cost per call; at least one call's, as timed for the
# x leaf). "fn:<name>" is a whitelisted function; "act" the chain-rule part of a catalogue
# activation on top of its own ELEMENT_COST / CALL_COST; "pow" a constant exponent, "pow_x" a
# constant base. Each node over x-leaves minus the leaves, process CPU time, best of 5,
# measured with bench/formula_cost.py (which prints both tables) on the shared 2-core machine
# under heavy load from other processes (load average ~24).
NODE_COST: dict[str, int] = {
    "x": 1, "num": 5, "neg": 12, "add": 17, "sub": 17, "mul": 27, "div": 32, "pow": 76,
    "pow_x": 32, "where": 17, "fn:exp": 18, "fn:log": 26, "fn:log1p": 30, "fn:sqrt": 21,
    "fn:abs": 20, "fn:sin": 50, "fn:cos": 50, "fn:erf": 97, "fn:maximum": 18, "fn:minimum": 18,
    "act": 11, "and": 1, "not": 2, "or": 1, "cmp": 1,
}
NODE_CALL_COST: dict[str, int] = {
    "x": 988, "num": 1667, "neg": 1271, "add": 1436, "sub": 1420, "mul": 5857, "div": 5915,
    "pow": 5982, "pow_x": 9654, "where": 2040, "fn:exp": 3024, "fn:log": 3421, "fn:log1p": 4257,
    "fn:sqrt": 3648, "fn:abs": 3582, "fn:sin": 3480, "fn:cos": 4507, "fn:erf": 6384,
    "fn:maximum": 2952, "fn:minimum": 3005, "act": 988, "and": 2924, "not": 988, "or": 2924,
    "cmp": 988,
}


def _cost_key(node: Node) -> str:
    """The node's kind in NODE_COST / NODE_CALL_COST."""
    if node.op == "fn":
        return "fn:" + node.fn
    if node.op == "pow":
        return "pow_x" if _has_x(node.args[1]) else "pow"
    return node.op


def formula_call_cost(root: Node) -> float:
    """Work units of one evaluation of the tree regardless of size: Σ over its nodes of
    NODE_CALL_COST[kind] (+ CALL_COST of a catalogue activation's node)."""
    own = float(NODE_CALL_COST[_cost_key(root)])
    if root.op == "act":
        own += ACTIVATIONS[root.fn].call_cost()
    return own + sum(formula_call_cost(a) for a in root.args)


def formula_cost(root: Node) -> float:
    """Work units per element of evaluating the tree's value and slope in one pass:
    Σ over its nodes of NODE_COST[kind] (+ ELEMENT_COST of a catalogue activation's node).
    A deterministic count (no timing at run time): the pages' work budgets use it."""
    own = float(NODE_COST[_cost_key(root)])
    if root.op == "act":
        own += ACTIVATIONS[root.fn].element_cost()
    return own + sum(formula_cost(a) for a in root.args)


# ----------------------------------------------------------------------------- for the pages


DRAW_LIMIT = 1e30  # |values| beyond this cannot be drawn (float32 in the browser): gaps too
MAX_SAMPLE_POINTS = 5001  # sample(): points per call


@dataclass(frozen=True)
class Sample:
    """f and f' of a formula on x, with nan where a value is not finite or |value| > DRAW_LIMIT
    (a gap in the curve); f_gaps / g_gaps count those points."""

    x: np.ndarray
    f: np.ndarray
    grad: np.ndarray
    f_gaps: int
    g_gaps: int


def sample(act: Activation, lo: float, hi: float, n: int) -> Sample:
    """f(x), f'(x) on xₖ = lo + k·(hi − lo)/(n − 1), k = 0..n−1 (2 ≤ n ≤ MAX_SAMPLE_POINTS),
    with every value that is not finite (overflow ±inf, nan) or has |value| > DRAW_LIMIT
    replaced by nan, and counted."""
    if not 2 <= int(n) <= MAX_SAMPLE_POINTS:
        raise ValueError(f"n must be in 2..{MAX_SAMPLE_POINTS}")
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError("need finite lo < hi")
    with np.errstate(all="ignore"):
        x, f, g = numeric_sample(act, lo, hi, n)
        ok_f, ok_g = np.abs(f) <= DRAW_LIMIT, np.abs(g) <= DRAW_LIMIT  # False for nan too
    return Sample(x, np.where(ok_f, f, np.nan), np.where(ok_g, g, np.nan),
                  int(np.sum(~ok_f)), int(np.sum(~ok_g)))


def all_finite(*arrays: np.ndarray) -> bool:
    """Whether every value of every array is finite (a formula that grows too fast can make a
    simulation overflow: its per-layer statistics are then ±inf or nan)."""
    return all(bool(np.all(np.isfinite(np.asarray(a, dtype=np.float64)))) for a in arrays)


PROBES = np.concatenate([GRID, [-1e12, -1e6, 1e6, 1e12]])  # every x core.properties samples
_ON_GRID = np.concatenate([np.ones(GRID.size, dtype=bool), np.zeros(4, dtype=bool)])


def first_undefined(act: Activation) -> float | None:
    """The x closest to 0 among PROBES where f or f' has no usable value, None if there is none:
    on core.properties' grid ([−100, 100]) every value must be finite; at the far probes
    (±10⁶, ±10¹²) ±∞ is allowed (core.properties reads it as unbounded growth) but nan (an
    undefined point, or an overflow such as ∞/∞) is not. The pages measure a formula only when
    this is None, since otherwise core.properties' answers would be meaningless."""
    with np.errstate(all="ignore"):
        f, g = act.fn_grad(PROBES)
    bad = np.isnan(f) | np.isnan(g) | (_ON_GRID & ~(np.isfinite(f) & np.isfinite(g)))
    if not np.any(bad):
        return None
    xs = PROBES[bad]
    return float(xs[np.argmin(np.abs(xs))])


# ----------------------------------------------------------------------------- LaTeX

_PREC = {"add": 1, "sub": 1, "mul": 2, "div": 3, "neg": 2, "pow": 4}
_LATEX_FN = {"exp": None, "log": r"\ln", "sqrt": None, "abs": None, "sin": r"\sin",
             "cos": r"\cos", "erf": r"\operatorname{erf}",
             "log1p": None, "maximum": r"\max", "minimum": r"\min"}
_LATEX_CMP = {"<": "<", "<=": r"\le", ">": ">", ">=": r"\ge", "==": "=", "!=": r"\ne"}


def _num_latex(v: float) -> str:
    """A number in LaTeX: up to 6 significant digits, a×10^{k} for very small/large ones."""
    text = f"{v:.6g}"
    if "e" in text:
        mant, exp = text.split("e")
        return rf"{mant}\times 10^{{{int(exp)}}}"
    return text


def _wrap(node: Node, need: int) -> str:
    text = latex(node)
    if _PREC.get(node.op, 9) < need or (node.op == "num" and node.value < 0 and need > 1):
        return rf"\left({text}\right)"
    return text


def latex(node: Node) -> str:
    """LaTeX of the tree, with parentheses only where precedence needs them."""
    op, a = node.op, node.args
    if op == "x":
        return "x"
    if op == "num":
        return _num_latex(node.value)
    if op == "add":
        return f"{latex(a[0])}+{_wrap(a[1], 1)}"
    if op == "sub":
        return f"{latex(a[0])}-{_wrap(a[1], 2)}"
    if op == "mul":
        left, right = _wrap(a[0], 2), _wrap(a[1], 3)
        sep = r"\," if a[0].op == "num" and a[1].op != "num" else r"\cdot "
        return f"{left}{sep}{right}"
    if op == "div":
        return rf"\frac{{{latex(a[0])}}}{{{latex(a[1])}}}"
    if op == "neg":
        return f"-{_wrap(a[0], 3)}"
    if op == "pow":
        return f"{{{_wrap(a[0], 5)}}}^{{{latex(a[1])}}}"
    if op == "fn":
        inner = ", ".join(latex(n) for n in a)
        if node.fn == "exp":
            return f"e^{{{inner}}}"
        if node.fn == "sqrt":
            return rf"\sqrt{{{inner}}}"
        if node.fn == "abs":
            return rf"\left|{inner}\right|"
        if node.fn == "log1p":
            return rf"\ln\left(1+{inner}\right)"
        return rf"{_LATEX_FN[node.fn]}\left({inner}\right)"
    if op == "act":
        head = {"sigmoid": r"\sigma", "tanh": r"\tanh"}.get(
            node.fn, r"\operatorname{" + node.fn.replace("_", r"\_") + "}")
        extra = "".join(rf";\ \text{{{k.replace('_', ' ')}}}={_num_latex(v)}"
                        for k, v in node.params)
        return rf"{head}\left({latex(a[0])}{extra}\right)"
    if op == "where":
        return (r"\begin{cases}" + latex(a[1]) + " & " + latex(a[0]) + r"\\" + latex(a[2])
                + r" & \text{otherwise}\end{cases}")
    if op == "cmp":
        parts = [latex(a[0])]
        for sym, rhs in zip(node.fn.split(","), a[1:]):
            parts += [_LATEX_CMP[sym], latex(rhs)]
        return " ".join(parts)
    if op == "not":
        return rf"\neg\left({latex(a[0])}\right)"
    joiner = r"\ \wedge\ " if op == "and" else r"\ \vee\ "
    return joiner.join(latex(n) for n in a)
