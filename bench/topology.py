"""The school deployment on loopback, without Docker: redis-server, N Streamlit processes and
nginx with deploy/nginx.conf — the topology of deploy/compose.yaml — and the load harness
against 1 process alone and against 2 processes behind the proxy, in the same run.

    python bench/topology.py [--sessions 60] [--think 3] [--changes 5] [--configs 1 2p]
                             [--follow 10] [--json out.json]

Configurations: ``1`` one process, clients connect to it directly; ``1p`` one process behind
nginx (the proxy's own cost); ``2p`` two processes behind nginx with the Redis room store. For
each: p50/p95 of control moves and page opens, errors, and the CPU time the app processes, nginx,
redis-server and the load generator (this process) used, divided by the interactions measured:
the per-request CPU cost from which deploy/README.md projects N processes on more cores.

The same helpers start the topology of tests/browser/test_topology_browser.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf"
REDIS_ENV = "ACTIVATION_LAB_REDIS_URL"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout:.0f} s")


def start_redis(port: int) -> subprocess.Popen:
    """redis-server on 127.0.0.1:port, nothing written to disk; returns once it listens."""
    proc = subprocess.Popen(
        [program("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_port(port, proc, "redis-server")
    return proc


def start_app(port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`streamlit run app.py` on 127.0.0.1:port with extra environment; waits for its health
    check (the one the Dockerfile's HEALTHCHECK uses)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
           "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit on {port} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit on {port} did not become healthy")


def nginx_site(upstream_ports: list[int], listen: str) -> str:
    """deploy/nginx.conf filled in as the nginx image's template step does (only the two named
    variables; nginx's own $variables are left alone)."""
    servers = " ".join(f"server 127.0.0.1:{p} max_fails=0;" for p in upstream_ports)
    return string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(
        APP_UPSTREAM=servers, PROXY_LISTEN=listen)


def nginx_main(tmp: Path, site: Path) -> str:
    """A main nginx.conf around the site for an unprivileged, foreground nginx in tmp."""
    return f"""daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {site};
}}
"""


