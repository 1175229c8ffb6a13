"""The floor under bench/latency.py: what plotly.js alone spends per chart update, no Streamlit.

Streamlit 1.67 gives every `st.plotly_chart` an element id hashed from the figure's content, so a
changed figure is a new element: the browser throws the old chart away and builds a new one
(`Plotly.newPlot`), then lays it out a second time once the container's width is known
(`Plotly.react` with that width). bench/latency.py counts these remounts per interaction.

This script times exactly that sequence in headless Chromium on a bare page with the plotly.js
that the plotly package ships, for the hello page's figure and for the explorer's f/f′ figure
(the same builder and curves as bench/chart_alone_app.py), and beside it an in-place
`Plotly.react` update (what a chart that is not remounted would cost). The ratio explorer/hello
of the remount sequence is the lowest ratio any Streamlit page drawing that figure can reach.

    python bench/plotly_floor.py [--updates 40]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
from pathlib import Path

import numpy as np
import plotly
import plotly.io as pio

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.activations import get  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402
from ui.figures.explorer import Curve, curves_figure  # noqa: E402
from ui.theme import Look  # noqa: E402

PAGE = """<html><head><script src="plotly.min.js"></script></head>
<body style="margin:0"><div id="g" style="width:760px"></div></body></html>"""

TIMER = """async ([figs, mode]) => {
  const gd = document.getElementById('g');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const copy = (f) => JSON.parse(JSON.stringify(f));
  await Plotly.newPlot(gd, copy(figs[0]).data, copy(figs[0]).layout);
  await frame();
  const times = [];
  for (let i = 1; i < figs.length; i++) {
    const f = copy(figs[i]);
    const t0 = performance.now();
    if (mode === 'remount') {           // what st.plotly_chart 1.67 does on a changed figure
      Plotly.purge(gd);
      await Plotly.newPlot(gd, f.data, f.layout);
      await Plotly.react(gd, gd.data, {...gd.layout, width: 760});
    } else {                            // an in-place update of the same chart
      await Plotly.react(gd, f.data, f.layout);
    }
    await frame();
    times.push(performance.now() - t0);
  }
  Plotly.purge(gd);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""


def hello_figures(n: int) -> list[dict]:
    """bench/hello_app.py's figure at n slider positions, as the JSON Streamlit sends."""
    x = np.linspace(-6, 6, 401)
    return [json.loads(pio.to_json({"data": [{"type": "scatter", "x": x.astype(np.float32),
                                              "y": np.sin((0.5 + 0.1 * k) * x).astype(np.float32)}],
                                    "layout": {}}, validate=False)) for k in range(n)]


def explorer_figures(n: int) -> list[dict]:
    """The explorer's f/f′ figure (4 activations, 241 points) at n Leaky ReLU slopes."""
    x = np.linspace(-6, 6, 241)
    out = []
    for k in range(n):
        params = {"sigmoid": {}, "tanh": {}, "relu": {},
                  "leaky_relu": {"negative_slope": 0.01 + 0.01 * k}}
        curves = [Curve(get(i).name, get(i).fn(x, **p), get(i).grad(x, **p))
                  for i, p in params.items()]
        fig = curves_figure(x, curves, Look(), True, "f(x)", "f′(x)")
        out.append(json.loads(pio.to_json(fig, validate=False)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--updates", type=int, default=40)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    static = Path(plotly.__file__).parent / "package_data"
    port = free_port()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the page itself, then plotly.min.js from the package
            if self.path == "/":
                body = PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                super().do_GET()

        def log_message(self, *a):  # quiet
            pass

    srv = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=str(static)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    figs = {"hello": hello_figures(args.updates + 1), "explorer": explorer_figures(args.updates + 1)}
    results: dict[tuple[str, str], float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1280, "height": 720})
            tab.goto(f"http://127.0.0.1:{port}/")
            tab.wait_for_function("() => window.Plotly !== undefined")
            for _ in range(2):  # alternate, twice, so a slow moment hits both figures alike
                for mode in ("remount", "react"):
                    for name, f in figs.items():
                        ms = tab.evaluate(TIMER, [f, mode])
                        results[(name, mode)] = min(results.get((name, mode), ms), ms)
            browser.close()
    finally:
        srv.shutdown()
    print(f"{'figure':10s} {'remount ms':>11s} {'in-place ms':>12s}")
    for name in figs:
        print(f"{name:10s} {results[(name, 'remount')]:11.1f} {results[(name, 'react')]:12.1f}")
    for mode in ("remount", "react"):
        print(f"explorer / hello ({mode}): "
              f"{results[('explorer', mode)] / results[('hello', mode)]:.2f}")


if __name__ == "__main__":
    main()
