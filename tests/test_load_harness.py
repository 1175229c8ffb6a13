"""The classroom load harness (bench/load.py) against a real server, in miniature.

Two sessions open two pages and move three controls on each (one of them inside a fragment);
every interaction must be timed, must change a chart (the harness checks that itself) and none
may fail — so the harness measures a working app, not a silently ignored message.
"""

from __future__ import annotations

import asyncio
import subprocess
from concurrent.futures import ThreadPoolExecutor

from bench.load import load
from tests.browser.conftest import free_port, start_server


def test_two_sessions_move_controls_without_errors():
    port = free_port()
    proc = start_server(port)
    try:
        run = load(f"http://127.0.0.1:{port}", sessions=2, changes=3, stagger=0.0, seed=1,
                   pid=proc.pid, pages=["explorer", "zigzag"])
        # a thread of its own: in a worker that also ran the browser tests, Playwright's sync
        # API keeps an event loop running in this thread, and asyncio.run refuses to nest
        with ThreadPoolExecutor(1) as pool:
            res = pool.submit(asyncio.run, run).result()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert res["errors"] == []
    for page in ("explorer", "zigzag"):
        assert len(res["times"][page]) == 2 * 3          # every move timed
        assert len(res["times"][f"{page} (open)"]) == 2
        assert all(0 < t < 30_000 for t in res["times"][page])
    assert res["rss_after_mb"] > 50                      # read from /proc: the server is there
