"""The school deployment on loopback: redis-server, two Streamlit processes and nginx with
deploy/nginx.conf (sticky sessions), the topology of deploy/compose.yaml without Docker.

A teacher's browser is kept on one process and a student's on the other (nginx's sticky cookie
decides: contexts are opened until two land on different processes, told apart by the proxy's
X-Upstream header). The student follows the teacher's lesson steps although the room lives in
Redis and the teacher's process cannot see the student's session: the publish reaches the
student's process through Redis pub/sub, which wakes the student there.

No timing assertions: every wait for the student is FOLLOW_WAIT_MS, half the follower's own
heartbeat (ui.classroom.HEARTBEAT_S), so only the wake across processes can move the student in
time; the delays are printed (target 2 s; bench/topology.py measures the load).
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest

from bench.topology import missing_tools, topology
from tests.browser.conftest import _require, screenshot, wait_idle
from ui import classroom
from ui.classroom.rules import valid_code
from ui.i18n import CATALOGUES

FOLLOW_WAIT_MS = 10_000
WAIT = 30_000
MAX_CONTEXTS = 24   # each new context lands on either process with probability 1/2
HEARTBEAT_S = 30    # the app processes' follower heartbeat here (ACTIVATION_LAB_HEARTBEAT_S)
assert FOLLOW_WAIT_MS <= HEARTBEAT_S * 1000 / 2
assert classroom.HEARTBEAT_S > 0


@pytest.fixture(scope="module")
def school():
    """redis-server + 2 app processes (ACTIVATION_LAB_REDIS_URL set) + nginx, all on loopback."""
    missing = missing_tools()
    _require(not missing, f"missing system packages: {' '.join(missing)}")
    before = os.environ.get("ACTIVATION_LAB_HEARTBEAT_S")
    os.environ["ACTIVATION_LAB_HEARTBEAT_S"] = str(HEARTBEAT_S)   # inherited by the app processes
    try:
        with topology(2) as top:
            yield top
    finally:
        if before is None:
            os.environ.pop("ACTIVATION_LAB_HEARTBEAT_S", None)
        else:
            os.environ["ACTIVATION_LAB_HEARTBEAT_S"] = before


def upstream_of(response) -> str:
    return response.headers.get("x-upstream", "")


def contexts_on_two_processes(browser, url: str):
    """(teacher context, its upstream, student context, its upstream), on different processes."""
    first, spare = None, []
    try:
        for _ in range(MAX_CONTEXTS):
            ctx = browser.new_context(viewport={"width": 1280, "height": 720},
                                      locale="en-US" if first is None else "ko-KR")
            where = upstream_of(ctx.request.get(f"{url}/_stcore/health"))
            assert re.fullmatch(r"127\.0\.0\.1:\d+", where), where
            if first is None:
                first = (ctx, where)
            elif where != first[1]:
                return first[0], first[1], ctx, where
            else:
                spare.append(ctx)
        pytest.fail(f"{MAX_CONTEXTS} contexts all landed on {first[1]}: not sticky-hashed?")
    finally:
        for ctx in spare:
            ctx.close()


def follower_pids(school, code: str) -> set[int]:
    """Process ids of the app processes the room's followers joined through (from Redis)."""
    import redis

    r = redis.Redis.from_url(school.redis_url, decode_responses=True)
    members = r.zrange(f"al:room:{code}:f", 0, -1)
    return {int(m.split("|", 1)[0].split(":")[1]) for m in members}


def view_of(tab) -> tuple[str, dict]:
    """The page and query of a tab without the per-viewer keys (what a follower copies)."""
    query = parse_qs(urlparse(tab.url).query)
    return urlparse(tab.url).path, {k: v for k, v in query.items()
                                    if k not in classroom.PER_VIEWER}


def wait_same_view(student, teacher, timeout: float) -> None:
    """Wait until the student's page and query are the teacher's (the lesson step may arrive in
    two publishes: the step, then the values it sets)."""
    deadline = time.perf_counter() + timeout / 1000
    while view_of(student) != view_of(teacher) and time.perf_counter() < deadline:
        student.wait_for_timeout(100)
    wait_idle(student)
    assert view_of(student) == view_of(teacher)


def lesson_of(tab) -> list[str]:
    return parse_qs(urlparse(tab.url).query).get("lesson", [])


def wait_lesson(tab, step: str, timeout: float) -> float:
    """Wait until tab's URL shows lesson step; the seconds it took."""
    t0 = time.perf_counter()
    tab.wait_for_function("(v) => new URLSearchParams(location.search).get('lesson') === v",
                          arg=step, timeout=timeout)
    return time.perf_counter() - t0


def test_a_student_on_another_process_follows_the_teacher(school, browser):
    url = school.url
    teacher_ctx, at_teacher, student_ctx, at_student = contexts_on_two_processes(browser, url)
    pid = {f"127.0.0.1:{port}": proc.pid for port, proc in school.apps.items()}
    try:
        teacher, student = teacher_ctx.new_page(), student_ctx.new_page()
        for tab in (teacher, student):   # each process computes the steps once before class
            for step in ("5", "4"):
                tab.goto(f"{url}/explorer?lang=en&lesson={step}")
                wait_idle(tab)
        opened = teacher.goto(f"{url}/explorer?lang=en&lesson=3")
        assert upstream_of(opened) == at_teacher            # the cookie keeps it there
        wait_idle(teacher)
        teacher.locator(".st-key-start_class button").first.click()
        teacher.wait_for_selector(".st-key-room_code .al-room-code", timeout=WAIT)
        code = teacher.locator(".st-key-room_code .al-room-code").inner_text().strip()
        assert valid_code(code)
        wait_idle(teacher)

        opened = student.goto(f"{url}/?room={code}")
        assert upstream_of(opened) == at_student != at_teacher
        wait_lesson(student, "3", WAIT)
        wait_idle(student)
        assert urlparse(student.url).path == "/explorer"
        assert "선생님" in student.locator(".st-key-class_follow").inner_text()
        # the room is in Redis and the student joined it through the other process
        assert follower_pids(school, code) == {pid[at_student]} != {pid[at_teacher]}

        delays = []
        for step in ("4", "5", "4"):
            button = "lesson_next_main" if step > lesson_of(teacher)[0] else "lesson_prev_main"
            teacher.locator(f".st-key-{button} button").first.click()
            wait_lesson(teacher, step, WAIT)
            delays.append(wait_lesson(student, step, FOLLOW_WAIT_MS))
            wait_idle(teacher)
            wait_same_view(student, teacher, FOLLOW_WAIT_MS)
            assert lesson_of(student) == lesson_of(teacher) == [step]
        print(f"student on {at_student} followed the teacher on {at_teacher} after "
              + ", ".join(f"{d:.2f}" for d in delays) + " s (after the teacher's URL changed)")
        screenshot(teacher, "topology_teacher_en")
        screenshot(student, "topology_student_ko")
        # the teacher's banner counts the student of the other process
        teacher.locator(".st-key-lesson_next_main button").first.click()
        wait_lesson(student, "5", FOLLOW_WAIT_MS)
        wait_idle(teacher)
        banner = teacher.locator(".st-key-room_code").inner_text()
        assert CATALOGUES["en"]["class.roster"].format(following=1, exploring=0, gone=0) in banner
    finally:
        teacher_ctx.close()
        student_ctx.close()
