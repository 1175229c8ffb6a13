"""One contract for both room stores: ui.rooms.MemoryRoomStore and ui.rooms_redis.RedisRoomStore.

Every test in the first part runs against both (the Redis one against a redis-server started on
a free loopback port for this module, from Debian's `redis-server` package; in CI a missing
redis-server is a failure, never a skip). The second part is what only a shared store does:
two stores on one Redis act as two app processes (a follower of one follows a room of the
other, a publish on one wakes the other), Redis's own expiry, and a Redis that cannot be reached.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
import time
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.topology import free_port, program, start_redis, stop
from ui import rooms
from ui.classroom import answers
from ui.classroom import rules as room_rules
from ui.classroom import store as store_module
from ui.classroom.rules import (MAX_ANSWER_BYTES, MAX_ANSWERS, MAX_QUESTIONS, MAX_SKETCH_POINTS,
                                SKETCH_STEPS)
from ui.rooms import (ALPHABET, CODE_LENGTH, FOLLOWER_STALE_S, IDLE_EXPIRY_S, MAX_CODE_LENGTH,
                      MAX_FOLLOWERS, MAX_ROOMS, MAX_STATE_BYTES, TEACHER_GRACE_S,
                      MemoryRoomStore, RoomError, valid_code)
from ui.classroom.waker import wake
from ui.rooms_redis import ENV_URL, UNAVAILABLE, RedisRoomStore, store_from_env

VIEW = {"page": "explorer", "params": {"p_leaky_relu_negative_slope": ["0.3"]}}
OTHER = {"page": "descent", "params": {"lr": ["0.5"]}}


def _require_redis() -> None:
    if program("redis-server"):
        return
    if os.environ.get("CI"):
        pytest.fail("redis-server is required in CI (apt-get install redis-server)")
    pytest.skip("redis-server is not installed (apt-get install redis-server)")


class Clock:
    """A settable clock (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def redis_url():
    """redis://127.0.0.1:<free port>/0 of a redis-server living as long as this module."""
    _require_redis()
    port = free_port()
    proc = start_redis(port)
    yield f"redis://127.0.0.1:{port}/0"
    stop(proc)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["memory", "redis"])
def make(request, clock):
    """make(**bounds) -> a fresh store of the parametrised kind on the test's clock (each Redis
    store of a test shares one key prefix: they are processes of one deployment)."""
    made = []
    prefix = f"t{uuid.uuid4().hex[:8]}:"

    def factory(**kw):
        if request.param == "memory":
            return MemoryRoomStore(clock=clock, **kw)
        store = RedisRoomStore(request.getfixturevalue("redis_url"), clock=clock,
                               prefix=prefix, **kw)
        made.append(store)
        return store

    yield factory
    for store in made:
        store.close()


@pytest.fixture
def store(make):
    return make()


def reason(call) -> str:
    with pytest.raises(RoomError) as err:
        call()
    return err.value.reason


# ---------------------------------------------------------------------------- the contract

def test_codes_are_short_distinct_and_from_the_alphabet(store):
    codes = [store.create()[0] for _ in range(MAX_ROOMS)]
    assert len(set(codes)) == MAX_ROOMS
    for code in codes:
        assert CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH
        assert set(code) <= set(ALPHABET) and valid_code(code)
    assert reason(store.create) == "too_many_rooms"
    assert len(store) == MAX_ROOMS


def test_versions_grow_with_each_change_only(store):
    code, secret = store.create()
    assert store.version(code) == 0
    assert store.read(code) == (0, {})
    assert store.publish(code, secret, VIEW) == 1
    assert store.publish(code, secret, VIEW) == 1   # the same view again: no new version
    assert store.publish(code, secret, OTHER) == 2
    assert store.read(code) == (2, OTHER)
    assert store.version(code) == 2


def test_read_returns_a_copy_and_codes_ignore_case(store):
    code, secret = store.create()
    store.publish(code, secret, VIEW)
    _, state = store.read(code)
    state["params"]["p_leaky_relu_negative_slope"] = ["9"]
    assert store.read(code) == (1, VIEW)
    assert store.read(f" {code.lower()[:2]}-{code.lower()[2:]} ") == (1, VIEW)


def test_only_the_secret_publishes_touches_or_ends(store):
    code, secret = store.create()
    other_code, other_secret = store.create()
    store.publish(code, secret, VIEW)
    for wrong in ("", "x", other_secret, secret[:-1], secret + "x", secret.upper()):
        if wrong == secret:
            continue
        assert reason(lambda: store.publish(code, wrong, OTHER)) == "forbidden"
        assert reason(lambda: store.touch(code, wrong)) == "forbidden"
        assert reason(lambda: store.end(code, wrong)) == "forbidden"
    assert store.read(code) == (1, VIEW)
    store.end(code, secret)
    assert reason(lambda: store.read(code)) == "unknown"
    assert reason(lambda: store.end(code, secret)) == "unknown"
    assert store.version(other_code) == 0


def test_unknown_codes(store):
    for call in (lambda: store.read("AAAA"), lambda: store.version("AAAA"),
                 lambda: store.join("AAAA", "s1"), lambda: store.followers("AAAA"),
                 lambda: store.publish("AAAA", "x", VIEW), lambda: store.touch("AAAA", "x")):
        assert reason(call) == "unknown"
    store.leave("AAAA", "s1")   # no error


def test_a_room_lapses_after_the_teachers_grace_time(store, clock):
    code, secret = store.create()
    clock.now += TEACHER_GRACE_S - 1
    store.publish(code, secret, VIEW)            # a publish renews the grace time
    clock.now += TEACHER_GRACE_S - 1
    store.touch(code, secret)                    # so does the teacher's heartbeat
    clock.now += TEACHER_GRACE_S - 1
    assert store.read(code) == (1, VIEW)         # reading is not the teacher's sign of life
    store.join(code, "s1")                       # nor is a follower joining
    clock.now += 2
    assert reason(lambda: store.read(code)) == "unknown"
    assert reason(lambda: store.publish(code, secret, VIEW)) == "unknown"


