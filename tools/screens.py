"""Screenshots of every page on three screens in both languages (issue #12 "Picture first").

    /tmp/venv/bin/python tools/screens.py                 # starts its own server
    /tmp/venv/bin/python tools/screens.py --url http://127.0.0.1:8501
    /tmp/venv/bin/python tools/screens.py --pages explorer saturation --langs en

Writes <page>-<screen>-<lang>.png (5 pages × 3 screens × 2 languages = 30 PNGs) into
/tmp/activation-lab-shots/layout/ (or --out) and prints, per shot, where the page's main chart
stands: its top in px and the share of the first screen it covers without scrolling, plus whether
the sidebar is open. tests/browser/test_layout_browser.py asserts on the same numbers.

    tools/screens.py --lecture        # the lecture view instead (issue #21)

starts a class on a 1280×720 projector (classroom mode, the class banner on), walks every lesson
step of every page with PageDown and saves lecture-<page>-<step>-<lang>.png with the step chart's
share of the screen; then a 390×844 phone following the class: follower-<page>-<lang>.png.
tests/browser/test_lecture_browser.py asserts on the same measurements.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (CHROMIUM, CHROMIUM_ARGS, free_port,  # noqa: E402
                                    start_server, wait_for_chart, wait_idle)

OUT = Path("/tmp/activation-lab-shots/layout")
# page id -> the key its main picture is drawn with (ui.page.chart(fig, key))
MAIN_CHART = {"explorer": "curves", "saturation": "sat_curves", "zigzag": "zz_planes",
              "descent": "gd_curve", "network": "net_loss"}
# screen -> (Playwright context options, extra query)
SCREENS = {
    "normal": (dict(viewport={"width": 1280, "height": 720}), ""),
    "classroom": (dict(viewport={"width": 1280, "height": 720}), "&classroom=true"),
    "phone": (dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                   device_scale_factor=2), ""),
}
MEASURE_JS = """(key) => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            width: r.width, height: r.height}; };
  const holder = document.querySelector('.st-key-chart_' + key);
  const plot = holder && (holder.querySelector('.js-plotly-plot') || holder);
  const c = box(plot);
  let share = 0;
  if (c) {
    const w = Math.max(0, Math.min(c.right, vw) - Math.max(c.left, 0));
    const h = Math.max(0, Math.min(c.bottom, vh) - Math.max(c.top, 0));
    share = (w * h) / (vw * vh);
  }
  const sb = document.querySelector('[data-testid="stSidebar"]');
  const s = box(sb);
  const sidebarOpen = !!(sb && sb.getAttribute("data-collapsed") === "false");
  let overlap = 0;
  if (c && s && s.width > 0) {
    const w = Math.max(0, Math.min(c.right, s.right, vw) - Math.max(c.left, s.left, 0));
    const h = Math.max(0, Math.min(c.bottom, s.bottom, vh) - Math.max(c.top, s.top, 0));
    overlap = w * h;
  }
  const sidebarVisible = !!(s && s.width > 0 && s.right > 1 && sidebarOpen);
  // the legend against every plot area of the chart (px² of legend lying over data)
  let legendOverData = 0;
  const legend = plot && plot.querySelector('.legend');
  const lg = legend && legend.getBoundingClientRect();
  if (lg && lg.width > 0) {
    for (const area of plot.querySelectorAll('.draglayer .nsewdrag')) {
      const a = area.getBoundingClientRect();
      const w = Math.max(0, Math.min(lg.right, a.right) - Math.max(lg.left, a.left));
      const h = Math.max(0, Math.min(lg.bottom, a.bottom) - Math.max(lg.top, a.top));
      legendOverData += w * h;
    }
  }
  return {chart: c, share: share, sidebar: s, sidebar_open: sidebarOpen,
          sidebar_visible: sidebarVisible, overlap: overlap, vw: vw, vh: vh,
          legend_over_data: legendOverData};
}"""


def page_url(base: str, page: str, lang: str, screen: str) -> str:
    """The fresh link a teacher would open: the page, its language and the screen's query."""
    path = "" if page == "home" else page
    return f"{base}/{path}?lang={lang}{SCREENS[screen][1]}"


