"""Numbers as people read them, and arrays as the browser receives them: the one home of the
app's number formatting, percentages, powers of ten, float32 packing and log axes.

Pure Python + numpy: importable without Streamlit (figure builders, lessons, tests, benches).
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable

import numpy as np

_SUPERSCRIPT = str.maketrans("-−0123456789", "⁻⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sup(exponent: int) -> str:
    """An integer exponent in superscript digits: −3 → ⁻³."""
    return str(int(exponent)).translate(_SUPERSCRIPT)


def power(exponent: int) -> str:
    """10^e as text: 1, 10, 10², 10⁻³ (a tick label, a bound in a sentence)."""
    if exponent == 0:
        return "1"
    if exponent == 1:
        return "10"
    return "10" + sup(exponent)


def fmt(value: float | None, digits: int = 4) -> str:
    """A number for people: ±∞, nan, integers without decimals, else `digits` significant
    digits; powers of ten written as ×10ⁿ and the minus sign as −."""
    if value is None:
        return "—"
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == int(value) and abs(value) < 1e9:
        return str(int(value)).replace("-", "−")
    text = f"{value:.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        text = f"{mant}×10{sup(int(exp))}"
    return text.replace("-", "−")


def nice(value: float, digits: int = 4) -> str:
    """fmt(value, digits), with a bare power of ten written alone: 1×10⁻⁶ → 10⁻⁶."""
    text = fmt(value, digits)
    return text[2:] if text.startswith("1×10") else text


def percent(share: float | None, digits: int = 3) -> str:
    """The number of a percentage, for texts that write ``{p}%``: at most `digits` significant
    digits, 0.639 → "63.9"; None → "—". Below 0.005 % it is 0: a sentence does not narrate
    rounding noise (a stack of linear maps is not "10⁻¹⁴ % away from a line")."""
    if share is None:
        return "—"
    p = 100.0 * float(share)
    return fmt(0.0 if abs(p) < 5e-3 else p, digits)


def pct(share: float | None, digits: int = 3) -> str:
    """A share 0…1 as a percentage with no space before the sign, the same in Korean and
    English: 0.639 → "63.9%"; None → "—"."""
    text = percent(share, digits)
    return text if text == "—" else f"{text}%"


def count(n: int) -> str:
    """A whole number with thousands separators: 12345 → "12,345"."""
    return f"{int(n):,}"


def parse_number(text: str, integer: bool) -> float | None:
    """A finite number from a URL value; for a whole-number control a whole one ("5.0" and
    "1e0" are 5 and 1, "3.5" is not one); None if the text is not such a number."""
    try:
        value = float(text)
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(value) or (integer and value != int(value)):
        return None
    return int(value) if integer else value


def f32(values: Any) -> np.ndarray | list:
    """An array for the browser as float32 (half the payload of float64, far more precision than
    a chart shows). Values that are not finite (a user's formula can overflow or leave its
    domain; a diverging run) go out as None, a gap in the line: inf and nan never reach
    plotly.js."""
    with np.errstate(over="ignore", invalid="ignore"):
        arr = np.asarray(values, dtype=np.float32)
    if np.all(np.isfinite(arr)):
        return arr
    return [float(v) if np.isfinite(v) else None for v in arr.ravel()]


def log_axis(values: Iterable[Any], most_labels: int = 9) -> dict:
    """Plotly settings of a log axis spanning whole decades around the positive values, ticks at
    powers of ten written 10ⁿ (at most `most_labels` labels) and room for the axis title."""
    arrays = [np.asarray(v, dtype=float).ravel() for v in values]
    allv = np.concatenate(arrays) if arrays else np.array([1.0])
    allv = allv[np.isfinite(allv) & (allv > 0)]
    if allv.size == 0:
        allv = np.array([1.0])
    lo = math.floor(math.log10(float(np.min(allv))))
    hi = math.ceil(math.log10(float(np.max(allv))))
    if hi - lo < 1:
        lo, hi = lo - 1, hi + 1
    step = max(1, math.ceil((hi - lo) / (most_labels - 1)))
    exps = list(range(lo, hi + 1, step))
    return dict(type="log", range=[lo - 0.15, hi + 0.15], tickvals=[10.0 ** e for e in exps],
                ticktext=[power(e) for e in exps], title=dict(standoff=12), automargin=True)


# Characters that Markdown (CommonMark + GFM), Streamlit's directives (:red[…], :material/x:)
# and its LaTeX ($…$) give a meaning to. Backslash-escaped, each shows as itself.
_JOINER = "\u2060"  # word joiner: invisible, breaks automatic links
_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:=&^\"'@")


def plain(text: object, most: int | None = None) -> str:
    """User text (a URL value, a typed box, a formula, a room code) made safe to put into a
    Markdown template: every character Markdown, Streamlit or LaTeX would read is escaped, line
    breaks become spaces, and with ``most`` the text is cut to that many characters (…).
    The result shows exactly as typed: no link, image, HTML, emphasis or formula."""
    s = str(text)
    if most is not None and len(s) > most:
        s = s[:most] + "…"
    s = " ".join(s.splitlines())
    # GFM turns bare addresses into links after escapes are resolved (https://…, www.…, a@b.c):
    # an invisible word joiner after ":" and "@" and inside "www." breaks every such pattern
    s = re.sub(r"(?i)(w)(ww\.)", "\\1\u2060\\2", s)
    out = []
    for ch in s:
        out.append("\\" + ch if ch in _MD_SPECIAL else ch)
        if ch in ":@":
            out.append(_JOINER)
    return "".join(out)
