"""Scrub bench (issue #24): pointer move → chart painted during a drag, per page, beside hello.

The pages are read from the control specs (ui/controls/*.py): every page with a control declared
``scrub=True`` is opened in headless Chromium (at a set-up that draws that control, from its
``shown_with``) and its chart's scrub slider is dragged with the mouse. Pages without one are
listed as "no scrub". Measured inside the page, on the page's own clock:

- **move → painted**: from a pointermove event's timestamp to the start of the animation frame
  that paints the frame the renderer applied for it (static/activation_chart.js marks the plot
  div with ``__alScrubAt``); p50 and p95 over ``--moves`` moves of one grid step each;
- **pictures per second**: new pictures per second when the thumb moves one grid step on every
  animation frame (driven inside the page: a drag as fast as the screen shows), and beside it
  during a mouse sweep to and fro across the slider (bounded by the pointer events the driver
  sends and by how many of them land on a new grid point);
- **key → data on screen**: an arrow key on the scrub slider until the plot's data changed, on
  every animation frame — the way bench/latency.py measures a round trip, and the way the hello
  page (``../shared/bench/hello_app.py``, unchanged, on its own server in the same run) is
  measured here too: its slider's key press → its chart's data on screen;
- **page open**: websocket bytes received from opening the page until it is idle (the figure
  and every scrub's frames), and the time that takes at 10 Mbit/s.

- **first picture at 10 Mbit/s**: the time to the chart's first picture on this machine plus
  the page open's bytes at 10 Mbit/s (a slow classroom Wi-Fi).

    python bench/scrub.py [--moves 60] [--only explorer] [--json out.json]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.latency import HELLO, measure, serve  # noqa: E402

if not HELLO.is_file():  # a worktree beside the main checkout: the course's folder is further up
    HELLO = next((p / "shared" / "bench" / "hello_app.py" for p in ROOT.parents
                  if (p / "shared" / "bench" / "hello_app.py").is_file()), HELLO)
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, READY, free_port  # noqa: E402

# Before any page script: a rAF loop that records, for every frame, whether the scrubbed plot
# shows a new picture (its __alScrubAt changed), and the timestamp of every pointermove.
INIT = """
window.__sb = {moves: [], frames: [], seen: 0, sel: null, key: 0};
window.addEventListener('pointermove', (e) => { window.__sb.moves.push(e.timeStamp); }, true);
window.addEventListener('keydown', (e) => { window.__sb.key = e.timeStamp; }, true);
(function loop() {
  const s = window.__sb, d = s.sel && document.querySelector(s.sel);
  const at = d && d.__alScrubAt;
  if (at && at !== s.seen) { s.seen = at; s.frames.push([performance.now(), at, d.__alScrubCost]); }
  requestAnimationFrame(loop);
})();
"""

def scrub_pages() -> list[tuple[str, object | None]]:
    """(page id, a scrubbed control or None) for every control spec in ui/controls: the one
    its bench scenario names as ``SCRUB`` (bench/scenarios/<page>.py; the explorer's one
    parameter of many), else every scrubbed control of the page (saturation: x₀ and t)."""
    import ui.controls as pkg

    found = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        spec = getattr(importlib.import_module(f"ui.controls.{info.name}"), "SPEC", None)
        if spec is None or not any(c.kind == "slider" for c in spec):
            continue
        try:
            named = importlib.import_module(f"bench.scenarios.{spec.page}").__dict__.get("SCRUB")
        except ImportError:
            named = None
        scrubbed = [c for c in spec if c.scrub]
        chosen = [c for c in scrubbed if c.key == named] or scrubbed
        found += [(spec.page, c) for c in chosen] or [(spec.page, None)]
    return found


def page_path(page: str, spec_control) -> str:
    """The page's URL at a set-up that draws the control (English)."""
    from urllib.parse import quote, urlencode

    from ui.nav import PAGES

    spec = importlib.import_module(f"ui.controls.{page}").SPEC
    path = next((p.url_path for p in PAGES if p.id == page), page)
    query = {"lang": "en", **spec.to_query(spec.state(**spec_control.setup()))}
    query = {k: v for k, v in query.items() if k == "lang" or k in spec_control.shown_with}
    return f"/{path}?{urlencode(query, doseq=True, quote_via=quote)}"


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=20)[q // 5 - 1] if len(values) > 1 else values[0]


def drag(tab, scrub: str, box: dict, grid: int, moves: int) -> list[tuple]:
    """Drag the thumb about one grid step per move; for each move that showed a new picture (one
    that lands on the same grid point shows none), in ms: (move → painted, of which: the event
    waiting for the page's main thread, applying the frame (Plotly.update), applied → frame)."""
    y = box["y"] + box["height"] / 2
    at = lambda i: box["x"] + 8 + (box["width"] - 16) * i / (grid - 1)  # noqa: E731
    path = [i for i in range(grid)] + [i for i in range(grid - 2, -1, -1)]
    path = (path * (moves // len(path) + 2))[:moves + 1]
    tab.mouse.move(at(path[0]), y)
    tab.mouse.down()
    times = []
    for i in path[1:]:
        tab.evaluate("() => { window.__sb.moves = []; }")
        before = tab.evaluate("() => window.__sb.seen")
        tab.mouse.move(at(i), y)
        try:
            tab.wait_for_function(f"() => window.__sb.seen !== {before!r}", timeout=1_000,
                                  polling="raf")
        except Exception:  # noqa: BLE001 - the same grid point: no new picture
            continue
        marks = tab.evaluate("() => [window.__sb.moves, window.__sb.frames.at(-1)]")
        if marks[0]:
            (painted, applied, cost), event = marks[1], marks[0][0]
            times.append((painted - event, applied - cost - event, cost, painted - applied))
    tab.mouse.up()
    return times


def continuous(tab, box: dict, seconds: float = 2.0) -> tuple[float, float]:
    """(pictures per second, pointer events per second) while the mouse sweeps to and fro (the
    driver's rate of pointer events bounds it on a loaded machine: see in_page_fps)."""
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + 8, y)
    tab.mouse.down()
    tab.evaluate("() => { window.__sb.frames = []; window.__sb.moves = []; }")
    start, k = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        k += 1
        phase = (k % 80) / 79
        tab.mouse.move(box["x"] + 8 + (box["width"] - 16) * (phase if k // 80 % 2 == 0 else 1 - phase), y)
    frames, moves = tab.evaluate("() => [window.__sb.frames.length, window.__sb.moves.length]")
    tab.mouse.up()
    span = time.perf_counter() - start
    return frames / span, moves / span


IN_PAGE_DRAG = """([sel, scrub, ms]) => new Promise((done) => {
  const input = document.querySelector(scrub), d = document.querySelector(sel);
  const top = +input.max, t0 = performance.now();
  let k = 0, frames = 0, last = d.__alScrubAt, ticks = 0;
  input.dispatchEvent(new PointerEvent('pointerdown'));
  (function step() {
    ticks += 1;
    if (d.__alScrubAt !== last) { frames += 1; last = d.__alScrubAt; }
    const span = performance.now() - t0;
    if (span > ms) {
      input.dispatchEvent(new PointerEvent('pointerup'));
      return done([frames * 1000 / span, ticks * 1000 / span]);
    }
    k += 1;
    input.value = String(Math.abs((k % (2 * top)) - top));
    input.dispatchEvent(new Event('input'));
    requestAnimationFrame(step);
  })();
})"""


def in_page_fps(tab, sel: str, scrub: str, seconds: float = 2.0) -> tuple[float, float]:
    """(pictures per second, animation frames per second) when the thumb moves one grid step
    on every animation frame (driven inside the page: a drag as fast as the screen shows)."""
    return tuple(tab.evaluate(IN_PAGE_DRAG, [sel, scrub, seconds * 1000]))


def key_to_screen(tab, scrub: str, presses: int = 20) -> list[float]:
    """Arrow keys on the scrub slider: keydown → the animation frame showing the new picture."""
    tab.locator(scrub).focus()
    at_top = tab.evaluate("(s) => { const i = document.querySelector(s); return +i.value >= +i.max; }",
                          scrub)
    first, back = ("ArrowLeft", "ArrowRight") if at_top else ("ArrowRight", "ArrowLeft")
    times = []
    for k in range(presses):
        before = tab.evaluate("() => window.__sb.seen")
        tab.keyboard.press(first if k % 2 == 0 else back)
        tab.wait_for_function(f"() => window.__sb.seen !== {before!r}", timeout=10_000,
                              polling="raf")
        times.append(tab.evaluate("() => window.__sb.frames.at(-1)[0] - window.__sb.key"))
        tab.wait_for_timeout(300)  # the value's round trip ends before the next press
    return times


def measure_page(browser, base: str, page: str, control, moves: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    context.add_init_script(INIT)
    tab = context.new_page()
    received = [0]
    tab.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.__setitem__(
        0, received[0] + (len(p) if p else 0))))
    tab.goto(base + page_path(page, control))
    scrub = f'input.al-scrub[data-control="{control.key}"]'
    tab.wait_for_selector(scrub, timeout=120_000)
    tab.wait_for_selector(READY, timeout=120_000)
    tab.wait_for_timeout(1500)
    opened = received[0]
    scrub_sel = scrub
    first_picture = tab.evaluate("""(s) => { const c = document.querySelector(s)
        .closest('[class*="st-key-chart_"]'); return c.querySelector('.js-plotly-plot').__alCreated; }""",
                                 scrub_sel)
    sel = tab.evaluate("""(s) => { const c = document.querySelector(s).closest('[class*="st-key-chart_"]');
        const key = [...c.classList].find(k => k.startsWith('st-key-chart_'));
        return '.' + key + ' .js-plotly-plot'; }""", scrub)
    tab.evaluate("(s) => { window.__sb.sel = s; }", sel)
    box = tab.locator(scrub).bounding_box()
    grid = int(tab.locator(scrub).get_attribute("max")) + 1
    times = drag(tab, scrub, box, grid, moves)
    fps, events = continuous(tab, box)
    tab.wait_for_timeout(500)
    page_fps, raf = in_page_fps(tab, sel, scrub)
    tab.wait_for_timeout(500)
    keys = key_to_screen(tab, scrub)
    context.close()
    total = [t[0] for t in times]
    return {"name": page, "control": control.key, "n": len(times),
            "move_p50_ms": statistics.median(total), "move_p95_ms": pct(total, 95),
            "wait_p50_ms": statistics.median(t[1] for t in times),
            "apply_p50_ms": statistics.median(t[2] for t in times),
            "apply_p95_ms": pct([t[2] for t in times], 95),
            "to_frame_p50_ms": statistics.median(t[3] for t in times),
            "fps": fps, "events_per_s": events, "page_fps": page_fps, "raf_per_s": raf, "key_ms": statistics.median(keys),
            "open_bytes": opened, "open_10mbit_s": opened * 8 / 10e6,
            "first_picture_s": first_picture / 1000,
            "first_picture_10mbit_s": first_picture / 1000 + opened * 8 / 10e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--moves", type=int, default=60)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--hello", type=Path, default=HELLO, help="the baseline app (unchanged)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    pages = [(p, c) for p, c in scrub_pages() if not args.only or p in args.only]
    load = [os.getloadavg()]
    app_port, hello_port = free_port(), free_port()
    app = serve(ROOT / "app.py", app_port)
    try:
        hello = serve(args.hello, hello_port)
    except RuntimeError:
        app.terminate()
        raise
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            base = {"name": "hello", "path": "/", "slider": "alpha"}
            ref = measure(browser, f"http://127.0.0.1:{hello_port}", base, 20)
            for page, control in pages:
                rows.append(measure_page(browser, f"http://127.0.0.1:{app_port}", page, control,
                                         args.moves) if control else {"name": page})
                print(f"measured {page} {control.key if control else ''}", file=sys.stderr,
                      flush=True)
            browser.close()
    finally:
        for proc in (app, hello):
            proc.terminate()
    print(f"load average (1, 5, 15 min) before: {load[0]}, after: {os.getloadavg()}")
    report(rows, ref)
    if args.json:
        args.json.write_text(json.dumps({"hello": ref, "pages": rows}, indent=2))


def report(rows: list[dict], ref: dict) -> None:
    """The table of every scrub beside the hello page, then where each move's time goes."""
    hello = ref["data_ms"]
    print(f"hello page round trip (key → data on screen): median {hello:.0f} ms, "
          f"p95 {ref['data_p95_ms']:.0f} ms")
    print()
    print("| page | control | move → painted p50 ms | p95 ms | pictures/s: a step per frame "
          "(mouse sweep) "
          "| bytes at page open | first picture at 10 Mbit/s | key → screen ÷ hello's round trip |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        if "control" not in r:
            print(f"| {r['name']} | no scrub | | | | | | |")
            continue
        print(f"| {r['name']} | {r['control']} | {r['move_p50_ms']:.1f} | {r['move_p95_ms']:.1f} "
              f"| {r['page_fps']:.0f} ({r['fps']:.0f}) | {r['open_bytes'] / 1024:.0f} KB "
              f"| {r['first_picture_10mbit_s']:.2f} s | {r['key_ms'] / hello:.2f} |")
    print(f"| hello | alpha (round trip) | {hello:.1f} | {ref['data_p95_ms']:.1f} | | | | 1.00 |")
    print()
    print("| page | control | of a move: wait for the main thread / apply p50 (p95) / applied → "
          "frame, ms | pointer events/s | frames/s | key → data on screen ms | first picture "
          "here s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        if "control" in r:
            print(f"| {r['name']} | {r['control']} | {r['wait_p50_ms']:.1f} / "
                  f"{r['apply_p50_ms']:.1f} ({r['apply_p95_ms']:.1f}) / {r['to_frame_p50_ms']:.1f} "
                  f"| {r['events_per_s']:.0f} | {r['raf_per_s']:.0f} | {r['key_ms']:.1f} "
                  f"| {r['first_picture_s']:.2f} |")


if __name__ == "__main__":
    main()
