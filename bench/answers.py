"""The class answers one question (issue #23): N protocol-level students answer within a few
seconds while the teacher's screen keeps its live count.

Students are threads making the room-store calls a student's session makes: read the room's
control record (what the watch fragment reads once woken by *Ask*), answer the open question,
read back their own answer (their screen draws it). Each answers at a random moment of the
answering window. The teacher's screen is what ui.classroom.panel's live fragment does: one
``question(code)`` read every ``keeper.TICK_S`` (the server reruns that fragment this often while
the teacher is idle), its count shown.

Set-ups: the memory store with the teacher in the same process; Redis with the teacher in the
same process; Redis with the teacher in another process (a child process polls the room through
its own store, as a second app process behind the sticky proxy would). Per round the teacher
asks, the class answers, the teacher reveals. Measured: answers counted at the end (target: all);
the time from the last answer written to the teacher's count first showing it (p50 / p95 / max
over rounds; target p95 ≤ 1.5 s); CPU per answer: the CPU time of every process of the set-up
(this one, the teacher's, redis-server) over the rounds, divided by the answers.

    python bench/answers.py [--students 60] [--window 5] [--rounds 10]
                            [--setups memory redis redis2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.topology import cpu_seconds, free_port, own_cpu, percentile, start_redis, stop  # noqa: E402
from ui.classroom.keeper import TICK_S  # noqa: E402
from ui.classroom.memory_store import MemoryRoomStore  # noqa: E402
from ui.classroom.redis_store import RedisRoomStore  # noqa: E402
from ui.classroom.rules import RoomError  # noqa: E402

RECORD = {"id": "sigma_peak", "kind": "tap", "options": [], "bounds": [-6.0, 6.0, -0.1, 0.3]}
SETUPS = {"memory": "memory store, teacher in the same process",
          "redis": "Redis, teacher in the same process",
          "redis2": "Redis, teacher in another process"}


class Teacher:
    """The teacher's live count: a read of the room's question every TICK_S; ``seen`` holds
    (time, qid, count) of every read whose count changed."""

    def __init__(self, store, code: str, echo: bool = False) -> None:
        self.store, self.code, self.echo = store, code, echo
        self.seen: list[tuple[float, str, int]] = []
        self.stop = threading.Event()
        self._last: tuple[str, int] | None = None
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self.stop.wait(TICK_S):
            self.read()

    def read(self) -> None:
        try:
            q = self.store.question(self.code)
        except RoomError:
            return
        now = time.time()
        if q is not None and (q["qid"], q["count"]) != self._last:
            self._last = (q["qid"], q["count"])
            self.seen.append((now, q["qid"], q["count"]))
            if self.echo:
                print(json.dumps([now, q["qid"], q["count"]]), flush=True)


class RemoteTeacher:
    """The teacher's live count in a child process (its own Redis store): its reads come back
    on its standard output."""

    def __init__(self, url: str, prefix: str, code: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--teacher", url, prefix, code],
            stdout=subprocess.PIPE, text=True, cwd=ROOT)
        self.seen: list[tuple[float, str, int]] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            t, qid, count = json.loads(line)
            self.seen.append((t, qid, count))

    def close(self) -> None:
        stop(self.proc)


def teacher_process(url: str, prefix: str, code: str) -> int:
    """The child process of RemoteTeacher: poll until killed."""
    Teacher(RedisRoomStore(url, prefix=prefix), code, echo=True)._loop()
    return 0


def student(store, code: str, who: str, delay: float, done: list, errors: list) -> None:
    """One student: wait delay s, read the control record, answer its question, read back."""
    time.sleep(delay)
    try:
        question = store.control(code)["question"]
        rng = random.Random(who)
        store.answer(code, who, question["qid"],
                     {"x": rng.uniform(-6.0, 6.0), "y": rng.uniform(-0.1, 0.3)})
        done.append(time.time())
        store.my_answer(code, who, question["qid"])
    except RoomError as err:
        errors.append(err.reason)


def round_(store, code: str, secret: str, teacher, students: int, window: float,
           rng: random.Random) -> dict:
    """One question: ask (at a random moment of the teacher's read cycle: rounds must not lock
    onto it), students answer, wait for the teacher's count, reveal."""
    time.sleep(rng.uniform(0, TICK_S))
    qid = store.ask(code, secret, RECORD)
    done: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=student, args=(store, code, f"student-{rng.random()}",
                                                      rng.uniform(0, window), done, errors))
               for _ in range(students)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    last = max(done) if done else time.time()
    deadline = time.time() + 4 * TICK_S + 2
    seen = None
    while time.time() < deadline and seen is None:
        seen = next((t for t, q, n in list(teacher.seen) if q == qid and n >= students), None)
        time.sleep(0.02)
    counted = store.answer_count(code, qid)
    store.reveal(code, secret, qid)
    return {"counted": counted, "written": len(done), "errors": errors,
            "delay_s": None if seen is None else max(0.0, seen - last)}


