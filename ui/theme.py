"""Chart styling shared by every figure: projector-sized fonts, thick lines, Okabe–Ito colours.

Curves differ by colour *and* dash *and* marker, so they stay distinguishable in greyscale and for
colour-blind viewers. Backgrounds are transparent and text colours follow the light/dark theme.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

# Okabe & Ito (2008) colour-blind-safe hues, one palette per theme: every colour keeps a WCAG
# contrast of at least 3:1 against the chart background (tests/test_theme_contrast.py). The light
# palette darkens the pale hues (orange, purple, sky blue, yellow, grey) for white; the dark
# palette lightens the blue and vermillion (Sigmoid's dark blue was hard to see on #0E1117).
LIGHT_BG = "#FFFFFF"  # Streamlit's light background (charts are transparent over it)
DARK_BG = "#0E1117"  # Streamlit's dark background
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#B57D00",  # orange, darkened
    "#C0608F",  # reddish purple, darkened
    "#2B8CC4",  # sky blue, darkened
    "#8C7F00",  # yellow, darkened to olive
    "#767676",  # grey (instead of black, so it shows on dark backgrounds)
)
OKABE_ITO_DARK: tuple[str, ...] = (
    "#4AA3E8",  # blue, lightened
    "#F07830",  # vermillion, lightened
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#A3DCFA",  # sky blue, lightened (apart from the blue)
    "#F0E442",  # yellow
    "#999999",  # grey
)
DASHES: tuple[str, ...] = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
MODEBAR_MARGIN = 48  # px on the right of every chart, where Plotly's tool bar stands
MARKERS: tuple[str, ...] = ("circle", "square", "diamond", "triangle-up", "x", "cross",
                            "star", "pentagon")


@dataclass(frozen=True)
class Look:
    """How big and in which colours to draw: normal or classroom (projector) mode, light or dark."""

    classroom: bool = False
    dark: bool = False

    @property
    def font(self) -> int:
        """Base chart font size in px (≥ 16)."""
        return 22 if self.classroom else 16

    @property
    def line(self) -> float:
        """Line width in px (≥ 3)."""
        return 5.0 if self.classroom else 3.0

    @property
    def marker(self) -> int:
        """Marker size in px."""
        return 14 if self.classroom else 10

    @property
    def text(self) -> str:
        """Text colour for the theme."""
        return "#FAFAFA" if self.dark else "#262730"

    @property
    def grid(self) -> str:
        """Grid-line colour, visible on both backgrounds."""
        return "rgba(128,128,128,0.35)"

    @property
    def background(self) -> str:
        """The page background the (transparent) charts stand on."""
        return DARK_BG if self.dark else LIGHT_BG

    @property
    def palette(self) -> tuple[str, ...]:
        """The series colours for the theme (each ≥ 3:1 contrast against ``background``)."""
        return OKABE_ITO_DARK if self.dark else OKABE_ITO

    def color(self, i: int) -> str:
        """The i-th series colour for the theme (cycles)."""
        return self.palette[i % len(self.palette)]

    @property
    def main_height(self) -> int:
        """Height in px of a page's main picture: on a 1280×720 screen it fills what is left
        under the one-line title (top ≈ 110 px normally, ≈ 122 px in classroom mode), so the
        whole picture — both panels of a two-panel chart — is on the first screen."""
        return 596

    def height(self, base: int = 420) -> int:
        """Chart height in px, taller in classroom mode."""
        return int(base * 1.25) if self.classroom else base


def series_style(i: int, look: Look | None = None) -> dict[str, str]:
    """Colour, dash and marker for the i-th series (cycles, never repeats all three at once); the
    colour comes from the look's theme palette (the light one without a look)."""
    palette = look.palette if look is not None else OKABE_ITO
    return {
        "color": palette[i % len(palette)],
        "dash": DASHES[i % len(DASHES)],
        "symbol": MARKERS[i % len(MARKERS)],
    }


