"""Key press → chart latency, bytes per interaction and rebuilt charts, per page, beside hello.

For every scenario in bench/scenarios this opens the page in headless Chromium against a local
server and moves one slider one step with the keyboard `--repeats` times (always to a value not
seen before: Streamlit's browser-side message cache would make a revisited state look cheaper).
The baseline is the course's `../shared/bench/hello_app.py`, run unchanged in the same run on a
server of its own (a title, one slider, one `st.plotly_chart`, one line of text).

Every time is measured inside the page, on the page's own clock, from the keydown event:

- **data on screen**: the chart's plotly.js data has changed, re-read on every animation frame
  (a rebuilt chart is a new div and is seen too; afterwards its data is checked to differ);
- **script finished**: Streamlit reports that no script is running any more;
- the split of the first one: **message** (the websocket message that carries the chart arrived:
  server time plus loopback transfer), **frontend** (Streamlit's frontend handed it to the chart
  element), **draw** (`Plotly.react` finished) — the last two from marks that
  static/activation_chart.js sets on the chart's div (the hello page's `st.plotly_chart` has none).

Also: websocket bytes received per interaction, and the share of moves after which the chart was
a new DOM node (rebuilt instead of updated in place).

    python bench/latency.py --repeats 20 [--only explorer descent] [--json out.json]

Targets (issue #11): explorer, saturation, zig-zag and network ≤ 1.0 × hello's median "data on
screen"; descent ≤ 1.3 ×; rebuilt 0 %.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, READY, free_port  # noqa: E402

HELLO = ROOT.parent / "shared" / "bench" / "hello_app.py"

# Installed before any page script: the time of every keydown and of every websocket message
# (with its size and whether it carries the watched chart's element id).
INIT_SCRIPT = """
window.__bench = {key: 0, msgs: [], needle: null};
document.addEventListener('keydown', () => { window.__bench.key = performance.now(); }, true);
const NativeWS = window.WebSocket;
function has(bytes, needle) {
  if (!needle) return false;
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
window.WebSocket = function (...args) {
  const ws = new NativeWS(...args);
  ws.addEventListener('message', (e) => {
    const t = performance.now();
    const data = e.data;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : null;
    const size = bytes ? bytes.length : (data.size || data.length || 0);
    window.__bench.msgs.push([t, size, bytes ? has(bytes, window.__bench.needle) : false]);
  });
  return ws;
};
window.WebSocket.prototype = NativeWS.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
"""

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

# Cheap enough for every animation frame: a new div or a new _fullData means plotly.js drew.
CHANGED = """(sel) => {
  const el = document.querySelector(sel);
  if (!el || !el._fullData) return false;
  if (el === window.__benchEl && el._fullData === window.__benchFull) return false;
  return performance.now();
}"""

DONE = f"""() => document.querySelector('{READY}') ? performance.now() : false"""


def serve(script: Path, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start a Streamlit server for script on port (extra environment `env`) and wait for its
    health check."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})})
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


def one_move(tab, thumb, sel: str, received: list[int]) -> dict:
    """Press → right once; the times (ms from the keydown) and bytes of that interaction."""
    before = tab.evaluate(FINGERPRINT, sel)
    tab.evaluate("""(s) => { const el = document.querySelector(s); el.__benchSeen = true;
                     window.__benchEl = el; window.__benchFull = el._fullData;
                     window.__bench.msgs = []; }""", sel)
    start_bytes = received[0]
    thumb.focus()
    tab.keyboard.press("ArrowRight")
    data_at = tab.wait_for_function(CHANGED, arg=sel, timeout=60_000, polling="raf").json_value()
    done_at = tab.wait_for_function(DONE, timeout=60_000, polling="raf").json_value()
    tab.wait_for_timeout(150)  # trailing messages of this run arrive before counting bytes
    after = tab.evaluate(FINGERPRINT, sel)
    marks = tab.evaluate("""(s) => { const el = document.querySelector(s);
        return {key: window.__bench.key, msgs: window.__bench.msgs, seen: !!el.__benchSeen,
                received: el.__alReceivedAt || null, drawn: el.__alDrawnAt || null}; }""", sel)
    key = marks["key"]
    after_key = [(t, size, hit) for t, size, hit in marks["msgs"] if t >= key]
    chart_msgs = [t for t, _, hit in after_key if hit]
    if not chart_msgs and after_key:  # no element id to look for: the largest message
        chart_msgs = [max(after_key, key=lambda m: m[1])[0]]
    out = {"data": data_at - key, "done": done_at - key, "bytes": received[0] - start_bytes,
           "rebuilt": not marks["seen"], "changed": after != before}
    if chart_msgs:
        out["message"] = chart_msgs[0] - key
        if marks["received"] and marks["drawn"] and marks["received"] >= chart_msgs[0]:
            out["frontend"] = marks["received"] - chart_msgs[0]
            out["draw"] = marks["drawn"] - marks["received"]
    return out


def measure(browser, base: str, sc: dict, repeats: int) -> dict:
    """Open the scenario's page, move its slider `repeats` times, return the medians."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    context.add_init_script(INIT_SCRIPT)
    tab = context.new_page()
    received = [0]

    def on_ws(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(
            0, received[0] + (len(payload) if payload else 0)))

    tab.on("websocket", on_ws)
    tab.goto(base + sc["path"])
    tab.wait_for_selector(READY, timeout=120_000)
    sel = chart_selector(sc)
    tab.wait_for_function(f"(s) => {{ const d = document.querySelector(s); return d && d._fullData; }}",
                          arg=sel, timeout=120_000)
    needle = f"-chart_{sc['chart']}" if sc.get("chart") else ""
    tab.evaluate("(n) => { window.__bench.needle = n ? new TextEncoder().encode(n) : null; }",
                 needle)
    tab.wait_for_timeout(1000)
    slider = tab.locator('[data-testid="stSlider"]', has_text=sc["slider"]).first
    thumb = slider.locator('input[type="range"]').first
    thumb.scroll_into_view_if_needed()
    moves = min(repeats + 2, sc.get("max_moves", repeats + 2))  # a slider has an end
    rows = [one_move(tab, thumb, sel, received) for _ in range(moves)][2:]  # two warm-up moves
    context.close()

    def med(name: str) -> float | None:
        values = [r[name] for r in rows if name in r]
        return statistics.median(values) if values else None

    data = [r["data"] for r in rows]
    return {"name": sc["name"], "n": len(rows), "data_ms": med("data"),
            "data_p95_ms": statistics.quantiles(data, n=20)[18] if len(data) > 1 else data[0],
            "done_ms": med("done"), "message_ms": med("message"), "frontend_ms": med("frontend"),
            "draw_ms": med("draw"), "bytes_median": med("bytes"),
            "rebuilt": sum(r["rebuilt"] for r in rows) / len(rows),
            "unchanged": sum(not r["changed"] for r in rows)}


def fmt_ms(value: float | None) -> str:
    """A millisecond cell, or a dash where the page sets no such mark."""
    return "—" if value is None else f"{value:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--hello", type=Path, default=HELLO, help="the baseline app (unchanged)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    app_port, hello_port = free_port(), free_port()
    app, hello = serve(ROOT / "app.py", app_port), serve(args.hello, hello_port)
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            base = {"name": "hello", "path": "/", "slider": "alpha"}
            results.append(measure(browser, f"http://127.0.0.1:{hello_port}", base, args.repeats))
            for sc in scenarios(args.only):
                results.append(measure(browser, f"http://127.0.0.1:{app_port}", sc, args.repeats))
                print(f"measured {sc['name']}", file=sys.stderr, flush=True)
            browser.close()
    finally:
        for proc in (app, hello):
            proc.terminate()
    hello_median = results[0]["data_ms"]
    print("| page | data on screen, median ms (p95) | × hello | script finished ms | message ms "
          "| frontend ms | draw ms | KB per interaction | rebuilt |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        r["ratio"] = r["data_ms"] / hello_median
        print(f"| {r['name']} | {r['data_ms']:.0f} ({r['data_p95_ms']:.0f}) | {r['ratio']:.2f} | "
              f"{fmt_ms(r['done_ms'])} | {fmt_ms(r['message_ms'])} | {fmt_ms(r['frontend_ms'])} | "
              f"{fmt_ms(r['draw_ms'])} | {r['bytes_median'] / 1024:.1f} | {r['rebuilt']:.0%} |")
        if r["unchanged"]:
            print(f"  warning: {r['name']}: {r['unchanged']} moves left the chart's data unchanged")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
