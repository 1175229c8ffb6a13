"""Reading numbers that people type (never with eval): "−1, 0, 0.5, 1" -> [-1.0, 0.0, 0.5, 1.0]."""

from __future__ import annotations

import math


def parse_numbers(text: str, min_count: int, max_count: int, lo: float, hi: float) -> list[float] | None:
    """Comma- or space-separated finite numbers in [lo, hi]; None if anything is off.

    Accepts the Unicode minus (−) as well as '-', ignores empty items; rejects nan/inf, words, and
    lists shorter than min_count or longer than max_count.
    """
    items = [s for s in text.replace("−", "-").replace(";", ",").replace(" ", ",").split(",") if s]
    if not min_count <= len(items) <= max_count:
        return None
    values = []
    for item in items:
        try:
            v = float(item)
        except ValueError:
            return None
        if not math.isfinite(v) or not lo <= v <= hi:
            return None
        values.append(v)
    return values