def line_trace(x, y, name: str, i: int, look: Look, *, dash: str | None = None,
               markers_every: int = 0, **kw) -> dict:
    """A styled line for series i (a plain trace dict); markers_every > 0 shows about that many
    markers on it."""
    st_ = series_style(i, look)
    trace = dict(
        type="scatter", name=name, mode="lines+markers" if markers_every else "lines",
        line=dict(color=st_["color"], width=look.line, dash=dash or st_["dash"]),
        marker=dict(symbol=st_["symbol"], size=look.marker, color=st_["color"],
                    maxdisplayed=markers_every),
        **kw,
    )
    if x is not None:
        trace["x"] = x
    if y is not None:
        trace["y"] = y
    return trace


def axis_style(look: Look, title: str = "") -> dict:
    """One axis's projector styling (grid, zero line, fonts) as a plain dict."""
    return dict(gridcolor=look.grid, zerolinecolor=look.grid, zerolinewidth=2,
                title=dict(text=title, font=dict(size=look.font)),
                tickfont=dict(size=look.font - 2), linecolor=look.grid)


def layout_style(look: Look, *, title: str | None = None, height: int | None = None,
                 legend: bool = True) -> dict:
    """The shared layout (fonts, transparent background, legend, hover) as a plain dict."""
    return dict(
        template="none",  # Plotly's default template adds ~7 KB to every chart; we style it all
        title=dict(text=title, font=dict(size=look.font + 2)) if title else None,
        font=dict(size=look.font, color=look.text,
                  family="Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, "
                         "sans-serif"),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        height=height or look.height(),
        # the tool bar stands upright in the right margin: lying at the top right on hover it
        # covered top legends that run wide (half-width charts, two-row legends)
        margin=dict(l=60, r=MODEBAR_MARGIN, t=60 if title else 30, b=55),
        modebar=dict(orientation="v"),
        showlegend=legend,
        legend=dict(font=dict(size=look.font - 1), orientation="h", yanchor="bottom", y=1.02,
                    xanchor="left", x=0),
        hoverlabel=dict(font=dict(size=look.font)),
        hovermode="x unified",
    )


