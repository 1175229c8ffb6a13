"""Classroom load: N concurrent sessions on one local server, each moving controls on every page.

Each session is a protocol-level client (no browser): it speaks Streamlit's websocket protocol at
/_stcore/stream the way the frontend does — a `rerun_script` BackMsg carrying the page name, the
query string and the changed widget's state (with the fragment id when the widget lives in an
`@st.fragment`, so only that fragment reruns, as in a browser) plus the state of every other
slider it was shown, keeping the query string and page as the server reports them — and reads
ForwardMsgs until `script_finished`. 30 Chromium tabs on a 2-core machine would measure the browsers instead.

For every session, in its own random page order: open the page (its first run), then move
`--changes` sliders to new random values within their bounds. Every interaction is timed from
sending the BackMsg to `script_finished`. An error is an exception element, a run that did not
finish normally, a move that changed no chart, a closed socket or a timeout (30 s).

Server memory: VmRSS of the server process after one warm-up session, and with all sessions
connected at the end; the difference divided by the number of sessions is the cost of a session.

    python bench/load.py --sessions 30 --changes 5 [--think 3] [--stagger 2] [--json out.json]
                         [--port N | --url http://host:port]

--think is the mean pause (uniform in 0.5–1.5 × think) before each interaction: 0 is a worst case
in which every session fires its next move the moment the previous one finishes.

Target (issue 7): p95 ≤ 500 ms and 0 errors with 30 sessions on the 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from bench.scenarios import explorer as EXPLORER  # noqa: E402
from bench.scenarios import saturation as SATURATION  # noqa: E402
from ui.controls.descent import SPEC as DESCENT  # noqa: E402
from ui.controls.zigzag import SPEC as ZIGZAG  # noqa: E402
from bench.scenarios.network import QUERY as NETWORK_QUERY, STEP_KEY as NETWORK_STEP  # noqa: E402

TIMEOUT = 30.0
CHART_COMPONENT = "activation_lab.chart"  # ui/chart.py: every chart of the app

# page → (query string, slider keys moved there; "key:lo:hi" narrows the values drawn, e.g. the
# saturation probe to the default x range, where every move changes the chart, and the learning
# rate to converging runs: a diverging run ends early, and when the step slider's maximum drops
# below the step this client holds, the server rejects the stale value, which a browser (it
# keeps widget state its own way) never sends). Controls that retrain networks are left to
# bench/network_speed.py: a class opening the same link shares one cached training run.


def spec_sliders(spec, skip: tuple[str, ...] = ()) -> list[str]:
    """A page's sliders from its control spec, those the default view shows: the ones whose
    bound follows the run (the step shown) first, then the others, without `skip` (sliders that
    shorten a run, which would leave a step slider's value above its new maximum) and without
    the scrubbed ones (the browser moves those; bench/scrub.py measures them)."""
    sliders = [c for c in spec if c.kind == "slider" and not c.scrub and not c.shown_with
               and c.key not in skip]
    return [c.key for c in sorted(sliders, key=lambda c: not c.dynamic)]


PAGES: dict[str, tuple[str, list[str]]] = {
    "explorer": (EXPLORER.QUERY, EXPLORER.MOVES),  # from the page's control spec
    "saturation": (SATURATION.QUERY, SATURATION.MOVES),  # from the page's control spec
    "zigzag": ("lang=en", spec_sliders(ZIGZAG, skip=("zz_n", "zz_pep"))),
    # the log learning rate within converging runs (a diverging run ends early and shortens the
    # step slider), then the step slider
    "descent": ("lang=en", [f"{DESCENT['gd_lrlog'].key}:-2:-0.1", DESCENT["gd_step"].key] * 2),
    "network": (NETWORK_QUERY, [NETWORK_STEP]),
}


@dataclass
class Slider:
    """What a session knows about a slider: its id, bounds, step and the fragment it lives in."""

    id: str
    lo: float
    hi: float
    step: float
    value: list[float]
    fragment: str


@dataclass
class Result:
    """Latencies per page (ms) and the errors seen."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class Session:
    """One browser-less client of the app."""

    def __init__(self, base: str, rng: random.Random, think: float = 0.0,
                 pages: list[str] | None = None) -> None:
        self.base, self.rng, self.think = base, rng, think
        self.pages = list(pages or PAGES)
        self.sliders: dict[str, Slider] = {}
        self.page_hash = ""
        self.charts: dict[tuple, int] = {}   # delta path → hash of the Plotly spec drawn there
        self.changed = False                 # did the last run draw a chart that changed?
        self.query = ""                      # the page's query string, as the browser has it

    async def run(self, msg: BackMsg) -> list[str]:
        """Send a BackMsg and read until script_finished; return the errors seen."""
        await self.ws.send(msg.SerializeToString())
        self.changed = False
        errors: list[str] = []
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), TIMEOUT))
            kind = fwd.WhichOneof("type")
            if kind == "navigation":   # st.navigation names the page that ran (as the browser keeps it)
                self.page_hash = fwd.navigation.page_script_hash or self.page_hash
            elif kind == "delta":
                errors += self._read_delta(fwd)
            elif kind == "page_info_changed":   # the server keeps the URL in step with widgets
                self.query = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                errors.append("page not found")
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue     # a fragment asked for a full rerun (a new set-up): it follows
                if fwd.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                               ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    errors.append(f"script finished with status {fwd.script_finished}")
                return errors

    def _read_delta(self, fwd: ForwardMsg) -> list[str]:
        """Remember sliders (by the key in their id); report exception elements."""
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return []
        el = delta.new_element
        kind = el.WhichOneof("type")
        if kind == "exception":
            return [f"{el.exception.type}: {el.exception.message[:200]}"]
        if kind == "plotly_chart" or (kind == "bidi_component"
                                      and el.bidi_component.component_name == CHART_COMPONENT):
            payload = el.plotly_chart.spec if kind == "plotly_chart" else el.bidi_component.bytes
            path, spec = tuple(fwd.metadata.delta_path), hash(payload)
            self.changed |= self.charts.get(path) != spec
            self.charts[path] = spec
        if kind == "slider":
            s = el.slider
            key = s.id.rsplit("-", 1)[-1]
            prev = self.sliders.get(key)
            if s.set_value:            # the server set the value: take it
                value = list(s.value)
            elif prev is not None:     # the browser keeps its value, held inside new bounds
                value = [min(max(v, s.min), s.max) for v in prev.value]
            else:
                value = list(s.value) or list(s.default)
            self.sliders[key] = Slider(s.id, s.min, s.max, s.step or 1.0, value,
                                       delta.fragment_id)
        return []

    def rerun(self, page: str, slider: Slider | None = None) -> BackMsg:
        """A rerun_script BackMsg for page (and the slider's new state, if any)."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query = self.query
        cs.page_name = page
        cs.page_script_hash = self.page_hash if slider else ""
        cs.context_info.locale = "en-US"
        cs.context_info.timezone = "UTC"
        cs.context_info.url = f"{self.base}/{page}?{query}"
        if slider is not None:
            # like the browser, send the state of every slider the page showed (the moved one
            # with its new value); other widgets keep their state on the server
            for known in self.sliders.values():
                state = cs.widget_states.widgets.add()
                state.id = known.id
                state.double_array_value.data.extend(known.value)
            if slider.fragment:
                cs.fragment_id = slider.fragment
        return msg

    def move(self, slider: Slider, lo: float | None = None, hi: float | None = None) -> None:
        """Set the slider's first (or only) thumb to a new random value on its step grid
        (within [lo, hi] when given)."""
        first = round(((slider.lo if lo is None else lo) - slider.lo) / slider.step)
        last = round(((slider.hi if hi is None else hi) - slider.lo) / slider.step)
        old = slider.value[0]
        for _ in range(20):
            new = slider.lo + self.rng.randint(first, last) * slider.step
            if abs(new - old) > slider.step / 2:
                break
        if len(slider.value) == 2:
            slider.value = sorted([new, slider.value[1]]) if new != slider.value[1] \
                else [slider.lo, slider.hi]
        else:
            slider.value = [round(new, 10)]

    async def visit(self, page: str, changes: int, out: Result) -> None:
        """Open page, then move `changes` of its sliders; record times and errors."""
        query, keys = PAGES[page]
        self.sliders.clear()
        self.charts.clear()
        self.query = query
        steps: list[Slider | None] = [None] + [None] * changes
        for i in range(changes + 1):
            slider = None
            if i:
                key, *window = keys[(i - 1) % len(keys)].split(":")
                if key not in self.sliders:
                    out.errors.append(f"{page}: no slider {key}")
                    continue
                slider = self.sliders[key]
                self.move(slider, *map(float, window))
            steps[i] = slider
            await asyncio.sleep(self.rng.uniform(0.5, 1.5) * self.think)
            t0 = time.perf_counter()
            try:
                errors = await self.run(self.rerun(page, slider))
            except (TimeoutError, asyncio.TimeoutError):
                errors = [f"timeout after {TIMEOUT:.0f} s"]
            out.times.setdefault(page if i else f"{page} (open)", []).append(
                (time.perf_counter() - t0) * 1000)
            if slider is not None and not errors and not self.changed:
                errors = [f"moving {slider.id.rsplit('-', 1)[-1]} changed no chart"]
            out.errors += [f"{page}: {e}" for e in errors]

    async def __call__(self, changes: int, stagger: float, out: Result,
                       hold: asyncio.Event) -> None:
        """Connect, visit every page in a random order, then stay connected until released."""
        await asyncio.sleep(self.rng.uniform(0, stagger))
        host = self.base.split("//", 1)[1]
        try:
            async with connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"],
                               origin=self.base, max_size=None) as self.ws:
                pages = list(self.pages)
                self.rng.shuffle(pages)
                for page in pages:
                    await self.visit(page, changes, out)
                await hold.wait()
        except Exception as exc:  # a dropped connection is an error, not a crash of the bench
            out.errors.append(f"connection: {type(exc).__name__}: {exc}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def load(base: str, sessions: int, changes: int, stagger: float, seed: int,
               pid: int | None, think: float = 0.0, pages: list[str] | None = None) -> dict:
    """One warm-up session, then `sessions` at once; latencies, errors and memory."""
    pages = list(pages or PAGES)
    warm = Result()
    release = asyncio.Event()
    release.set()
    await Session(base, random.Random(seed), 0.0, pages)(changes, 0.0, warm, release)
    before = rss_mb(pid) if pid else float("nan")
    out = Result()
    hold = asyncio.Event()
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(Session(base, random.Random(seed + i + 1), think, pages)(
        changes, stagger, out, hold)) for i in range(sessions)]
    expected = sessions * len(pages) * (changes + 1)
    while sum(map(len, out.times.values())) + len(out.errors) < expected and \
            not all(t.done() for t in tasks):
        await asyncio.sleep(0.2)
    wall = time.perf_counter() - t0
    after = rss_mb(pid) if pid else float("nan")
    hold.set()
    await asyncio.gather(*tasks)
    return {"sessions": sessions, "changes": changes, "think_s": think, "wall_s": wall, "times": out.times,
            "errors": warm.errors + out.errors, "rss_before_mb": before, "rss_after_mb": after,
            "mb_per_session": (after - before) / sessions}


def summary(res: dict) -> str:
    """The report as a table."""
    rows = [f"{'interaction':22s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}"]
    every = []
    for name in sorted(res["times"]):
        v = sorted(res["times"][name])
        if "(open)" not in name:
            every += v
        rows.append(f"{name:22s} {len(v):5d} {statistics.median(v):8.0f} "
                    f"{v[int(0.95 * (len(v) - 1))]:8.0f} {v[-1]:8.0f}")
    every.sort()
    if every:
        rows.append(f"{'all control moves':22s} {len(every):5d} {statistics.median(every):8.0f} "
                    f"{every[int(0.95 * (len(every) - 1))]:8.0f} {every[-1]:8.0f}")
    rows.append(f"errors: {len(res['errors'])}" + "".join(f"\n  {e}" for e in res["errors"][:5]))
    rows.append(f"sessions: {res['sessions']}, think time {res['think_s']:g} s")
    rows.append(f"server RSS: {res['rss_before_mb']:.0f} MB after warm-up, "
                f"{res['rss_after_mb']:.0f} MB with {res['sessions']} sessions → "
                f"{res['mb_per_session']:.1f} MB per session; wall {res['wall_s']:.1f} s")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--changes", type=int, default=5)
    ap.add_argument("--stagger", type=float, default=2.0, help="sessions join within this many s")
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean pause before each interaction in s (0: as fast as possible)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--port", type=int, help="use a server already running on this port")
    ap.add_argument("--url", help="use this base URL (a running server or a proxy in front of "
                    "several, e.g. http://127.0.0.1:8080; bench/topology.py starts one)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    proc = None
    if args.url or args.port:
        port, pid = args.port, None
    else:
        from bench.latency import serve
        from tests.browser.conftest import free_port
        port = free_port()
        proc = serve(ROOT / "app.py", port)
        pid = proc.pid
    try:
        base = args.url or f"http://127.0.0.1:{port}"
        res = asyncio.run(load(base, args.sessions, args.changes,
                               args.stagger, args.seed, pid, args.think))
    finally:
        if proc:
            proc.terminate()
    print(summary(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