def open_and_measure(browser, base: str, page: str, lang: str, screen: str,
                     shot: Path | None = None, timeout: float = 90_000,
                     dark: bool = False) -> dict:
    """Open the page fresh in a new context of the screen (a dark system theme if `dark`), wait
    for its main chart, measure it (and save a screenshot of the first screen to `shot`)."""
    options, _ = SCREENS[screen]
    context = browser.new_context(locale="en-US", color_scheme="dark" if dark else "light",
                                  **options)
    try:
        tab = context.new_page()
        tab.goto(page_url(base, page, lang, screen))
        wait_idle(tab, timeout)
        key = MAIN_CHART.get(page, "")
        if key:
            wait_for_chart(tab, key, timeout=timeout)
        wait_idle(tab, timeout)
        tab.wait_for_timeout(700)  # sidebar animation and chart resize settle
        m = tab.evaluate(MEASURE_JS, key)
        if shot is not None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(shot))
        return m
    finally:
        context.close()


def lecture_shots(browser, base: str, out: Path, pages: list[str], langs: list[str]) -> None:
    """The lecture view of every lesson step (a class started, so its banner is on) and a
    following phone per page, in each language; prints each step chart's share of the screen."""
    from tests.browser.test_lecture_browser import (BANNER, MEASURE_JS, NOTE_BG, open_page,
                                                    start_class, wait_step)
    from ui.lessons import steps

    out.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
        tab = context.new_page()
        tab.goto(f"{base}/?lang={lang}&classroom=true")
        wait_idle(tab)
        code = start_class(tab)
        for page in pages:
            open_page(tab, page)
            for k, step in enumerate(steps(page), 1):
                if k > 1:
                    tab.keyboard.press("PageDown")
                    wait_step(tab, page, k)
                m = tab.evaluate(MEASURE_JS, [step.focus, NOTE_BG, BANNER])
                tab.screenshot(path=str(out / f"lecture-{page}-{k}-{lang}.png"))
                share = m["share"] if m else 0.0
                print(f"lecture {page:10} step {k} {lang}  chart {step.focus:12} "
                      f"{share:6.1%}  caption {m and m['lines'] or 0:.1f} lines", flush=True)
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                        has_touch=True, device_scale_factor=2,
                                        locale="ko-KR" if lang == "ko" else "en-US")
            try:
                p = phone.new_page()
                p.goto(f"{base}/?room={code}&lang={lang}")
                p.wait_for_url(f"**/{page}**", timeout=60_000)
                wait_idle(p)
                p.wait_for_timeout(1500)
                p.screenshot(path=str(out / f"follower-{page}-{lang}.png"))
            finally:
                phone.close()
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots and print the measurements."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--url", help="a running server (default: start one)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--pages", nargs="*", default=list(MAIN_CHART))
    ap.add_argument("--screens", nargs="*", default=list(SCREENS))
    ap.add_argument("--langs", nargs="*", default=["ko", "en"])
    ap.add_argument("--home", action="store_true", help="also the home page (no main chart)")
    ap.add_argument("--dark", action="store_true", help="dark system theme (names end -dark)")
    ap.add_argument("--lecture", action="store_true",
                    help="the lecture view of every lesson step and a following phone instead")
    args = ap.parse_args(argv)
    if args.home:
        args.pages = [*args.pages, "home"]
    from playwright.sync_api import sync_playwright

    proc = None
    base = args.url
    if not base:
        port = free_port()
        proc = start_server(port)
        base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if args.lecture:
                lecture_shots(browser, base, args.out, args.pages, args.langs)
                browser.close()
                return 0
            print(f"{'shot':32} {'top':>6} {'share':>6}  sidebar")
            for page in args.pages:
                for screen in args.screens:
                    for lang in args.langs:
                        name = f"{page}-{screen}-{lang}" + ("-dark" if args.dark else "")
                        m = open_and_measure(browser, base, page, lang, screen,
                                             args.out / f"{name}.png", dark=args.dark)
                        top = m["chart"]["top"] if m["chart"] else float("nan")
                        side = "open" if m["sidebar_visible"] else "closed"
                        print(f"{name:32} {top:6.0f} {m['share']:6.1%}  {side}"
                              f" (overlap {m['overlap']:.0f} px²)"
                              f" legend over data {m['legend_over_data']:.0f} px²", flush=True)
            browser.close()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
