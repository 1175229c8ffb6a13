"""Slider → chart latency and websocket bytes per interaction, per page, beside a hello page.

For every scenario in bench/scenarios (plus the one-chart bench/hello_app.py as the baseline) this
opens the page in headless Chromium against a local server, then moves one slider one step to the
right `--repeats` times (always to a value not seen before: Streamlit's browser-side message cache
would make a revisited state look cheaper than it is). Each interaction is timed from
the key press until the chart's data has changed and Streamlit reports the script finished, and
the websocket bytes the browser received for it are counted.

    python bench/latency.py --repeats 30 [--only explorer descent] [--json out.json]

A second baseline, bench/chart_alone_app.py, draws the explorer's f/f′ figure alone under one
slider: the floor for any page that draws that figure.

The last column is the share of interactions after which the chart was a new DOM element:
Streamlit 1.67 hashes a Plotly chart's element id from the figure, so every changed figure is
remounted (built from scratch) rather than updated in place; bench/plotly_floor.py times what
that costs in plotly.js alone.

Targets: median ≤ 1.2 × the hello page's median, ≤ 30 KB per interaction.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, READY, free_port  # noqa: E402

import subprocess  # noqa: E402
import urllib.request  # noqa: E402

FINGERPRINT = """(sel) => {
  const el = document.querySelector(sel);
  if (!el || !el._fullData) return null;
  let s = 0, n = 0;
  for (const t of el._fullData) {
    for (const arr of [t.y, t.z, t.x]) {
      if (!arr) continue;
      for (const v of arr) { const f = Array.isArray(v) ? v.reduce((a, b) => a + (+b || 0), 0) : +v;
        if (isFinite(f)) { s += f * (++n % 7 + 1); } }
    }
  }
  let h = 0;  // text, colours and annotations too (a diagram may change only its labels)
  const extra = JSON.stringify(el._fullData.map(t => [t.text, t.marker && t.marker.color,
    t.line && t.line.color])) + JSON.stringify((el.layout && el.layout.annotations) || []);
  for (let k = 0; k < extra.length; k++) { h = (h * 31 + extra.charCodeAt(k)) | 0; }
  return s + ':' + n + ':' + h;
}"""


def serve(script: Path, port: int) -> subprocess.Popen:
    """Start a Streamlit server for script on port and wait for its health check."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def scenarios(only: list[str] | None) -> list[dict]:
    """Every SCENARIO in bench/scenarios, optionally filtered by name."""
    import bench.scenarios as pkg

    found = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        sc = importlib.import_module(f"bench.scenarios.{info.name}").SCENARIO
        if not only or sc["name"] in only:
            found.append(sc)
    return found


def chart_selector(sc: dict) -> str:
    """CSS selector of the scenario's chart: by the key the page gave it, else the first chart."""
    key = sc.get("chart")
    return f".st-key-chart_{key} .js-plotly-plot" if key else ".js-plotly-plot"


def measure(browser, base: str, sc: dict, repeats: int) -> dict:
    """Open the scenario's page, move its slider `repeats` times, return latencies and bytes."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    tab = context.new_page()
    received = [0]

    def on_ws(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(
            0, received[0] + (len(payload) if payload else 0)))

    tab.on("websocket", on_ws)
    tab.goto(base + sc["path"])
    tab.wait_for_selector(READY, timeout=120_000)
    idx = chart_selector(sc)
    tab.wait_for_function(f"(s) => {{ const d = document.querySelector(s); return d && d._fullData; }}",
                          arg=idx, timeout=120_000)
    tab.wait_for_timeout(1000)
    slider = tab.locator('[data-testid="stSlider"]', has_text=sc["slider"]).first
    thumb = slider.locator('input[type="range"]').first
    thumb.scroll_into_view_if_needed()
    times, sizes, remounts = [], [], 0
    moves = min(repeats + 2, sc.get("max_moves", repeats + 2))  # a slider has an end
    for i in range(moves):  # the first two are warm-up
        before = tab.evaluate(FINGERPRINT, idx)
        tab.evaluate("(s) => { document.querySelector(s).__benchSeen = true; }", idx)
        start_bytes = received[0]
        thumb.focus()
        t0 = time.perf_counter()
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function(f"(prev) => ({FINGERPRINT})({json.dumps(idx)}) !== prev", arg=before,
                              timeout=60_000, polling="raf")
        tab.wait_for_selector(READY, timeout=60_000)
        dt = time.perf_counter() - t0
        tab.wait_for_timeout(150)  # let trailing messages of this run arrive before counting
        if i >= 2:
            times.append(dt * 1000)
            sizes.append(received[0] - start_bytes)
            remounts += tab.evaluate("(s) => !document.querySelector(s).__benchSeen", idx)
    context.close()
    q = statistics.quantiles(times, n=20)
    return {"name": sc["name"], "median_ms": statistics.median(times), "p95_ms": q[18],
            "bytes_median": statistics.median(sizes), "bytes_max": max(sizes), "n": len(times),
            "remounted": remounts / len(times)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    app_port, hello_port, alone_port = free_port(), free_port(), free_port()
    app, hello = serve(ROOT / "app.py", app_port), serve(ROOT / "bench" / "hello_app.py", hello_port)
    alone = serve(ROOT / "bench" / "chart_alone_app.py", alone_port)
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            base = {"name": "hello", "path": "/", "slider": "Frequency"}
            results.append(measure(browser, f"http://127.0.0.1:{hello_port}", base, args.repeats))
            figure = {"name": "chart-alone", "path": "/", "slider": "negative_slope"}
            results.append(measure(browser, f"http://127.0.0.1:{alone_port}", figure, args.repeats))
            for sc in scenarios(args.only):
                results.append(measure(browser, f"http://127.0.0.1:{app_port}", sc, args.repeats))
                print(f"measured {sc['name']}", file=sys.stderr, flush=True)
            browser.close()
    finally:
        for proc in (app, hello, alone):
            proc.terminate()
    hello_median = results[0]["median_ms"]
    print(f"{'page':12s} {'median ms':>10s} {'p95 ms':>8s} {'× hello':>8s} {'KB/interaction':>15s}"
          f" {'remounted':>10s}")
    for r in results:
        r["ratio"] = r["median_ms"] / hello_median
        print(f"{r['name']:12s} {r['median_ms']:10.1f} {r['p95_ms']:8.1f} {r['ratio']:8.2f} "
              f"{r['bytes_median'] / 1024:10.1f} (max {r['bytes_max'] / 1024:.1f}) "
              f"{r['remounted']:9.0%}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