def test_rooms_expire_after_three_hours_without_a_change(store, clock):
    code, secret = store.create()
    store.publish(code, secret, VIEW)
    for _ in range(int(IDLE_EXPIRY_S // (TEACHER_GRACE_S / 2))):
        clock.now += TEACHER_GRACE_S / 2
        store.touch(code, secret)                # the teacher is there, nothing changes
        store.publish(code, secret, VIEW)        # the same view: no change
    clock.now += TEACHER_GRACE_S / 2
    assert reason(lambda: store.touch(code, secret)) == "unknown"


def test_sweep_drops_expired_rooms_and_frees_places(store, clock):
    made = [store.create() for _ in range(MAX_ROOMS)]
    assert reason(store.create) == "too_many_rooms"
    clock.now += TEACHER_GRACE_S / 2
    store.publish(*made[0], VIEW)
    clock.now += TEACHER_GRACE_S / 2 + 1
    assert store.sweep() == MAX_ROOMS - 1
    assert len(store) == 1
    store.create()                               # places are free again
    assert len(store) == 2
    assert store.read(made[0][0]) == (1, VIEW)


def test_expired_rooms_free_places_without_a_sweep(store, clock):
    for _ in range(MAX_ROOMS):
        store.create()
    clock.now += TEACHER_GRACE_S + 1
    store.create()                               # create drops lapsed rooms itself
    assert len(store) == 1


def test_limits_count_within_a_window_and_say_how_long_to_wait(store, clock):
    assert store.take("k", 3, 60.0, cost=0) == 0.0   # only asks
    for _ in range(3):
        assert store.take("k", 3, 60.0) == 0.0
    clock.now += 20
    assert store.take("k", 3, 60.0) == pytest.approx(40.0, abs=0.01)
    assert store.take("k", 3, 60.0, cost=0) == pytest.approx(40.0, abs=0.01)
    assert store.take("other", 3, 60.0) == 0.0       # keys are separate
    clock.now += 40
    assert store.take("k", 3, 60.0) == 0.0           # a new window
    assert store.take("x" * 100_000, 1, 60.0) == 0.0  # any key costs the same


def test_an_ended_room_frees_its_place(store):
    made = [store.create() for _ in range(MAX_ROOMS)]
    store.end(*made[3])
    store.create()
    assert len(store) == MAX_ROOMS


def test_followers_are_bounded_counted_and_refreshed(store):
    code, _ = store.create()
    for i in range(MAX_FOLLOWERS):
        assert store.join(code, f"s{i}") == i + 1
    assert store.join(code, "s0") == MAX_FOLLOWERS   # a known follower refreshes
    assert reason(lambda: store.join(code, "new")) == "full"
    store.leave(code, "s1")
    assert store.join(code, "new") == MAX_FOLLOWERS
    store.leave(code, "never-joined")               # no error
    assert sorted(store.followers(code)) == sorted(
        [f"s{i}" for i in range(MAX_FOLLOWERS) if i != 1] + ["new"])


def test_stale_followers_stop_counting(make, clock):
    store = make(max_followers=2, follower_stale=60)
    code, _ = store.create()
    store.join(code, "a")
    store.join(code, "b")
    clock.now += 30
    store.join(code, "b")
    clock.now += 31                                  # a: 61 s unseen, b: 31 s
    assert store.followers(code) == ["b"]
    assert store.join(code, "c") == 2
    assert FOLLOWER_STALE_S == 600.0


def test_the_teacher_holds_the_class_with_a_mode_and_a_view_epoch(store, clock):
    code, secret = store.create()
    assert store.control(code) == {"version": 0, "mode": "follow", "epoch": 0, "away": 0.0,
                                   "question": None}
    assert store.command(code, secret, mode="free") == 1        # a change is a new version
    assert store.command(code, secret, mode="free") == 1        # the same mode: no change
    assert store.command(code, secret, back=True) == 2          # back to my view: epoch + 1
    assert store.command(code, secret, mode="pause", back=True) == 3
    clock.now += 7
    assert store.control(code) == {"version": 3, "mode": "pause", "epoch": 2, "away": 7.0,
                                   "question": None}
    assert store.publish(code, secret, VIEW) == 4               # one version line for both
    assert store.read(code) == (4, VIEW)
    assert store.control(code)["away"] == 0.0                   # a publish is a sign of life
    assert reason(lambda: store.command(code, "wrong", mode="free")) == "forbidden"
    assert store.control(code)["mode"] == "pause"
    with pytest.raises(ValueError):
        store.command(code, secret, mode="dance")
    store.end(code, secret)
    assert reason(lambda: store.control(code)) == "unknown"
    assert reason(lambda: store.command(code, secret, mode="free")) == "unknown"


def test_the_roster_keeps_each_followers_status_and_last_sign(make, clock):
    store = make(max_followers=3, follower_stale=60)
    code, _ = store.create()
    store.join(code, "a")
    store.join(code, "b", status="exploring")
    clock.now += 5
    store.join(code, "c", status="nonsense")                    # unknown statuses: following
    assert sorted(store.roster(code)) == [("a", "following", 5.0), ("b", "exploring", 5.0),
                                          ("c", "following", 0.0)]
    store.join(code, "b")                                       # back with the class
    store.leave(code, "a")
    assert sorted(store.roster(code)) == [("b", "following", 0.0), ("c", "following", 0.0)]
    clock.now += 61                                             # every one stale
    store.join(code, "d", status="exploring")
    assert store.roster(code) == [("d", "exploring", 0.0)]
    for i in range(2):
        store.join(code, f"e{i}")
    assert reason(lambda: store.join(code, "x", status="exploring")) == "full"
    assert len(store.roster(code)) == 3                        # bounded like the followers


def test_state_size_is_bounded(store):
    code, secret = store.create()
    big = {"page": "explorer", "params": {"pts": ["1" * MAX_STATE_BYTES]}}
    assert reason(lambda: store.publish(code, secret, big)) == "too_big"
    assert store.version(code) == 0


def test_concurrent_publishes_lose_no_version(store):
    code, secret = store.create()

    def worker(k: int) -> None:
        for i in range(50):
            store.publish(code, secret, {"page": "p", "params": {"k": [f"{k}-{i}"]}})

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert store.version(code) == 200


def test_concurrent_creates_keep_the_room_bound(make):
    stores = [make() for _ in range(3)]     # Redis: three processes; memory: three stores
    made: list[str] = []
    lock = threading.Lock()

    def worker(store) -> None:
        for _ in range(30):
            try:
                code, _ = store.create()
            except RoomError as err:
                assert err.reason == "too_many_rooms"
                continue
            with lock:
                made.append(code)

    threads = [threading.Thread(target=worker, args=(s,)) for s in stores]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if isinstance(stores[0], RedisRoomStore):    # one shared bound
        assert len(made) == len(set(made)) == MAX_ROOMS == len(stores[0])
    else:                                        # one bound per process
        assert [len(s) for s in stores] == [30, 30, 30]


# ---------------------------------------------------------------------------- Redis only

@pytest.fixture
def pair(redis_url, clock):
    """Two Redis stores on one Redis, as two app processes see it."""
    prefix = f"p{uuid.uuid4().hex[:8]}:"
    a = RedisRoomStore(redis_url, clock=clock, prefix=prefix)
    b = RedisRoomStore(redis_url, clock=clock, prefix=prefix)
    yield a, b
    a.close()
    b.close()


def test_a_follower_on_one_process_follows_a_room_of_another(pair):
    a, b = pair
    code, secret = a.create()
    assert b.join(code, "student") == 1
    a.publish(code, secret, VIEW)
    assert b.read(code) == (1, VIEW)
    assert a.followers(code) == ["student"] and a.local_followers(code) == []
    assert b.local_followers(code) == ["student"]
    a.leave(code, "student")            # the teacher's process cannot see that session: no-op
    assert a.followers(code) == ["student"]
    b.leave(code, "student")            # its own process counts it out
    assert a.followers(code) == []
    assert reason(lambda: b.publish(code, "not the secret", OTHER)) == "forbidden"
    assert b.publish(code, secret, OTHER) == 2     # the secret works from any process
    b.end(code, secret)
    assert reason(lambda: a.version(code)) == "unknown"


def test_redis_holds_only_a_digest_of_the_secret(pair):
    a, _ = pair
    code, secret = a.create()
    stored = a._r.hgetall(f"{a.prefix}room:{code}")
    assert secret not in stored.values()
    assert stored["secret"] == hashlib.sha256(secret.encode()).hexdigest()


def test_redis_expires_rooms_itself(redis_url, pair, clock):
    a, _ = pair
    code, secret = a.create()
    a.join(code, "s")
    room, members = f"{a.prefix}room:{code}", f"{a.prefix}room:{code}:f"
    for key in (room, members):
        assert 0 < a._r.pttl(key) <= TEACHER_GRACE_S * 1000
    quick = RedisRoomStore(redis_url, clock=clock, prefix=a.prefix, grace=0.3)
    code2, secret2 = quick.create()
    quick.publish(code2, secret2, VIEW)
    deadline = time.time() + 10
    while a._r.exists(f"{a.prefix}room:{code2}") and time.time() < deadline:
        time.sleep(0.05)
    assert not a._r.exists(f"{a.prefix}room:{code2}")   # gone from Redis, nobody swept it
    assert reason(lambda: quick.read(code2)) == "unknown"
    assert a.read(code) == (0, {})                       # the long-lived room is untouched


def test_a_publish_wakes_followers_of_other_processes_only(redis_url, clock):
    prefix = f"w{uuid.uuid4().hex[:8]}:"
    woken: dict[str, list] = {"a": [], "b": []}
    seen = threading.Event()

    def waker(name):
        def wake(view, code):
            woken[name].append((code, view.followers(code)))
            seen.set()
        return wake

    a = RedisRoomStore(redis_url, clock=clock, prefix=prefix, waker=waker("a"))
    b = RedisRoomStore(redis_url, clock=clock, prefix=prefix, waker=waker("b"))
    try:
        code, secret = a.create()
        a.join(code, "on-a")          # a's own follower: a wakes it itself (ui.classroom)
        b.join(code, "on-b")          # starts b's listener
        deadline = time.time() + 10
        while time.time() < deadline:  # the listener subscribes in its own thread
            if a._r.pubsub_numsub(b.channel)[0][1] >= 2:
                break
            time.sleep(0.05)
        a.publish(code, secret, VIEW)
        assert seen.wait(10)
        a.publish(code, secret, VIEW)  # no change, no wake
        seen.clear()
        b.publish(code, secret, OTHER)  # published from b's process: a's follower is woken
        assert seen.wait(10)
        time.sleep(0.3)
        assert woken["b"] == [(code, ["on-b"])]   # only b's own follower, once
        assert woken["a"] == [(code, ["on-a"])]
    finally:
        a.close()
        b.close()


def test_an_unreachable_redis_is_reported_not_raised_or_waited_on(redis_url):
    port = free_port()   # nothing listens there
    store = RedisRoomStore(f"redis://127.0.0.1:{port}/0", waker=lambda *_: None)
    calls = (store.create, lambda: store.version("AAAA"), lambda: store.read("AAAA"),
             lambda: store.publish("AAAA", "s", VIEW), lambda: store.join("AAAA", "f"),
             lambda: store.followers("AAAA"),
             lambda: store.end("AAAA", "s"), lambda: store.touch("AAAA", "s"), store.sweep,
             lambda: len(store), lambda: store.take("k", 1, 1.0))
    for call in calls:
        assert reason(call) == UNAVAILABLE
    assert store.ping() is False
    store.leave("AAAA", "f")   # never joined here: nothing to count out, no Redis call
    assert reason(lambda: RedisRoomStore("not a url").version("AAAA")) == UNAVAILABLE


def test_the_store_recovers_when_redis_comes_back():
    _require_redis()
    port = free_port()
    proc = start_redis(port)
    store = RedisRoomStore(f"redis://127.0.0.1:{port}/0", retry_after=0.0)
    try:
        code, secret = store.create()
        stop(proc)
        assert reason(lambda: store.publish(code, secret, VIEW)) == UNAVAILABLE
        proc = start_redis(port)
        assert reason(lambda: store.read(code)) == "unknown"   # nothing kept on disk
        code, secret = store.create()
        assert store.publish(code, secret, VIEW) == 1
    finally:
        stop(proc)


def test_room_store_chooses_redis_only_when_the_variable_is_set(redis_url, monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    assert store_from_env() is None
    monkeypatch.setattr(store_module, "_STORE", None)
    assert isinstance(rooms.room_store(), MemoryRoomStore)
    monkeypatch.setenv(ENV_URL, redis_url)
    monkeypatch.setattr(store_module, "_STORE", None)
    chosen = rooms.room_store()
    try:
        assert isinstance(chosen, RedisRoomStore) and chosen is rooms.room_store()
        assert chosen.ping() is True
        assert chosen._wake._waker is wake            # the waker is given, not imported
    finally:
        chosen.close()


# ---------------------------------------------------------------------------- questions and answers

TAP = {"id": "sigma_peak", "kind": "tap", "options": [], "bounds": [-6.0, 6.0, -0.1, 0.3]}
CHOOSE = {"id": "xor_first", "kind": "choose", "options": ["relu", "tanh", "sigmoid"],
          "bounds": None}
NUMBER = {"id": "dsigma0", "kind": "number", "options": [], "bounds": [0.0, 1.0]}
FREE_NUMBER = {"id": "steps", "kind": "number", "options": [], "bounds": None}
SKETCH = {"id": "draw_df", "kind": "sketch", "options": [], "bounds": [-4.0, 4.0, -1.5, 1.5]}
GOOD = {"tap": {"x": 0.5, "y": 0.2}, "choose": {"choice": "tanh"}, "number": {"value": 0.25},
        "sketch": {"points": [[-4.0, 0.0], [0.0, 0.3], [4.0, 1.5]]}}
RECORDS = {"tap": TAP, "choose": CHOOSE, "number": NUMBER, "sketch": SKETCH}
NAN, INF = float("nan"), float("inf")
BAD = {
    "tap": [{"x": NAN, "y": 0.0}, {"x": 0.0, "y": INF}, {"x": -INF, "y": 0.0},
            {"x": 6.01, "y": 0.0}, {"x": -7, "y": 0.0}, {"x": 0.0, "y": 0.31},
            {"x": 0.0, "y": -0.2}, {"x": 0.0}, {"y": 0.0}, {"x": 0.0, "y": 0.0, "z": 1},
            {"x": "0.5", "y": 0.1}, {"x": True, "y": 0.1}, {"x": None, "y": 0.1},
            {"x": [0.5], "y": 0.1}, {"question": "sigma_peak", "x": 0.5, "y": 0.1},
            {"point": [0.5, 0.1]}, {}, [0.5, 0.1], "0.5,0.1", None, 3],
    "choose": [{"choice": "gelu"}, {"choice": "TANH"}, {"choice": ""}, {"choice": 1},
               {"choice": ["tanh"]}, {"choice": None}, {"choice": "tanh", "also": "relu"},
               {"value": "tanh"}, {}, "tanh", {"choice": "tanh" * 1000}],
    "number": [{"value": NAN}, {"value": INF}, {"value": -INF}, {"value": 1.5},
               {"value": -0.01}, {"value": "0.25"}, {"value": False}, {"value": None},
               {"value": [0.25]}, {"value": 0.25, "unit": "x"}, {"number": 0.25}, {}, 0.25],
    "sketch": [{"points": []}, {"points": [[0.0, 0.0]] * 65},
               {"points": [[x / 10, 0.0] for x in range(-40, 40)]},
               {"points": [[0.0, NAN]]}, {"points": [[INF, 0.0]]}, {"points": [[4.5, 0.0]]},
               {"points": [[0.0, 1.6]]}, {"points": [[0.0, 0.0, 0.0]]}, {"points": [[0.0]]},
               {"points": [0.0, 0.0]}, {"points": [["0", "0"]]}, {"points": "[[0,0]]"},
               {"points": [[0.0, 0.0]], "closed": True}, {"curve": [[0.0, 0.0]]}, {}],
}


def test_a_question_is_asked_answered_ended_and_revealed(store, clock):
    code, secret = store.create()
    assert store.question(code) is None
    qid = store.ask(code, secret, TAP)
    assert isinstance(qid, str) and len(qid) == 16
    asked = {"qid": qid, "id": "sigma_peak", "kind": "tap", "status": "open", "count": 0,
             "record": TAP}
    assert store.question(code) == asked
    assert store.control(code)["question"] == asked        # a follower learns of it at once
    assert store.answer(code, "s1", qid, {"x": 0.5, "y": 0.2}) == 1
    assert store.answer(code, "s2", qid, {"x": -1, "y": 0}) == 2
    assert store.answer(code, "s1", qid, {"x": 0.0, "y": 0.25}) == 2   # replaces s1's answer
    assert store.answer_count(code, qid) == 2
    assert store.question(code)["count"] == store.control(code)["question"]["count"] == 2
    assert store.my_answer(code, "s1", qid) == {"x": 0.0, "y": 0.25}
    assert store.my_answer(code, "s3", qid) is None
    assert store.answers(code, secret, qid) == [{"x": -1.0, "y": 0.0}, {"x": 0.0, "y": 0.25}]
    store.end_question(code, secret, qid)
    assert store.question(code)["status"] == "closed"
    assert reason(lambda: store.answer(code, "s3", qid, {"x": 1, "y": 0})) == "closed"
    assert reason(lambda: store.answer(code, "s1", qid, {"x": 1, "y": 0})) == "closed"
    assert store.my_answer(code, "s1", qid) == {"x": 0.0, "y": 0.25}   # nothing written
    store.end_question(code, secret, qid)                  # ending twice changes nothing
    store.reveal(code, secret, qid)
    assert store.question(code)["status"] == "revealed"
    store.end_question(code, secret, qid)                  # a revealed question stays revealed
    assert store.question(code) == {**asked, "status": "revealed", "count": 2}
    assert reason(lambda: store.answer(code, "s3", qid, {"x": 1, "y": 0})) == "closed"
    assert len(store.answers(code, secret, qid)) == 2     # the answers stay for the reveal
    assert store.control(code)["version"] == 0             # questions are not a new view


def test_revealing_an_open_question_ends_it(store):
    code, secret = store.create()
    qid = store.ask(code, secret, NUMBER)
    store.answer(code, "s1", qid, {"value": 0.25})
    store.reveal(code, secret, qid)
    assert store.question(code)["status"] == "revealed"
    assert reason(lambda: store.answer(code, "s2", qid, {"value": 0.3})) == "closed"
    assert store.answers(code, secret, qid) == [{"value": 0.25}]


def test_a_new_question_closes_the_open_one_and_answers_are_per_question(store):
    code, secret = store.create()
    first = store.ask(code, secret, CHOOSE)
    store.answer(code, "s1", first, {"choice": "relu"})
    second = store.ask(code, secret, NUMBER)
    assert second != first
    assert store.question(code)["qid"] == second and store.question(code)["count"] == 0
    assert reason(lambda: store.answer(code, "s2", first, {"choice": "tanh"})) == "closed"
    assert store.answer(code, "s1", second, {"value": 0.5}) == 1     # the same student again
    assert store.answers(code, secret, first) == [{"choice": "relu"}]
    assert store.answers(code, secret, second) == [{"value": 0.5}]
    assert store.my_answer(code, "s1", first) == {"choice": "relu"}
    assert store.my_answer(code, "s1", second) == {"value": 0.5}


def test_every_kind_takes_its_answer_and_reads_it_back(store):
    code, secret = store.create()
    for kind, record in RECORDS.items():
        qid = store.ask(code, secret, record)
        assert store.answer(code, "s", qid, GOOD[kind]) == 1
        assert store.my_answer(code, "s", qid) == GOOD[kind]
        assert store.answers(code, secret, qid) == [GOOD[kind]]
    qid = store.ask(code, secret, FREE_NUMBER)        # no bounds: any finite number
    store.answer(code, "s", qid, {"value": -1e300})
    assert store.answers(code, secret, qid) == [{"value": -1e300}]


def test_only_the_teachers_secret_asks_ends_reveals_or_reads_the_answers(store):
    code, secret = store.create()
    _, other_secret = store.create()
    qid = store.ask(code, secret, TAP)
    store.answer(code, "s1", qid, {"x": 0.5, "y": 0.2})
    for wrong in ("", "x", other_secret, secret[:-1], secret + "x", secret.upper()):
        assert reason(lambda: store.ask(code, wrong, CHOOSE)) == "forbidden"
        assert reason(lambda: store.end_question(code, wrong, qid)) == "forbidden"
        assert reason(lambda: store.reveal(code, wrong, qid)) == "forbidden"
        assert reason(lambda: store.answers(code, wrong, qid)) == "forbidden"
        assert reason(lambda: store.answers(code, wrong, "0" * 16)) == "forbidden"
    assert store.question(code)["qid"] == qid and store.question(code)["status"] == "open"
    assert store.answers(code, secret, qid) == [{"x": 0.5, "y": 0.2}]
    for call in (lambda: store.ask("AAAAAAA", secret, TAP),
                 lambda: store.question("AAAAAAA"),
                 lambda: store.answer("AAAAAAA", "s", qid, {"x": 0, "y": 0}),
                 lambda: store.answers("AAAAAAA", secret, qid),
                 lambda: store.my_answer("AAAAAAA", "s", qid),
                 lambda: store.answer_count("AAAAAAA", qid),
                 lambda: store.end_question("AAAAAAA", secret, qid),
                 lambda: store.reveal("AAAAAAA", secret, qid)):
        assert reason(call) == "unknown"


FORGED = ["0" * 16, "f" * 16, "F" * 16, "0" * 15, "0" * 17, "", "../../x", "none", "*",
          "r:x", "a" * 100_000, None, 7, ["x"], {"qid": "x"}]


def test_forged_question_ids_are_refused_and_write_nothing(store):
    code, secret = store.create()
    other_code, other_secret = store.create()
    foreign = store.ask(other_code, other_secret, TAP)     # a real id, of another room
    qid = store.ask(code, secret, TAP)
    store.answer(code, "s1", qid, {"x": 0.5, "y": 0.2})
    for forged in [*FORGED, foreign, qid.upper(), qid[::-1]]:
        if forged == qid:
            continue
        assert reason(lambda: store.answer(code, "s2", forged, {"x": 1, "y": 0})) \
            == "no_question"
        assert reason(lambda: store.answers(code, secret, forged)) == "no_question"
        assert reason(lambda: store.end_question(code, secret, forged)) == "no_question"
        assert reason(lambda: store.reveal(code, secret, forged)) == "no_question"
        assert reason(lambda: store.answer_count(code, forged)) == "no_question"
        assert store.my_answer(code, "s1", forged) is None
    assert store.question(code) == {"qid": qid, "id": "sigma_peak", "kind": "tap",
                                    "status": "open", "count": 1, "record": TAP}
    assert store.answer_count(other_code, foreign) == 0
    assert store.question(other_code)["status"] == "open"


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_answers_are_refused_and_write_nothing(store, kind):
    code, secret = store.create()
    qid = store.ask(code, secret, RECORDS[kind])
    assert store.answer(code, "s1", qid, GOOD[kind]) == 1
    for bad in BAD[kind]:
        for who in ("s1", "s2"):
            assert reason(lambda: store.answer(code, who, qid, bad)) == "bad_answer", bad
    assert store.answer_count(code, qid) == 1
    assert store.my_answer(code, "s1", qid) == GOOD[kind]       # the good answer stays
    assert store.my_answer(code, "s2", qid) is None
    assert store.answers(code, secret, qid) == [GOOD[kind]]


def test_a_bad_answer_to_a_closed_question_is_still_a_bad_answer(store):
    code, secret = store.create()
    qid = store.ask(code, secret, NUMBER)
    store.end_question(code, secret, qid)
    assert reason(lambda: store.answer(code, "s", qid, {"value": NAN})) == "bad_answer"
    assert reason(lambda: store.answer(code, "s", qid, {"value": 0.5})) == "closed"


def test_at_most_200_answers_per_question_and_replacing_one_still_works(store):
    code, secret = store.create()
    qid = store.ask(code, secret, NUMBER)
    for i in range(MAX_ANSWERS):
        assert store.answer(code, f"s{i}", qid, {"value": i / MAX_ANSWERS}) == i + 1
    assert reason(lambda: store.answer(code, "late", qid, {"value": 0.5})) == "too_many_answers"
    assert store.my_answer(code, "late", qid) is None
    assert store.answer(code, "s7", qid, {"value": 1.0}) == MAX_ANSWERS   # a change of mind
    values = sorted(a["value"] for a in store.answers(code, secret, qid))
    assert len(values) == MAX_ANSWERS and values[-1] == 1.0 and 7 / MAX_ANSWERS not in values
    second = store.ask(code, secret, NUMBER)                # the bound is per question
    assert store.answer(code, "late", second, {"value": 0.5}) == 1


def test_at_most_20_questions_are_kept_per_room(store):
    code, secret = store.create()
    qids = []
    for i in range(MAX_QUESTIONS + 3):
        qids.append(store.ask(code, secret, {**CHOOSE, "id": f"q{i}"}))
        store.end_question(code, secret, qids[-1])
    assert len(set(qids)) == len(qids)
    for dropped in qids[:3]:                                # the oldest go, answers and all
        assert reason(lambda: store.answers(code, secret, dropped)) == "no_question"
        assert reason(lambda: store.reveal(code, secret, dropped)) == "no_question"
    for kept in qids[3:]:
        store.reveal(code, secret, kept)
        assert store.answers(code, secret, kept) == []
    assert store.question(code)["qid"] == qids[-1]
    assert store.question(code)["id"] == f"q{MAX_QUESTIONS + 2}"


def test_question_records_are_checked(store):
    code, secret = store.create()
    for record in ({**TAP, "kind": "draw"}, {**TAP, "bounds": [0, 1]},
                   {**TAP, "bounds": [1.0, 0.0, 0.0, 1.0]}, {**TAP, "bounds": [0, NAN, 0, 1]},
                   {**SKETCH, "bounds": None}, {**CHOOSE, "options": ["only"]},
                   {**CHOOSE, "options": ["a", "a"]}, {**CHOOSE, "bounds": [0, 1]},
                   {**NUMBER, "bounds": [0, 1, 2, 3]}, {**TAP, "id": ""}, {**TAP, "id": 3},
                   "tap", None):
        with pytest.raises(ValueError):
            store.ask(code, secret, record)
    assert store.question(code) is None                     # nothing asked


def test_sketches_of_64_points_fit_1_kb_on_any_chart(store):
    code, secret = store.create()
    for bounds in ([-4.0, 4.0, -1.5, 1.5], [-0.2, 0.0, -0.3, -0.1],
                   [-5000.0, 5000.0, -1234.5, 999.9], [1e6, 1e6 + 1, -1e-6, 0.0]):
        qid = store.ask(code, secret, {**SKETCH, "bounds": bounds})
        x0, x1, y0, y1 = bounds
        points = [[x0 + (x1 - x0) * i / 63, y0 + (y1 - y0) * ((i * 37) % 64) / 63 * 0.999]
                  for i in range(64)]
        store.answer(code, "s", qid, {"points": points})
        kept = store.my_answer(code, "s", qid)["points"]
        assert len(kept) == MAX_SKETCH_POINTS
        for (x, y), (kx, ky) in zip(points, kept):          # within one grid step
            assert abs(kx - x) <= (x1 - x0) / SKETCH_STEPS and x0 <= kx <= x1
            assert abs(ky - y) <= (y1 - y0) / SKETCH_STEPS and y0 <= ky <= y1
        assert len(answers.pack(answers.check_record({**SKETCH, "bounds": bounds}),
                                {"points": points})) <= MAX_ANSWER_BYTES


def test_an_answer_over_1_kb_is_refused(store, monkeypatch):
    code, secret = store.create()
    qid = store.ask(code, secret, SKETCH)
    monkeypatch.setattr(room_rules, "MAX_ANSWER_BYTES", 60)
    assert reason(lambda: store.answer(code, "s", qid, {"points": [[0, 0]] * 10})) \
        == "bad_answer"
    assert store.answer(code, "s", qid, {"points": [[0, 0]] * 2}) == 1
    assert MAX_ANSWER_BYTES == 1024


def test_answers_are_listed_in_an_order_that_does_not_tell_who(make):
    lists = []
    for order in (["a", "b", "c", "d"], ["d", "c", "b", "a"], ["c", "a", "d", "b"]):
        store = make()
        code, secret = store.create()
        qid = store.ask(code, secret, CHOOSE)
        for who, choice in zip(order, ["relu", "tanh", "tanh", "sigmoid"]):
            store.answer(code, who, qid, {"choice": choice})
        lists.append(store.answers(code, secret, qid))
        assert all(set(a) == {"choice"} for a in lists[-1])   # no who in an answer
    assert lists[0] == lists[1] == lists[2]


def test_questions_and_answers_expire_with_the_room(store, clock):
    code, secret = store.create()
    qid = store.ask(code, secret, TAP)
    store.answer(code, "s1", qid, {"x": 0.5, "y": 0.2})
    clock.now += TEACHER_GRACE_S - 1
    store.touch(code, secret)
    assert store.answers(code, secret, qid) == [{"x": 0.5, "y": 0.2}]   # the room lives on
    clock.now += TEACHER_GRACE_S + 1
    for call in (lambda: store.question(code), lambda: store.answers(code, secret, qid),
                 lambda: store.answer(code, "s2", qid, {"x": 0, "y": 0}),
                 lambda: store.my_answer(code, "s1", qid), lambda: store.control(code),
                 lambda: store.ask(code, secret, TAP)):
        assert reason(call) == "unknown"


def test_ending_the_room_ends_its_questions(store):
    code, secret = store.create()
    qid = store.ask(code, secret, TAP)
    store.answer(code, "s1", qid, {"x": 0.5, "y": 0.2})
    store.end(code, secret)
    assert reason(lambda: store.question(code)) == "unknown"
    assert reason(lambda: store.answer(code, "s1", qid, {"x": 0, "y": 0})) == "unknown"


def test_many_students_answering_at_once_are_all_counted(make):
    stores = [make() for _ in range(3)]         # Redis: three processes of one deployment
    code, secret = stores[0].create()
    shared = isinstance(stores[0], RedisRoomStore)
    qid = stores[0].ask(code, secret, TAP)
    errors: list[str] = []

    def student(k: int) -> None:
        store = stores[k % 3] if shared else stores[0]
        try:
            for i in range(3):                   # two changes of mind each
                store.answer(code, f"s{k}", qid, {"x": (k % 12) - 6 + i / 10, "y": 0.1})
        except RoomError as err:                 # pragma: no cover - reported below
            errors.append(err.reason)

    threads = [threading.Thread(target=student, args=(k,)) for k in range(60)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert stores[0].answer_count(code, qid) == 60
    answers_ = stores[0].answers(code, secret, qid)      # each student's last answer
    assert sorted(a["x"] for a in answers_) == sorted((k % 12) - 6 + 2 / 10 for k in range(60))


def test_the_answer_bound_holds_under_contention(make):
    stores = [make() for _ in range(3)]
    shared = isinstance(stores[0], RedisRoomStore)
    code, secret = stores[0].create()
    qid = stores[0].ask(code, secret, NUMBER)
    counted: list[int] = []
    refused: list[str] = []
    lock = threading.Lock()

    def student(k: int) -> None:
        store = stores[k % 3] if shared else stores[0]
        try:
            n = store.answer(code, f"s{k}", qid, {"value": 0.5})
        except RoomError as err:
            with lock:
                refused.append(err.reason)
        else:
            with lock:
                counted.append(n)

    threads = [threading.Thread(target=student, args=(k,)) for k in range(MAX_ANSWERS + 40)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(counted) == MAX_ANSWERS and refused == ["too_many_answers"] * 40
    assert sorted(counted) == list(range(1, MAX_ANSWERS + 1))   # every count given once
    assert stores[0].answer_count(code, qid) == MAX_ANSWERS


# ---------------------------------------------------------------------------- answers: any input

_finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def _any_payload(kind: str):
    """Anything a client could send for kind: right keys with any values, any JSON."""
    keys = {"tap": ["x", "y"], "choose": ["choice"], "number": ["value"], "sketch": ["points"]}
    value = _json | st.floats() | st.lists(st.lists(st.floats(), max_size=3), max_size=70)
    return st.one_of(_json, st.fixed_dictionaries({k: value for k in keys[kind]}),
                     st.dictionaries(st.sampled_from([*keys[kind], "z"]), value, max_size=3))


@pytest.mark.parametrize("kind", sorted(RECORDS))
@given(data=st.data())
def test_any_payload_is_either_kept_within_the_rules_or_refused(kind, data):
    record = answers.check_record(RECORDS[kind])
    payload = data.draw(_any_payload(kind))
    try:
        text = answers.pack(record, payload)
    except RoomError as err:
        assert err.reason == "bad_answer"
        return
    kept = answers.unpack(record, text)
    assert len(text.encode()) <= MAX_ANSWER_BYTES
    assert set(kept) == set(payload)
    if kind == "choose":
        assert kept["choice"] in record["options"]
        return
    numbers = [kept.get("x"), kept.get("y"), kept.get("value")] + \
        [v for p in kept.get("points", []) for v in p]
    assert all(v is None or (isinstance(v, float) and math.isfinite(v)) for v in numbers)
    b = record["bounds"]
    if kind == "tap":
        assert b[0] <= kept["x"] <= b[1] and b[2] <= kept["y"] <= b[3]
    elif kind == "number":
        assert b[0] <= kept["value"] <= b[1]
    else:
        assert 0 < len(kept["points"]) <= MAX_SKETCH_POINTS
        assert all(b[0] <= x <= b[1] and b[2] <= y <= b[3] for x, y in kept["points"])


@given(x=_finite, y=_finite)
def test_taps_inside_the_chart_are_kept_exactly_and_outside_refused(x, y):
    record = answers.check_record(TAP)
    inside = -6.0 <= x <= 6.0 and -0.1 <= y <= 0.3
    try:
        kept = answers.check(record, {"x": x, "y": y})
    except RoomError as err:
        assert not inside and err.reason == "bad_answer"
    else:
        assert inside and kept == {"x": x, "y": y}


@given(points=st.lists(st.tuples(st.floats(-4.0, 4.0), st.floats(-1.5, 1.5)),
                       min_size=1, max_size=MAX_SKETCH_POINTS))
def test_any_sketch_within_the_chart_is_kept_to_one_grid_step(points):
    record = answers.check_record(SKETCH)
    kept = answers.check(record, {"points": [list(p) for p in points]})["points"]
    assert len(kept) == len(points)
    for (x, y), (kx, ky) in zip(points, kept):
        assert abs(kx - x) <= 8.0 / SKETCH_STEPS and abs(ky - y) <= 3.0 / SKETCH_STEPS


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=st.lists(st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.floats(-0.5, 1.5)),
                       min_size=1, max_size=12))
def test_each_student_keeps_only_their_last_answer(store, script):
    code, secret = store.create()
    qid = store.ask(code, secret, NUMBER)
    last: dict[str, float] = {}
    for who, value in script:
        if 0.0 <= value <= 1.0:
            assert store.answer(code, who, qid, {"value": value}) == len({*last, who})
            last[who] = value
        else:
            assert reason(lambda: store.answer(code, who, qid, {"value": value})) \
                == "bad_answer"
    assert store.answer_count(code, qid) == len(last)
    assert sorted(a["value"] for a in store.answers(code, secret, qid)) == sorted(last.values())
    for who, value in last.items():
        assert store.my_answer(code, who, qid) == {"value": value}
    store.end(code, secret)


# ---------------------------------------------------------------------------- answers in Redis

def _room_keys(store, code: str) -> list[str]:
    return sorted(store._r.scan_iter(f"{store.prefix}room:{code}*"))


def test_redis_keeps_answers_under_digests_within_the_bounds(pair):
    a, b = pair
    code, secret = a.create()
    qid = a.ask(code, secret, SKETCH)
    points = [[-4 + 8 * i / 63, 1.5 * (-1) ** i] for i in range(64)]
    assert b.answer(code, "session-of-a-student", qid, {"points": points}) == 1   # b: no cache
    stored = a._r.hgetall(f"{a.prefix}room:{code}:a:{qid}")
    assert list(stored) == [answers.who_key("session-of-a-student")]
    assert "session-of-a-student" not in str(stored)
    assert len(next(iter(stored.values())).encode()) <= MAX_ANSWER_BYTES
    assert a.my_answer(code, "session-of-a-student", qid) == b.my_answer(
        code, "session-of-a-student", qid)
    for _ in range(MAX_QUESTIONS + 5):
        a.ask(code, secret, TAP)
    keys = _room_keys(a, code)
    assert len([k for k in keys if ":a:" in k]) == 0            # no answers: no answer keys
    assert a._r.llen(f"{a.prefix}room:{code}:ql") == MAX_QUESTIONS
    assert a._r.hlen(f"{a.prefix}room:{code}:q") == 2 * MAX_QUESTIONS
    assert not a._r.exists(f"{a.prefix}room:{code}:a:{qid}")    # dropped with its question


def test_redis_drops_every_key_of_an_ended_or_lapsed_room(pair, clock):
    a, b = pair
    code, secret = a.create()
    for i in range(3):
        qid = a.ask(code, secret, TAP)
        b.answer(code, f"s{i}", qid, {"x": 0, "y": 0})
        b.join(code, f"s{i}")
    assert len(_room_keys(a, code)) >= 5
    a.end(code, secret)
    assert _room_keys(a, code) == []
    code, secret = a.create()
    qid = a.ask(code, secret, TAP)
    b.answer(code, "s", qid, {"x": 0, "y": 0})
    clock.now += TEACHER_GRACE_S + 1
    assert a.sweep() == 1
    assert _room_keys(a, code) == []


def test_redis_expires_questions_and_answers_with_the_room(redis_url, clock):
    prefix = f"x{uuid.uuid4().hex[:8]}:"
    quick = RedisRoomStore(redis_url, clock=clock, prefix=prefix, grace=0.5)
    try:
        code, secret = quick.create()
        qid = quick.ask(code, secret, TAP)
        quick.answer(code, "s", qid, {"x": 0, "y": 0})
        keys = _room_keys(quick, code)
        assert {k.rsplit(":", 1)[-1] for k in keys} >= {qid, "q", "ql"}
        assert all(0 < quick._r.pttl(k) <= 500 for k in keys)   # nothing outlives the room
        deadline = time.time() + 10
        while _room_keys(quick, code) and time.time() < deadline:
            time.sleep(0.05)
        assert _room_keys(quick, code) == []                    # Redis dropped it, nobody swept
    finally:
        quick.close()


def test_a_touch_keeps_the_questions_as_long_as_the_room(pair, clock):
    a, _ = pair
    code, secret = a.create()
    qid = a.ask(code, secret, TAP)
    a.answer(code, "s", qid, {"x": 0, "y": 0})
    for key in _room_keys(a, code):
        a._r.pexpire(key, 1000)                                  # as if time went by
    a.touch(code, secret)
    assert all(a._r.pttl(k) > 1000 for k in _room_keys(a, code))


def test_asking_ending_and_revealing_wake_followers_and_answers_the_teacher(redis_url, clock):
    prefix = f"q{uuid.uuid4().hex[:8]}:"
    woken: dict[str, list] = {"a": [], "b": []}   # (code, followers given, answered) per store
    events = {"a": threading.Event(), "b": threading.Event()}

    def waker(name):
        def wake_(view, code):
            woken[name].append((code, view.followers(code), getattr(view, "answered", False)))
            events[name].set()
        return wake_

    a = RedisRoomStore(redis_url, clock=clock, prefix=prefix, waker=waker("a"))   # teacher's
    b = RedisRoomStore(redis_url, clock=clock, prefix=prefix, waker=waker("b"))   # students'
    try:
        code, secret = a.create()
        b.join(code, "on-b")
        qid = a.ask(code, secret, TAP)            # the teacher's process listens from now on
        deadline = time.time() + 10
        while a._r.pubsub_numsub(b.channel)[0][1] < 2 and time.time() < deadline:
            time.sleep(0.05)
        qid = a.ask(code, secret, TAP)
        assert events["b"].wait(10)
        assert b.control(code)["question"]["qid"] == qid         # what the woken one reads
        time.sleep(0.3)
        events["a"].clear()
        assert woken["b"][-1] == (code, ["on-b"], False) and woken["a"] == []
        woken["b"].clear()
        b.answer(code, "on-b", qid, {"x": 0, "y": 0})            # an answer: the teacher only
        assert events["a"].wait(10)
        a.answer(code, "s-on-a", qid, {"x": 0, "y": 0})          # from the teacher's process too
        time.sleep(0.3)
        assert woken["a"] == [(code, [], True)] * 2
        assert woken["b"] == [(code, [], True)] * 2               # nobody to wake there
        woken["a"].clear()
        woken["b"].clear()
        events["b"].clear()
        a.end_question(code, secret, qid)
        assert events["b"].wait(10)
        events["b"].clear()
        a.end_question(code, secret, qid)                        # no change, no wake
        a.reveal(code, secret, qid)
        assert events["b"].wait(10)
        time.sleep(0.3)
        assert woken["b"] == [(code, ["on-b"], False)] * 2 and woken["a"] == []
        assert b.control(code)["question"]["status"] == "revealed"
    finally:
        a.close()
        b.close()


def test_every_refusal_of_an_answer_has_a_message_in_both_languages():
    from ui.locales import answers as texts

    for reason_ in (*room_rules.ANSWER_REASONS, "unknown", "store_unavailable", "forbidden"):
        assert reason_ in RoomError.REASONS
        key, values = answers.refusal(reason_)
        for catalogue in (texts.EN, texts.KO):
            shown = catalogue[key].format(**values)
            assert "{" not in shown and len(shown) > 20
    assert answers.refusal("closed")[0] == "answers.error.closed"
    assert answers.refusal("forbidden")[0] == "answers.error.other"
    assert str(MAX_ANSWERS) in texts.KO["answers.error.too_many_answers"].format(
        **answers.refusal("too_many_answers")[1])


def test_answers_wake_the_teachers_live_count_a_few_times_per_burst(monkeypatch):
    from ui import internals
    from ui.classroom import waker as waker_module

    reruns: list[tuple[str, str, float]] = []
    idle = {"now": False}
    monkeypatch.setattr(internals, "runtime_running", lambda: True)
    monkeypatch.setattr(internals, "session_idle", lambda sid: idle["now"])
    monkeypatch.setattr(internals, "request_rerun",
                        lambda sid, frag="": reruns.append((sid, frag, time.monotonic())) or True)
    monkeypatch.setattr(internals, "session_exists", lambda sid: True)
    monkeypatch.setattr(waker_module, "_TEACHERS", {})
    monkeypatch.setattr(waker_module, "_TEACHER", {})
    waker_module.remember_teacher("ROOMAAA", "teacher-session", "live-fragment")
    assert waker_module.wake_teacher("OTHERXX") is False           # no teacher of it here
    assert waker_module.answered(MemoryRoomStore(), "OTHERXX") is False
    idle["now"] = True
    start = time.monotonic()
    for _ in range(30):                                              # a burst of answers
        assert waker_module.answered(MemoryRoomStore(), "ROOMAAA") is True
    time.sleep(3 * waker_module.TEACHER_WAKE_S)
    assert [r[:2] for r in reruns] == [("teacher-session", "live-fragment")] * 2
    assert reruns[1][2] - start >= waker_module.TEACHER_WAKE_S * 0.9   # the trailing one
    idle["now"] = False                                              # busy: asked again later
    time.sleep(waker_module.TEACHER_WAKE_S)
    waker_module.wake_teacher("ROOMAAA")
    time.sleep(waker_module.TEACHER_WAKE_S * 1.5)
    idle["now"] = True
    time.sleep(waker_module.TEACHER_WAKE_S * 2)
    assert len(reruns) == 3
    shared = RedisRoomStore.__new__(RedisRoomStore)                 # a shared store says it
    assert waker_module.answered(shared, "ROOMAAA") is False        # itself (its listener)
    view = type("Answered", (), {"answered": True, "followers": lambda self, c: ["x"]})()
    waker_module._TEACHER.clear()
    assert wake(view, "ROOMAAA") == 1 and len(reruns) == 4          # the teacher, no follower
    monkeypatch.setattr(internals, "session_exists", lambda sid: False)   # the teacher left
    waker_module._TEACHER.clear()
    assert waker_module.wake_teacher("ROOMAAA") is False and waker_module._TEACHERS == {}
