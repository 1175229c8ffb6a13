"""Follow the teacher: one teacher and N followers on one local server (issue #13).

The teacher is a real headless Chromium tab (the browser writes a moved widget into the address
and drives the teacher's `run_every` publisher fragment, as in class). The followers are
protocol-level clients (no browser, as in bench/load.py: 30 Chromium tabs on a 2-core machine
would measure the browsers): each speaks Streamlit's websocket protocol, opens `/?room=CODE`,
answers the server's `auto_rerun` requests the way the frontend does (its heartbeat fragment),
keeps the query string and page the server reports, and records when the delta of the f/f′
chart (key `curves`) arrives with content it has not shown before.

Latency: the teacher (explorer, lesson step 4 — the ReLU family on the chart) moves the x-range
slider of the f/f′ chart (a control inside the chart's fragment, always visible) one step
`--changes` times, `--gap` seconds apart. For every change and every follower:
the time from the key press in the teacher's tab to that follower receiving its updated chart.
Idle: with every follower on the teacher's view and nobody moving, the server process's CPU
time (utime + stime from /proc/<pid>/stat) over `--idle` seconds, as a share of one core.

    python bench/follow.py [--followers 30] [--changes 10] [--gap 4] [--idle 20] [--poll]
                           [--steps 200] [--transitions 50] [--json out.json]

--steps N: instead of the slider, the teacher walks the explorer's lesson (next, previous,
…) N times; for every transition: the time from the click to every follower showing the
teacher's step with a new chart (p50/p95 over transitions), and the share of transitions where
any follower ended on another state than the teacher's (its address without its own keys still
differs from the teacher's --settle s after the transition; one only slower than --gap s counts
as late, not as a mismatch).

--transitions N: the browser test tests/browser/test_class_transitions_browser.py with N
lesson-step transitions per page and store (a teacher's projector and two phone-size followers
on every page, over the in-process store and over Redis across two app processes): its
mismatches (chart data or lesson numbers that differ from core's for the step) and times, and
the wall time of the run. CI runs the same test with fewer transitions (the suite's budget).

--processes N (with --steps): the school set-up of deploy/ without its proxy: N app processes
over one redis-server (bench.topology), the teacher on the first, the followers spread over all
of them in turn (each protocol client keeps its one websocket, as nginx's sticky cookie keeps a
browser).

--poll starts the server with ACTIVATION_LAB_FOLLOW_PUSH=0: followers are not woken by the
server but poll the room's version every ui.classroom.POLL_S (option (a) of the issue's notes).

Targets (issue 13): p95 change → follower's chart ≤ 1.5 s; idle CPU with 30 followers < 10 %
of one core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from bench import latency  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, READY, free_port  # noqa: E402

CHART = "chart_curves"
LABEL = "x range"


def serve(port: int, push: bool) -> subprocess.Popen:
    """The app on port (push off: followers poll)."""
    return latency.serve(ROOT / "app.py", port, {"ACTIVATION_LAB_FOLLOW_PUSH": "1" if push else "0"})


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process in seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def chart_of(fwd: ForwardMsg) -> tuple[str, int] | None:
    """(chart key, hash of its content) if this ForwardMsg draws a keyed app chart."""
    if fwd.WhichOneof("type") != "delta" or fwd.delta.WhichOneof("type") != "new_element":
        return None
    el = fwd.delta.new_element
    kind = el.WhichOneof("type")
    if kind == "plotly_chart":
        ident, body = el.plotly_chart.id, el.plotly_chart.spec
    elif kind == "bidi_component":
        ident, body = el.bidi_component.id, el.bidi_component.SerializeToString()
    else:
        return None
    if CHART not in ident:
        return None
    return CHART, hash(body)


def take_address(client, fwd: ForwardMsg) -> bool:
    """Keep a client's page (``page_hash``, ``page_name``) and address (``query``) from a server
    message, as Streamlit's frontend does (its app manager's handleNewSession and
    handleNavigation, and the address of page_info_changed); whether the message was one of
    those."""
    kind = fwd.WhichOneof("type")
    if kind == "new_session":
        client.page_hash = fwd.new_session.page_script_hash or client.page_hash
        for page in fwd.new_session.app_pages:
            if page.page_script_hash == client.page_hash:
                client.page_name = page.url_pathname
    elif kind == "navigation":      # the router's page: the frontend asks by its hash from now
        nav = fwd.navigation
        client.page_hash = nav.page_script_hash or client.page_hash
        for page in nav.app_pages:
            if page.page_script_hash == client.page_hash:
                client.page_name = page.url_pathname
    elif kind == "page_info_changed":
        client.query = fwd.page_info_changed.query_string
    return kind in ("new_session", "navigation", "page_info_changed")


class Follower:
    """A browser-less student on /?room=CODE."""

    def __init__(self, base: str, code: str) -> None:
        self.base, self.code = base, code
        self.query = f"room={code}"
        self.page_hash = ""
        self.page_name = ""
        self.chart: int | None = None
        self.updates: list[float] = []     # perf_counter times of new chart contents
        self.runs = 0
        self.full_runs = 0
        self.timers: dict[str, asyncio.Task] = {}
        self.errors: list[str] = []

    def rerun(self, fragment: str = "", auto: bool = False) -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_name = self.page_name
        cs.page_script_hash = self.page_hash
        cs.fragment_id = fragment
        cs.is_auto_rerun = auto
        cs.context_info.locale = "ko-KR"
        cs.context_info.timezone = "UTC"
        cs.context_info.url = f"{self.base}/{self.page_name}"
        return msg.SerializeToString()

    async def _tick(self, interval: float, fragment: str) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.ws.send(self.rerun(fragment, auto=True))

    async def __call__(self, stop: asyncio.Event) -> None:
        host = self.base.split("//", 1)[1]
        try:
            async with connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"],
                               origin=self.base, max_size=None) as self.ws:
                await self.ws.send(self.rerun())
                while not stop.is_set():
                    try:
                        raw = await asyncio.wait_for(self.ws.recv(), 0.5)
                    except (TimeoutError, asyncio.TimeoutError):
                        continue
                    now = time.perf_counter()
                    fwd = ForwardMsg()
                    fwd.ParseFromString(raw)
                    self._read(fwd, now)
        except Exception as exc:  # noqa: BLE001 - a dropped follower is an error of the bench
            self.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            for task in self.timers.values():
                task.cancel()

    def _read(self, fwd: ForwardMsg, now: float) -> None:
        kind = fwd.WhichOneof("type")
        if take_address(self, fwd):
            pass
        elif kind == "auto_rerun":
            fid, interval = fwd.auto_rerun.fragment_id, fwd.auto_rerun.interval
            if fid in self.timers:
                self.timers[fid].cancel()
            self.timers[fid] = asyncio.create_task(self._tick(interval, fid))
        elif kind == "stop_auto_rerun":
            for fid in fwd.stop_auto_rerun.fragment_ids:
                task = self.timers.pop(fid, None)
                if task:
                    task.cancel()
        elif kind == "script_finished":
            self.runs += 1
            self.full_runs += fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
        elif kind == "delta":
            el = fwd.delta.new_element if fwd.delta.WhichOneof("type") == "new_element" else None
            if el is not None and el.WhichOneof("type") == "exception":
                self.errors.append(el.exception.message[:200])
            found = chart_of(fwd)
            if found and found[1] != self.chart:
                self.chart = found[1]
                self.updates.append(now)


async def teacher_tab(base: str):
    """The teacher's Chromium tab on the explorer's lesson step 4, with a class started."""
    from playwright.async_api import async_playwright

    pw = await async_playwright().start()
    browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    ctx = await browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    tab = await ctx.new_page()
    await tab.goto(f"{base}/explorer?lang=en&lesson=4")
    await tab.wait_for_selector(READY, timeout=90_000)
    await tab.locator(".st-key-start_class button").first.click()
    await tab.wait_for_selector(".st-key-room_code .al-room-code", timeout=30_000)
    code = (await tab.locator(".st-key-room_code .al-room-code").inner_text()).strip()
    await tab.locator('[data-testid="stSlider"]', has_text=LABEL).first.wait_for(state="visible")
    await tab.wait_for_selector(READY)
    return pw, browser, tab, code


async def join_class(base: str | list[str], code: str, followers: int, stop: asyncio.Event):
    """Start the followers on /?room=code (on the bases in turn); (followers, their tasks) once
    each has a chart (or after 90 s)."""
    bases = [base] if isinstance(base, str) else base
    class_ = [Follower(bases[k % len(bases)], code) for k in range(followers)]
    tasks = []
    for f in class_:
        tasks.append(asyncio.create_task(f(stop)))
        await asyncio.sleep(0.1)
    deadline = time.perf_counter() + 90
    while any(f.chart is None for f in class_) and time.perf_counter() < deadline:
        await asyncio.sleep(0.2)
    return class_, tasks


async def run(followers: int, changes: int, gap: float, idle: float, push: bool) -> dict:
    port = free_port()
    proc = serve(port, push)
    base = f"http://127.0.0.1:{port}"
    stop = asyncio.Event()
    try:
        pw, browser, tab, code = await teacher_tab(base)
        class_, tasks = await join_class(base, code, followers, stop)
        joined = sum(f.chart is not None for f in class_)
        await asyncio.sleep(5)   # let the joins settle

        # idle: nobody moves
        c0, t0 = cpu_seconds(proc.pid), time.perf_counter()
        await asyncio.sleep(idle)
        idle_share = (cpu_seconds(proc.pid) - c0) / (time.perf_counter() - t0)

        # changes: the teacher moves the slope one step; every follower's chart must follow
        thumb = tab.locator('[data-testid="stSlider"]', has_text=LABEL).first \
            .locator('input[type="range"]').first
        latencies: list[float] = []
        missed = 0
        busy = []
        teacher_misses = 0
        who: list[tuple[int, int]] = []   # (change, follower) pairs that were not updated
        url_xr = "() => new URLSearchParams(location.search).getAll('xr').join(',')"
        for i in range(changes):
            for _ in range(10):   # the tab may be redrawing: focus the thumb once it stays
                await tab.wait_for_selector(READY)
                await thumb.focus()
                if await thumb.evaluate("t => document.activeElement === t"):
                    break
                await asyncio.sleep(0.3)
            else:
                teacher_misses += 1
                continue
            before = await tab.evaluate(url_xr)
            marks = [len(f.updates) for f in class_]
            c0 = cpu_seconds(proc.pid)
            start = time.perf_counter()
            await tab.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
            await asyncio.sleep(gap)
            if await tab.evaluate(url_xr) == before:   # the press did not reach the slider
                teacher_misses += 1
                if teacher_misses == 1:
                    await tab.screenshot(path="/tmp/activation-lab-shots/bench_follow_miss.png")
                continue
            busy.append(cpu_seconds(proc.pid) - c0)
            for k, (f, mark) in enumerate(zip(class_, marks)):
                new = [t for t in f.updates[mark:] if t >= start]
                if new:
                    latencies.append(new[0] - start)
                else:
                    missed += 1
                    who.append((i, k))
        last = await tab.evaluate("() => new URLSearchParams(location.search).getAll('xr')")
        stop.set()
        await asyncio.gather(*tasks)
        await browser.close()
        await pw.stop()
    finally:
        proc.terminate()
    latencies.sort()
    return {"followers": followers, "joined": joined, "push": push, "changes": changes, "teacher_misses": teacher_misses,
            "gap_s": gap, "latencies_s": latencies, "missed": missed, "missed_at": who,
            "p50_s": statistics.median(latencies) if latencies else None,
            "p95_s": latencies[int(0.95 * (len(latencies) - 1))] if latencies else None,
            "max_s": latencies[-1] if latencies else None,
            "idle_cpu_share": idle_share, "cpu_s_per_change": statistics.median(busy) if busy else float("nan"),
            "runs_per_follower": statistics.median(f.runs for f in class_),
            "full_runs_per_follower": statistics.median(f.full_runs for f in class_),
            "errors": [e for f in class_ for e in f.errors][:10], "teacher_xr_at_end": last}


def _own_less(query: str) -> dict:
    from urllib.parse import parse_qs

    return {k: v for k, v in parse_qs(query, keep_blank_values=True).items()
            if k not in ("room", "lang", "classroom")}


async def run_steps(followers: int, steps: int, gap: float, push: bool,
                    settle: float = 15.0, processes: int = 1) -> dict:
    """The lesson-step transitions of --steps (see the module docstring), on one app process or
    on `processes` over Redis."""
    if processes > 1:
        from bench.topology import topology

        with topology(processes, proxy=False) as top:
            bases = [f"http://127.0.0.1:{port}" for port in top.apps]
            pids = [proc.pid for proc in top.apps.values()]
            res = await _steps(bases, followers, steps, gap, settle, pids)
        return dict(res, push=True, processes=processes)
    port = free_port()
    proc = serve(port, push)
    try:
        res = await _steps([f"http://127.0.0.1:{port}"], followers, steps, gap, settle,
                           [proc.pid])
    finally:
        proc.terminate()
    return dict(res, push=push, processes=1)


def _cpu(pids: list[int]) -> dict[str, float]:
    """CPU seconds so far: the app processes' (each) and this bench's own (its protocol
    clients and the teacher's Playwright driver; Chromium is not counted)."""
    return {**{f"app {k + 1}": cpu_seconds(pid) for k, pid in enumerate(pids)},
            "bench clients": time.process_time()}


async def _steps(bases: list[str], followers: int, steps: int, gap: float,
                 settle: float, pids: list[int]) -> dict:
    """The transitions, the teacher on bases[0] and the followers on the bases in turn."""
    stop = asyncio.Event()
    pw, browser, tab, code = await teacher_tab(bases[0])
    class_, tasks = await join_class(bases, code, followers, stop)
    await asyncio.sleep(3)
    times: list[float] = []
    mismatched = 0
    mismatched_at: list[tuple[int, list[int]]] = []
    late = 0
    url = "() => location.search.slice(1)"
    from ui.lessons import steps as lesson_steps

    last = len(lesson_steps("explorer"))
    cpu0 = _cpu(pids)
    runs0 = [(f.runs, f.full_runs) for f in class_]
    for i in range(steps):
        await tab.wait_for_selector(READY)
        now = int(_own_less(await tab.evaluate(url)).get("lesson", ["1"])[0])
        key = "next" if (i % 2 == 0 and now < last) or now <= 1 else "prev"
        marks = [len(f.updates) for f in class_]
        start = time.perf_counter()
        await tab.locator(f".st-key-lesson_{key}_main button").first.click()
        want = None
        done: dict[int, float] = {}
        while time.perf_counter() - start < gap:
            await asyncio.sleep(0.05)
            if want is None or len(done) < len(class_):
                want = _own_less(await tab.evaluate(url))
            for k, (f, mark) in enumerate(zip(class_, marks)):
                if k not in done and f.updates[mark:] and _own_less(f.query) == want:
                    done[k] = f.updates[-1] - start
            if len(done) == len(class_):
                break
        # ended on another state: still different once the class had time to settle (a late
        # follower is counted as late above, not as a mismatch, if it arrives by then)
        settle_end = time.perf_counter() + settle
        while True:
            await asyncio.sleep(0.5)
            want = _own_less(await tab.evaluate(url))
            off = [k for k, f in enumerate(class_) if _own_less(f.query) != want]
            if not off or time.perf_counter() > settle_end:
                break
        if off:
            mismatched += 1
            have = _own_less(class_[off[0]].query)
            mismatched_at.append((i, off[:5], {k: (have.get(k), want.get(k))
                                               for k in set(have) | set(want)
                                               if have.get(k) != want.get(k)}))
        if len(done) == len(class_):
            times.append(max(done.values()))
        else:
            late += 1
    cpu1 = _cpu(pids)
    per = max(steps, 1) * max(len(class_), 1)
    runs = sum(f.runs - r for f, (r, _) in zip(class_, runs0)) / per
    full = sum(f.full_runs - r for f, (_, r) in zip(class_, runs0)) / per
    stop.set()
    await asyncio.gather(*tasks)
    await browser.close()
    await pw.stop()
    times.sort()
    return {"followers": followers, "steps": steps, "times_s": times,
            "cpu_s_per_step": {k: (cpu1[k] - cpu0[k]) / max(steps, 1) for k in cpu0},
            "runs_per_follower_per_step": runs, "full_runs_per_follower_per_step": full,
            "p50_s": statistics.median(times) if times else None,
            "p95_s": times[int(0.95 * (len(times) - 1))] if times else None,
            "late": late, "mismatched": mismatched, "mismatched_at": mismatched_at,
            "errors": [e for f in class_ for e in f.errors][:10]}


def run_transitions(n: int) -> dict:
    """The class transitions browser test with n transitions per page and store."""
    import re

    env = dict(os.environ, CI="true", CLASS_TRANSITIONS=str(n))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-n0", "-q", "-s", "-p",
                           "no:cacheprovider", "tests/browser/test_class_transitions_browser.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    out = proc.stdout.splitlines()
    pages = [m.group(0) for line in out
             if (m := re.search(r"(memory|redis) \w+: \d+ transitions, \d+ mismatches", line))]
    timing = [line.strip() for line in out if "teacher's step → every tab" in line]
    failed = [line for line in out if line.startswith(("FAILED", "ERROR", "E  "))]
    return {"transitions_per_page": n, "wall_s": wall, "returncode": proc.returncode,
            "pages": pages, "timing": timing, "failed": failed[:20],
            "mismatches": sum(int(m.group(1)) for line in pages
                              if (m := re.search(r"(\d+) mismatches", line)))}


def summary(res: dict) -> str:
    if "transitions_per_page" in res:
        return "\n".join([f"{res['transitions_per_page']} transitions per page and store: "
                          f"{res['mismatches']} mismatches, wall {res['wall_s']:.0f} s, "
                          f"pytest exit {res['returncode']}", *res["pages"], *res["timing"],
                          *res["failed"]])
    if "steps" in res:
        p50 = f"{res['p50_s']:.2f}" if res["p50_s"] is not None else "-"
        p95 = f"{res['p95_s']:.2f}" if res["p95_s"] is not None else "-"
        return (f"{res['steps']} lesson-step transitions, {res['followers']} followers on "
                f"{res['processes']} process(es): "
                f"step → every follower's chart p50 {p50} s, p95 {p95} s; "
                f"{res['late']} not complete in time; {res['mismatched']} ended on another "
                f"state; errors: {len(res['errors'])}\nCPU per transition (s): "
                + ", ".join(f"{k} {v:.2f}" for k, v in res["cpu_s_per_step"].items())
                + f"\nscript runs per follower and transition: "
                f"{res['runs_per_follower_per_step']:.2f} "
                f"({res['full_runs_per_follower_per_step']:.2f} of the whole page)")
    mode = "push (server wakes followers)" if res["push"] else "poll (followers poll)"
    if not res["latencies_s"]:
        return f"mode: {mode}; joined {res['joined']}; no follower was updated; " \
               f"errors: {res['errors'][:5]}"
    return "\n".join([
        f"mode: {mode}; followers joined: {res['joined']} / {res['followers']}",
        f"change → follower's chart: p50 {res['p50_s']:.2f} s, p95 {res['p95_s']:.2f} s, "
        f"max {res['max_s']:.2f} s over {len(res['latencies_s'])} updates "
        f"({res['changes'] - res['teacher_misses']} changes; {res['missed']} not updated within "
        f"{res['gap_s']:g} s)",
        f"server CPU per change: {res['cpu_s_per_change']:.2f} s; script runs per follower: "
        f"{res['runs_per_follower']:g} ({res['full_runs_per_follower']:g} of the whole page)",
        f"idle server CPU with {res['joined']} followers: {100 * res['idle_cpu_share']:.1f} % "
        "of one core",
        f"errors: {len(res['errors'])}" + "".join(f"\n  {e}" for e in res["errors"][:5]),
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--followers", type=int, default=30)
    ap.add_argument("--changes", type=int, default=10)
    ap.add_argument("--gap", type=float, default=4.0, help="seconds between the teacher's moves")
    ap.add_argument("--idle", type=float, default=20.0, help="seconds of idle CPU measurement")
    ap.add_argument("--poll", action="store_true", help="followers poll instead of push")
    ap.add_argument("--steps", type=int, default=0, help="lesson-step transitions instead")
    ap.add_argument("--settle", type=float, default=15.0,
                    help="--steps: seconds a follower has to agree before it counts as ended "
                         "on another state")
    ap.add_argument("--processes", type=int, default=1,
                    help="--steps: app processes over Redis (the school set-up)")
    ap.add_argument("--transitions", type=int, default=0,
                    help="the class transitions browser test with N per page and store")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.transitions:
        res = run_transitions(args.transitions)
        bad = res["returncode"] or res["mismatches"]
    elif args.steps:
        res = asyncio.run(run_steps(args.followers, args.steps, args.gap, not args.poll,
                                    args.settle, args.processes))
        bad = res["errors"] or res["mismatched"] or res["late"]
    else:
        res = asyncio.run(run(args.followers, args.changes, args.gap, args.idle, not args.poll))
        bad = res["errors"] or res["missed"]
    print(summary(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