def start_nginx(tmp: Path, upstream_ports: list[int], port: int) -> subprocess.Popen:
    """nginx in the foreground on 127.0.0.1:port in front of the given app ports (config, pid,
    logs and temp files in tmp)."""
    site = tmp / "activation-lab.conf"
    site.write_text(nginx_site(upstream_ports, f"127.0.0.1:{port}"))
    main = tmp / "nginx.conf"
    main.write_text(nginx_main(tmp, site))
    tmp.chmod(0o755)   # a root master runs its worker as nobody: let it reach the temp paths
    proc = subprocess.Popen([program("nginx") or "nginx", "-p", str(tmp),
                             "-e", str(tmp / "error.log"), "-c", str(main)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_port(port, proc, "nginx")
    return proc


def stop(proc: subprocess.Popen | None) -> None:
    """Terminate one process this module started, killing it if it does not exit."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def program(name: str) -> str | None:
    """Path of a system program (nginx lives in /usr/sbin, which a user's PATH may lack)."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")


def missing_tools(proxy: bool = True) -> list[str]:
    """The system programs the topology needs that are not installed."""
    return [t for t in (("redis-server", "nginx") if proxy else ()) if program(t) is None]


@dataclass
class Topology:
    """What is running: the URL clients use, the app processes by port, nginx and redis."""

    url: str
    apps: dict[int, subprocess.Popen] = field(default_factory=dict)
    nginx: subprocess.Popen | None = None
    redis: subprocess.Popen | None = None
    redis_url: str = ""
    tmp: Path | None = None

    def pids(self) -> dict[str, list[int]]:
        """Process ids per role (nginx: master and its workers)."""
        out = {"app": [p.pid for p in self.apps.values()]}
        if self.nginx is not None:
            out["nginx"] = [self.nginx.pid, *_children(self.nginx.pid)]
        if self.redis is not None:
            out["redis"] = [self.redis.pid]
        return out


@contextmanager
def topology(processes: int, proxy: bool = True, redis: bool = True):
    """Start `processes` app processes (with the Redis room store if redis), behind nginx if
    proxy; yield the Topology; stop everything."""
    tmp = Path(tempfile.mkdtemp(prefix="al-topology-"))
    top = Topology(url="", tmp=tmp)
    try:
        env = {"STREAMLIT_SERVER_COOKIE_SECRET": os.urandom(16).hex()}   # shared, as in compose
        if redis:
            rport = free_port()
            top.redis = start_redis(rport)
            top.redis_url = env[REDIS_ENV] = f"redis://127.0.0.1:{rport}/0"
        for _ in range(processes):
            port = free_port()
            top.apps[port] = start_app(port, env)
        if proxy:
            pport = free_port()
            top.nginx = start_nginx(tmp, list(top.apps), pport)
            top.url = f"http://127.0.0.1:{pport}"
        else:
            top.url = f"http://127.0.0.1:{next(iter(top.apps))}"
        yield top
    finally:
        stop(top.nginx)
        for proc in top.apps.values():
            stop(proc)
        stop(top.redis)
        shutil.rmtree(tmp, ignore_errors=True)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def own_cpu() -> float:
    """CPU seconds of this process (the load generator)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


async def warm_up(base: str, changes: int, seed: int) -> list[str]:
    """One session through every page of one process (what bench/load.py does before it
    measures); its errors."""
    from bench.load import Result, Session

    out, release = Result(), asyncio.Event()
    release.set()
    await Session(base, random.Random(seed))(changes, 0.0, out, release)
    return out.errors


def measure(top: Topology, sessions: int, changes: int, think: float, seed: int,
            pages: list[str] | None = None) -> dict:
    """Run bench/load.py's harness against the topology; latencies, errors, CPU per role."""
    from concurrent.futures import ThreadPoolExecutor

    from bench.load import PAGES, load, rss_mb

    for port in top.apps:   # every process warm (the harness's own warm-up reaches one)
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, warm_up(f"http://127.0.0.1:{port}", changes, seed)).result()
    pids = top.pids()
    rss_warm = [rss_mb(pid) for pid in pids["app"]]
    before = {role: sum(map(cpu_seconds, ps)) for role, ps in pids.items()}
    gen0, t0 = own_cpu(), time.perf_counter()
    pages = list(pages or PAGES)
    run = load(top.url, sessions, changes, 2.0, seed, None, think, pages)
    with ThreadPoolExecutor(1) as pool:
        res = pool.submit(asyncio.run, run).result()
    wall = time.perf_counter() - t0
    cpu = {role: sum(map(cpu_seconds, ps)) - before[role] for role, ps in pids.items()}
    cpu["load generator"] = own_cpu() - gen0
    rss_end = [rss_mb(pid) for pid in pids["app"]]
    requests = (sessions + 1) * len(pages) * (changes + 1)   # with the warm-up session
    res.update(cpu_s=cpu, requests=requests, wall_total_s=wall,
               app_cpu_ms_per_request=1000 * cpu["app"] / requests,
               processes=len(top.apps), proxied=top.nginx is not None,
               rss_warm_mb=rss_warm, rss_end_mb=rss_end)
    return res


def percentile(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[int(q * (len(v) - 1))] if v else float("nan")


def row(name: str, res: dict) -> dict:
    """The numbers of one configuration."""
    moves = [t for k, ts in res["times"].items() if "(open)" not in k for t in ts]
    opens = [t for k, ts in res["times"].items() if "(open)" in k for t in ts]
    return {"config": name, "moves": len(moves), "move_p50": percentile(moves, 0.5),
            "move_p95": percentile(moves, 0.95), "opens": len(opens),
            "open_p50": percentile(opens, 0.5), "open_p95": percentile(opens, 0.95),
            "errors": len(res["errors"]), "cpu_ms": res["app_cpu_ms_per_request"],
            "cpu": res["cpu_s"], "wall": res["wall_total_s"], "rss_warm": res["rss_warm_mb"],
            "rss_end": res["rss_end_mb"], "error_samples": res["errors"][:20]}


def table(rows: list[dict]) -> str:
    """The comparison as text, with the ratio to the first configuration."""
    head = (f"{'configuration':30s} {'moves':>6s} {'p50':>6s} {'p95':>7s} {'opens':>6s} "
            f"{'p50':>6s} {'p95':>7s} {'err':>4s} {'app CPU/req':>11s}")
    lines = [head]
    for r in rows:
        lines.append(f"{r['config']:30s} {r['moves']:6d} {r['move_p50']:6.0f} "
                     f"{r['move_p95']:7.0f} {r['opens']:6d} {r['open_p50']:6.0f} "
                     f"{r['open_p95']:7.0f} {r['errors']:4d} {r['cpu_ms']:9.1f} ms")
    base = rows[0]
    for r in rows[1:]:
        lines.append(f"{r['config']} / {base['config']}: move p95 × "
                     f"{r['move_p95'] / base['move_p95']:.2f}, open p95 × "
                     f"{r['open_p95'] / base['open_p95']:.2f}")
    for r in rows:
        lines.append(f"CPU s during {r['config']} ({r['wall']:.0f} s wall): " + ", ".join(
            f"{k} {v:.1f}" for k, v in r["cpu"].items()) + "; app RSS MB warm " + "/".join(
            f"{m:.0f}" for m in r["rss_warm"]) + ", after " + "/".join(
            f"{m:.0f}" for m in r["rss_end"]))
    return "\n".join(lines)


# Every address a tab shows, with its time (epoch ms): Streamlit changes it with the history API.
URL_LOG = """
window.__urls = [[Date.now(), location.href]];
for (const name of ['pushState', 'replaceState']) {
  const native = history[name];
  history[name] = function (...args) {
    const out = native.apply(this, args);
    window.__urls.push([Date.now(), location.href]);
    return out;
  };
}
"""


def follow_delays(top: Topology, moves: int) -> list[float]:
    """Seconds from the teacher's address first showing a lesson step's final view to the
    student's address showing the same, for `moves` steps, with the teacher and the student on
    different processes (Chromium; both tabs log their addresses with the time)."""
    from urllib.parse import parse_qs, urlparse

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, wait_idle

    def view(url: str) -> tuple:
        q = parse_qs(urlparse(url).query)
        return urlparse(url).path, {k: v for k, v in q.items()
                                    if k not in ("lang", "classroom", "room")}

    def first_shown(tab, target: tuple) -> float | None:
        """When (epoch ms) the tab's address first showed the view target."""
        for when, url in tab.evaluate("window.__urls"):
            if view(url) == target:
                return when
        return None

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        placed: dict[str, object] = {}
        for _ in range(24):   # sticky hashing decides: open contexts until both are used
            ctx = browser.new_context(viewport={"width": 1280, "height": 720})
            ctx.add_init_script(URL_LOG)
            where = ctx.request.get(f"{top.url}/_stcore/health").headers["x-upstream"]
            placed.setdefault(where, ctx)
            if len(placed) == 2:
                break
        teacher, student = (c.new_page() for c in placed.values())
        for tab in (teacher, student):
            for step in ("5", "4"):
                tab.goto(f"{top.url}/explorer?lang=en&lesson={step}")
                wait_idle(tab)
        teacher.locator(".st-key-start_class button").first.click()
        teacher.wait_for_selector(".st-key-room_code .al-room-code")
        code = teacher.locator(".st-key-room_code .al-room-code").inner_text().strip()
        wait_idle(teacher)
        student.goto(f"{top.url}/?room={code}")
        student.wait_for_function("() => location.pathname === '/explorer'", timeout=30_000)
        wait_idle(student)
        delays = []
        for i in range(moves):
            button = "lesson_next_main" if i % 2 == 0 else "lesson_prev_main"
            before = teacher.url
            for tab in (teacher, student):
                tab.evaluate("window.__urls = []")
            teacher.locator(f".st-key-{button} button").first.click()
            teacher.wait_for_function("(u) => location.href !== u", arg=before, timeout=30_000)
            wait_idle(teacher)
            target = view(teacher.url)   # the teacher's final view of this step
            t0 = time.perf_counter()
            while view(student.url) != target and time.perf_counter() - t0 < 30:
                student.wait_for_timeout(20)
            wait_idle(student)
            shown, asked = first_shown(student, target), first_shown(teacher, target)
            if shown is not None and asked is not None:
                delays.append(max(0.0, shown - asked) / 1000)
            student.wait_for_timeout(500)
        browser.close()
        return delays


CONFIGS = {"1": ("1 process, direct", 1, False),
           "1p": ("1 process, nginx + redis", 1, True),
           "2p": ("2 processes, nginx + redis", 2, True)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=60)
    ap.add_argument("--changes", type=int, default=5)
    ap.add_argument("--think", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--configs", nargs="+", default=["1", "2p"], choices=list(CONFIGS))
    ap.add_argument("--pages", nargs="+", help="only these pages of bench/load.py's PAGES")
    ap.add_argument("--follow", type=int, default=0, metavar="MOVES",
                    help="also time a student following a teacher on the other process")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    missing = missing_tools(any(CONFIGS[c][2] for c in args.configs))
    if missing:
        print(f"missing system packages: {' '.join(missing)} (apt-get install redis-server "
              "nginx)", file=sys.stderr)
        return 2
    rows = []
    for key in args.configs:
        name, n, proxy = CONFIGS[key]
        with topology(n, proxy=proxy, redis=proxy) as top:
            res = measure(top, args.sessions, args.changes, args.think, args.seed,
                          args.pages)
        rows.append(row(name, res))
        print(f"{name}: done, {rows[-1]['errors']} errors"
              + "".join(f"\n  {e}" for e in res["errors"][:5]), flush=True)
    print(table(rows))
    if args.follow:
        with topology(2) as top:
            delays = sorted(follow_delays(top, args.follow))
        print(f"follow across processes ({len(delays)} lesson steps, from the teacher's address "
              f"to the student's showing the step's final view): median "
              f"{percentile(delays, 0.5):.2f} s, p95 {percentile(delays, 0.95):.2f} s, "
              f"max {delays[-1]:.2f} s")
        rows.append({"config": "follow", "delays_s": delays})
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 1 if any(r.get("errors") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