def merge(base: dict, extra: dict) -> dict:
    """base updated by extra, nested dicts merged key by key (like Plotly's update_layout)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def styled_layout(look: Look, *, title: str | None = None, x_title: str = "", y_title: str = "",
                  height: int | None = None, legend: bool = True, **extra) -> dict:
    """The shared layout with styled x and y axes as one dict; extra entries are merged in."""
    layout = layout_style(look, title=title, height=height, legend=legend)
    layout["xaxis"] = axis_style(look, x_title)
    layout["yaxis"] = axis_style(look, y_title)
    return merge(layout, extra)


def domain(a: float, b: float) -> list[float]:
    """An axis domain [a, b] clamped to [0, 1] (panel arithmetic can land a hair outside)."""
    return [max(0.0, round(a, 9)), min(1.0, round(b, 9))]


def figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> go.Figure:
    """A figure from plain dicts in one call, without Plotly's property validation.

    The builders' dicts follow Plotly's schema by construction (their tests read the figures
    back), so validation would only cost time: it was up to 30 % of a page open, and each
    update_* call on a built figure validates again.
    """
    return go.Figure(data=data, layout=layout, frames=frames or None, _validate=False)


HEADER_BAND = 48  # px: Streamlit's header line (sidebar button, menu), transparent over the page
BANNER_HEIGHT = 40  # px: the class banner's one line, inside the header band in classroom mode


def classroom_css() -> str:
    """Projector mode (issue #21 "lecture view"): the class banner is one slim line that stands
    in the header band (it never pushes the picture down and stays in view while the page
    scrolls to a step's chart); the lesson's caption line is cut to two lines and the page
    scrolls it to just under the header band; the main section keeps narrow side margins.

    The classroom package draws its banner inside ``st.container(key="class_banner")`` (the
    teacher's room line, ``room_code``, and a student's ``class_follow`` line get the same
    budget): one line of at most ``BANNER_HEIGHT`` px, a code in large type and a few words."""
    banner = ".st-key-class_banner, .st-key-room_code"
    return f"""
[data-testid="stMainBlockContainer"] {{ padding: {HEADER_BAND}px 18px 48px 18px; }}
/* the header band is opaque: the page scrolls under it, the banner stands on it */
[data-testid="stAppViewContainer"], div:has(> [data-testid="stHeader"]),
[data-testid="stHeader"] {{ background-color: inherit; }}
:is({banner}) {{ position: fixed; top: 4px; left: 64px; right: 120px; z-index: 999991;
  height: {BANNER_HEIGHT}px; max-height: {BANNER_HEIGHT}px; width: auto; overflow: hidden;
  flex-wrap: nowrap; align-items: center; gap: 0.75rem; padding: 0 0.75rem; margin: 0;
  background: rgba(128, 128, 128, 0.14); border-radius: 0.5rem;
  border: 1px solid rgba(128, 128, 128, 0.35); }}
:is({banner}) > div {{ flex: 0 0 auto; min-width: 0; }}
/* one line on the projector: the code, the mode, back, the counts (the address and the QR
   code are one click away in the QR popover; the roster's names in the sidebar) */
:is({banner}) .al-room-link, :is({banner}) .al-roster > div + div {{ display: none !important; }}
:is({banner}) [data-testid="stElementContainer"]:has(.al-room-link) {{ display: none; }}
:is({banner}) {{ gap: 0.45rem; }}
:is({banner}) button p, :is({banner}) .al-roster {{ font-size: 0.82rem !important; }}
:is({banner}) .al-roster > div {{ font-weight: 600; }}
/* icon buttons on the banner line (their tooltips say what they do) */
:is({banner}) .st-key-class_back button [data-testid="stMarkdownContainer"],
:is({banner}) [data-testid="stPopover"] button [data-testid="stMarkdownContainer"] {{
  display: none; }}
:is({banner}) * {{ margin-top: 0; margin-bottom: 0; white-space: nowrap; }}
:is({banner}) .al-room {{ display: flex; align-items: baseline; gap: 0.5rem; }}
:is({banner}) .al-room > div:first-child, :is({banner}) .al-room-link + div {{
  font-size: 0.85rem !important; }}
:is({banner}) .al-room-code {{ font-size: 1.5rem !important; letter-spacing: 0.12em !important; }}
:is({banner}) .al-room-link {{ font-size: 1rem !important; display: inline; }}
:is({banner}) .al-room-link + div {{ display: inline; margin-left: 0.5rem; }}
:is({banner}) button {{ min-height: 0; padding: 0.1rem 0.6rem; }}
""" + _caption_css()


def _caption_css() -> str:
    """Projector mode: the lesson's caption line (two lines at most, the rest behind *More*) and
    a question the teacher asks standing in the same line."""
    return f"""
/* the lesson's caption line: two lines at most, the rest behind "More" */
.st-key-lesson_bar {{ scroll-margin-top: {HEADER_BAND + 4}px; gap: 0; }}
.st-key-lesson_line {{ flex-wrap: nowrap; gap: 0.4rem; }}
.st-key-lesson_caption [data-testid="stMarkdownContainer"] p {{ display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; margin: 0;
  line-height: 1.35; font-size: 19px; }}
.st-key-lesson_line button {{ min-height: 2.1rem; padding: 0.15rem 0.55rem; }}
.st-key-lesson_line [data-testid="stMarkdownContainer"] p {{ margin: 0; }}
.st-key-lesson_caption {{ min-width: 0; flex: 1 1 0; }}
/* a question the teacher asks: Ask, the count, End, Reveal and the reveal's sentence are
   compact items of the same line, one line each (the sentence cut, the whole behind its button) */
.st-key-lesson_line :is(button, .st-key-answer_count) p {{ white-space: nowrap !important; }}
.st-key-lesson_line .st-key-question_actions {{ flex-wrap: nowrap; gap: 0.4rem; }}
.st-key-answer_count p {{ font-size: 17px !important; }}
/* short texts of the line (k / n, the count) centred with the buttons: no negative margin */
.st-key-lesson_line :is(> [data-testid="stElementContainer"], .st-key-answer_count)
  [data-testid="stMarkdownContainer"] {{ margin-bottom: 0; }}
.st-key-lesson_line :is(.st-key-answer_said, .st-key-question_problem) {{ max-width: 24vw;
  min-width: 0; flex: 0 1 auto; }}
.st-key-answer_said button {{ max-width: 100%; }}
.st-key-lesson_line :is(.st-key-answer_said button, .st-key-question_problem)
  :is([data-testid="stMarkdownContainer"], p) {{ white-space: nowrap !important;
  overflow: hidden; text-overflow: ellipsis; min-width: 0; font-size: 17px !important; }}
"""


def page_css(classroom: bool) -> str:
    """Static CSS (no user text ever reaches it) for the projector-friendly base, classroom mode
    and phones: a small top padding and a compact one-line title, so the page's main picture
    starts high on the first screen (issue #12 "Picture first"); in classroom mode the lecture
    view's rules (:func:`classroom_css`)."""
    size = 21 if classroom else 17
    return f"""
<style>
html, body, [data-testid="stAppViewContainer"] {{ font-size: {size}px; }}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {{ font-size: {size}px; }}
[data-testid="stWidgetLabel"] p {{ font-size: {size - 1}px; }}
[data-testid="stHeader"] {{ height: 48px; min-height: 48px; background: transparent; }}
[data-testid="stMainBlockContainer"] {{ padding: 48px 28px 48px 28px; }}
[data-testid="stMainBlockContainer"] h1 {{ font-size: 1.7rem; padding: 0; line-height: 1.3; }}
[data-testid="stMainBlockContainer"] :is(h1, h2, h3) {{ word-break: keep-all; }}
[data-testid="stMainBlockContainer"] h1 [data-testid="stHeaderActionElements"] {{ display: none; }}
/* Korean wraps between words, never inside one (no effect on English) */
[data-testid="stMarkdownContainer"], [data-testid="stMarkdownContainer"] p,
[data-testid="stMarkdownContainer"] li {{ word-break: keep-all; overflow-wrap: break-word; }}
/* the home page's cards: their titles are links */
[data-testid="stMainBlockContainer"] [data-testid^="stPageLink"] p {{ font-size: 1.15em; }}
/* labels of switches and buttons wrap in a narrow controls column instead of ending in "…" */
[data-testid="stCheckbox"] [data-testid="stMarkdownContainer"],
[data-testid="stCheckbox"] [data-testid="stMarkdownContainer"] p,
[data-testid="stPopoverButton"] [data-testid="stMarkdownContainer"],
[data-testid="stPopoverButton"] [data-testid="stMarkdownContainer"] p,
[data-testid="stColumn"] [data-testid="stButton"] [data-testid="stMarkdownContainer"],
[data-testid="stColumn"] [data-testid="stButton"] [data-testid="stMarkdownContainer"] p {{
  white-space: normal; text-overflow: clip; overflow: visible; word-break: keep-all; }}
/* chosen items wrap onto more lines in a narrow controls column instead of scrolling away */
[data-testid="stMultiSelectTagsContainer"] {{ flex-wrap: wrap; overflow: visible; height: auto;
  flex: 1 1 0; min-width: 0; }}
[data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]) {{
  height: auto; max-height: none; }}
@media (max-width: 640px) {{
  html, body, [data-testid="stAppViewContainer"] {{ font-size: 16px; }}
  [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {{ font-size: 16px; }}
  [data-testid="stMainBlockContainer"] {{ padding: 52px 10px 40px 10px; }}
  [data-testid="stMainBlockContainer"] h1 {{ font-size: 1.35rem; }}
}}
/* charts: a vertical swipe scrolls the page (two fingers zoom), on every screen */
[class*="st-key-chart_"] {{ touch-action: pan-y pinch-zoom; }}
{classroom_css() if classroom else ""}
</style>
"""