def run(setup: str, students: int, window: float, rounds: int, seed: int) -> dict:
    """Every round of one set-up; its numbers."""
    rng = random.Random(seed)
    redis_proc = url = None
    remote = None
    if setup == "memory":
        store = MemoryRoomStore()
    else:
        port = free_port()
        redis_proc = start_redis(port)
        url = f"redis://127.0.0.1:{port}/0"
        store = RedisRoomStore(url, prefix="bench:")
    try:
        code, secret = store.create()
        if setup == "redis2":
            remote = teacher = RemoteTeacher(url, "bench:", code)
            time.sleep(2.0)     # the child imports and connects
        else:
            teacher = Teacher(store, code)
            teacher.thread.start()
        pids = [p.pid for p in (redis_proc, remote and remote.proc) if p is not None]
        cpu0, own0, t0 = sum(map(cpu_seconds, pids)), own_cpu(), time.perf_counter()
        results = [round_(store, code, secret, teacher, students, window, rng)
                   for _ in range(rounds)]
        cpu = sum(map(cpu_seconds, pids)) - cpu0 + own_cpu() - own0
        wall = time.perf_counter() - t0
        if remote is None:
            teacher.stop.set()
    finally:
        if remote is not None:
            remote.close()
        if isinstance(store, RedisRoomStore):
            store.close()
        stop(redis_proc)
    delays = [r["delay_s"] for r in results if r["delay_s"] is not None]
    answers = sum(r["written"] for r in results)
    return {"setup": setup, "name": SETUPS[setup], "students": students, "window_s": window,
            "rounds": rounds, "counted": [r["counted"] for r in results],
            "errors": [e for r in results for e in r["errors"]][:20],
            "not_seen": sum(r["delay_s"] is None for r in results), "delays_s": delays,
            "p50_s": percentile(delays, 0.5), "p95_s": percentile(delays, 0.95),
            "max_s": max(delays) if delays else float("nan"),
            "cpu_s": cpu, "wall_s": wall, "answers": answers,
            "cpu_ms_per_answer": 1000 * cpu / max(1, answers)}


def table(rows: list[dict]) -> str:
    """The Markdown table of the set-ups."""
    out = ["| set-up | rounds | answers counted | last answer → teacher's count p50 | p95 | max "
           "| CPU per answer |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        full = sum(c == r["students"] for c in r["counted"])
        out.append(f"| {r['name']} | {r['rounds']} | {min(r['counted'])}–{max(r['counted'])} "
                   f"of {r['students']} ({full}/{r['rounds']} rounds complete) "
                   f"| {r['p50_s']:.2f} s | {r['p95_s']:.2f} s | {r['max_s']:.2f} s "
                   f"| {r['cpu_ms_per_answer']:.2f} ms |")
    return "\n".join(out)


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--teacher":
        return teacher_process(*sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=60)
    ap.add_argument("--window", type=float, default=5.0, help="seconds the class answers in")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--setups", nargs="+", default=list(SETUPS), choices=list(SETUPS))
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = [run(s, args.students, args.window, args.rounds, args.seed) for s in args.setups]
    print(f"{args.students} students answering one question within {args.window:g} s; the "
          f"teacher's count read every {TICK_S:g} s (its live fragment)\n")
    print(table(rows))
    for r in rows:
        if r["errors"] or r["not_seen"]:
            print(f"{r['name']}: errors {r['errors'][:5]}, rounds the teacher never saw "
                  f"complete: {r['not_seen']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    bad = any(r["errors"] or r["not_seen"] or min(r["counted"]) < r["students"] for r in rows)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
