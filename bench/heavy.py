"""Bounded work: the heaviest request each page allows, alone and four at once, with a light
page opened meanwhile (issue: every request's work is bounded).

The heaviest link of a page is built from its control spec (ui/controls/<page>.py): every number
at its upper bound, every multiselect as full as it may be, plus the page's heavy choices below
(batch training, the user's formula in the deep network …) and the heaviest formula the parser
accepts in ``fx``. Each request is a protocol-level session (bench/load.py's client) that opens
the link and waits for the script to finish; the server's CPU time is read from /proc around it.

    python bench/heavy.py [--pages saturation network] [--parallel 4] [--json out.json]

Targets: ≤ ~2 s of server CPU per request; with four heavy requests running, a light page opens
in ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import Result, Session  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

# the heaviest formula core.custom accepts: as many costly nodes as the length limit allows
HEAVY_FX = ("erf(x)*tanh(x)+exp(-x*x)*erf(2*x)+softplus(x)*sigmoid(x)+erf(x/3)*tanh(2*x)"
            "+exp(-abs(x))*erf(x/2)+log(1+x*x)*tanh(x/2)+erf(3*x)*sigmoid(2*x)")
LIGHT = ("descent", {"lang": "en"})
# choices that cost most on each page (numbers and lists are maximised from the spec)
HEAVY_CHOICES = {
    "explorer": {"deriv": True},
    "saturation": {"sat_mlp": "custom"},
    "zigzag": {},
    "descent": {"gd_loss": "bowl2d"},
    "network": {"net_mode": "batch", "net_mix": False},
}


def spec(page: str):
    return importlib.import_module(f"ui.controls.{page}").SPEC


def heaviest(page: str, variant: int = 0) -> dict[str, list[str]]:
    """The link that asks the most work of page (see the module docstring). A variant > 0 is as
    heavy but not the same request (another seed, or a number a step below its maximum, and
    another spelling of the formula), so that the app's caches cannot answer it."""
    state = {}
    for c in spec(page):
        if c.viewer or c.dynamic or c.kind == "text":
            continue
        if c.kind in ("slider", "number"):
            state[c.key] = c.hi
        elif c.kind == "range":
            state[c.key] = (c.lo, c.hi)
        elif c.kind == "multi":  # as full as allowed, the user's formula among them
            full = list(c.options)[: c.most or len(c.options)]
            if "custom" in c.options and "custom" not in full:
                full[-1] = "custom"
            state[c.key] = full
        elif c.kind in ("select", "segmented", "radio") and all(
                isinstance(o, (int, float)) and not isinstance(o, bool) for o in c.options):
            state[c.key] = max(c.options)  # epochs, batch sizes …
    for key, value in HEAVY_CHOICES[page].items():
        if key in spec(page) and spec(page)[key].valid(value):
            state[key] = value
    if variant:
        numbers = [c for c in spec(page) if c.key in state and c.kind in ("slider", "number")]
        seeds = [c for c in numbers if "seed" in c.key]
        for c in seeds or numbers[:1]:
            value = c.lo + variant if seeds else c.hi - variant * (c.step or 1)
            state[c.key] = int(value) if c.integer else float(value)
    query = spec(page).to_query(state)
    if "fx" in spec(page):
        query["fx"] = [HEAVY_FX + "+0*x" * variant]
    query["lang"] = ["en"]
    return query


def cpu_s(pid: int) -> float:
    """User + system CPU seconds the process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def open_once(base: str, page: str, query: dict[str, list[str]]) -> tuple[float, list]:
    """Open page with query in a fresh session; (seconds to script_finished, errors)."""
    s = Session(base, random.Random(0))
    s.query = urlencode([(k, v) for k, vs in query.items() for v in vs])
    host = base.split("//", 1)[1]
    async with connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"], origin=base,
                       max_size=None) as s.ws:
        t0 = time.perf_counter()
        try:
            errors = await s.run(s.rerun(page))
        except (TimeoutError, asyncio.TimeoutError):
            errors = ["timeout"]
        return time.perf_counter() - t0, errors


async def alone(base: str, pid: int, page: str) -> dict:
    t0 = cpu_s(pid)
    wall, errors = await open_once(base, page, heaviest(page))
    return {"page": page, "wall_s": wall, "cpu_s": cpu_s(pid) - t0, "errors": errors}


async def parallel(base: str, pid: int, page: str, n: int) -> dict:
    """n heavy requests of page at once, and the light page opened 0.3 s after they start."""
    t0 = cpu_s(pid)
    heavy = [asyncio.create_task(open_once(base, page, heaviest(page, i + 1))) for i in range(n)]
    await asyncio.sleep(0.3)
    light_wall, light_err = await open_once(base, LIGHT[0], {k: [v] for k, v in LIGHT[1].items()})
    done = await asyncio.gather(*heavy)
    return {"page": page, "n": n, "heavy_wall_s": [w for w, _ in done],
            "cpu_s": cpu_s(pid) - t0, "light_open_s": light_wall,
            "errors": [e for _, es in done for e in es] + light_err}


async def bench(base: str, pid: int, pages: list[str], n: int) -> dict:
    await open_once(base, LIGHT[0], {"lang": ["en"]})  # warm the server
    out = {"alone": [], "parallel": []}
    for page in pages:
        out["alone"].append(await alone(base, pid, page))
        out["parallel"].append(await parallel(base, pid, page, n))
    return out


def table(res: dict) -> str:
    rows = ["| page | heaviest alone: wall s | server CPU s | 4 different at once: slowest wall s | "
            "CPU s (all 4) | light page open meanwhile s | errors |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for a, p in zip(res["alone"], res["parallel"]):
        rows.append(f"| {a['page']} | {a['wall_s']:.2f} | {a['cpu_s']:.2f} | "
                    f"{max(p['heavy_wall_s']):.2f} | {p['cpu_s']:.2f} | {p['light_open_s']:.2f} | "
                    f"{len(a['errors']) + len(p['errors'])} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="*", default=list(HEAVY_CHOICES))
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from bench.latency import serve
    from tests.browser.conftest import free_port

    port = free_port()
    proc = serve(ROOT / "app.py", port)
    try:
        res = asyncio.run(bench(f"http://127.0.0.1:{port}", proc.pid, args.pages, args.parallel))
    finally:
        proc.terminate()
    print(table(res))
    for row in res["alone"] + res["parallel"]:
        for e in row["errors"][:3]:
            print("error:", row["page"], e)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
