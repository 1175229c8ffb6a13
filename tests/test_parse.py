"""ui.parse reads typed numbers without eval and rejects everything else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.parse import parse_numbers


@pytest.mark.parametrize("text, expected", [
    ("-1, 0, 0.5, 1", [-1.0, 0.0, 0.5, 1.0]), ("−2 3", [-2.0, 3.0]), ("1;2", [1.0, 2.0]),
    ("1e3", [1000.0]),
])
def test_accepts_numbers(text, expected):
    assert parse_numbers(text, 1, 12, -1e6, 1e6) == expected


@pytest.mark.parametrize("text", ["", "nan", "inf", "1, x", "__import__('os')", "1e9",
                                  ",".join(["1"] * 13)])
def test_rejects_bad_input(text):
    assert parse_numbers(text, 1, 12, -1e6, 1e6) is None


@given(st.text(max_size=200))
def test_never_raises(text):
    out = parse_numbers(text, 1, 12, -1e6, 1e6)
    assert out is None or (1 <= len(out) <= 12 and all(-1e6 <= v <= 1e6 for v in out))
