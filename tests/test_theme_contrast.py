"""Every series colour keeps a WCAG 2 contrast of at least 3:1 against the chart background, in
the light (#FFFFFF) and the dark (#0E1117) theme (issue #12: Sigmoid's dark blue on dark)."""

import pytest

from ui.theme import DARK_BG, LIGHT_BG, OKABE_ITO, OKABE_ITO_DARK, Look, line_trace, series_style

MIN_CONTRAST = 3.0
# the dark backgrounds a chart may stand on: Streamlit's classic #0E1117 and the #171614 that
# Streamlit 1.67's dark theme paints (measured in a Chromium screenshot of the app)
DARK_BACKGROUNDS = (DARK_BG, "#171614")


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels,
    c_lin = c/12.92 for c ≤ 0.04045, else ((c + 0.055)/1.055)^2.4."""
    h = hex_colour.lstrip("#")
    assert len(h) == 6, hex_colour
    channels = [int(h[k:k + 2], 16) / 255 for k in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio (L_light + 0.05) / (L_dark + 0.05)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#0072B2", "#0E1117") < contrast("#0072B2", "#FFFFFF")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_palette_colour_has_contrast_3_against_the_background(dark):
    look = Look(dark=dark)
    assert look.background == (DARK_BG if dark else LIGHT_BG)
    for background in DARK_BACKGROUNDS if dark else (LIGHT_BG,):
        ratios = {c: round(contrast(c, background), 2) for c in look.palette}
        low = {c: r for c, r in ratios.items() if r < MIN_CONTRAST}
        assert not low, f"colours under {MIN_CONTRAST}:1 on {background}: {low}"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_series_and_lines_take_the_theme_colour(dark):
    look = Look(dark=dark)
    palette = OKABE_ITO_DARK if dark else OKABE_ITO
    for i in range(12):
        colour = series_style(i, look)["color"]
        assert colour == palette[i % len(palette)] == look.color(i)
        trace = line_trace([0, 1], [0, 1], "s", i, look)
        assert trace["line"]["color"] == colour
        assert contrast(colour, look.background) >= MIN_CONTRAST


def test_sigmoid_blue_is_lighter_on_dark():
    light, dark = Look(dark=False).color(0), Look(dark=True).color(0)
    assert light != dark
    assert relative_luminance(dark) > relative_luminance(light)
    assert contrast(dark, DARK_BG) >= 4.5  # the first curve reads as well as body text


def test_the_palettes_keep_distinct_colours():
    for palette in (OKABE_ITO, OKABE_ITO_DARK):
        assert len(set(palette)) == len(palette) == 8
