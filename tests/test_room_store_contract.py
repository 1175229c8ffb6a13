"""One contract for both room stores: ui.rooms.MemoryRoomStore and ui.rooms_redis.RedisRoomStore.

Every test in the first part runs against both (the Redis one against a redis-server started on
a free loopback port for this module, from Debian's `redis-server` package; in CI a missing
redis-server is a failure, never a skip). The second part is what only a shared store does:
two stores on one Redis act as two app processes (a follower of one follows a room of the
other, a publish on one wakes the other), Redis's own expiry, and a Redis that cannot be reached.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid

import pytest

from bench.topology import free_port, program, start_redis, stop
from ui import rooms
from ui.classroom import store as store_module
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
