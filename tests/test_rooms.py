"""The class-room store (ui/rooms.py): codes, versions, expiry, bounds, only the secret writes."""

from __future__ import annotations

import threading

import pytest

from ui.classroom.rules import (LEASE_RENEW_S, TEACHER_GRACE_S, expected_guesses, guess_hours,
                                hit_chance, old_code)
from ui.rooms import (ALPHABET, CODE_LENGTH, MAX_CODE_LENGTH, MAX_FOLLOWERS, MAX_ROOMS,
                      MAX_STATE_BYTES, MemoryRoomStore, RoomError, normalise_code, room_store,
                      valid_code)

VIEW = {"page": "explorer", "params": {"p_leaky_relu_negative_slope": ["0.3"]}}


class Clock:
    """A settable clock (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> MemoryRoomStore:
    return MemoryRoomStore(clock=clock)


def reason(call) -> str:
    with pytest.raises(RoomError) as err:
        call()
    return err.value.reason


def test_alphabet_has_no_look_alikes():
    for c in "0O1IL2Z5S8BQDG6UV9":
        assert c not in ALPHABET
    assert len(set(ALPHABET)) == len(ALPHABET)


def test_codes_are_short_distinct_and_from_the_alphabet(store):
    codes = [store.create()[0] for _ in range(MAX_ROOMS)]
    assert len(set(codes)) == MAX_ROOMS
    for code in codes:
        assert CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH
        assert set(code) <= set(ALPHABET)
        assert valid_code(code)


def test_normalise_code_accepts_typing_variants():
    assert normalise_code(" ax-7k ") == "AX7K"
    assert valid_code(normalise_code("ace-7kmn"))
    assert len(normalise_code("A" * 10_000)) == 12  # a long URL value costs nothing
    assert not valid_code("AB")
    assert not valid_code("A0A0A0A")  # 0 is not in the alphabet
    assert not valid_code("A" * (MAX_CODE_LENGTH + 1))
    assert not valid_code("ACE7") and old_code("ACE7") and not old_code("A0A0")


def test_versions_grow_with_each_change_only(store):
    code, secret = store.create()
    assert store.version(code) == 0
    assert store.read(code) == (0, {})
    assert store.publish(code, secret, VIEW) == 1
    assert store.publish(code, secret, VIEW) == 1  # the same view again: no new version
    other = {"page": "descent", "params": {"lr": ["0.5"]}}
    assert store.publish(code, secret, other) == 2
    assert store.read(code) == (2, other)
    assert store.version(code) == 2


def test_read_returns_a_copy(store):
    code, secret = store.create()
    store.publish(code, secret, VIEW)
    _, state = store.read(code)
    state["params"]["p_leaky_relu_negative_slope"] = ["9"]
    assert store.read(code)[1] == VIEW


def test_codes_are_read_case_insensitively(store):
    code, secret = store.create()
    store.publish(code, secret, VIEW)
    assert store.read(code.lower()) == (1, VIEW)


def test_only_the_secret_writes_or_ends(store):
    code, secret = store.create()
    other_code, other_secret = store.create()
    store.publish(code, secret, VIEW)
    for wrong in ("", "x", other_secret, secret[:-1], secret + "x"):
        assert reason(lambda: store.publish(code, wrong, {"page": "x", "params": {}})) \
            == "forbidden"
        assert reason(lambda: store.end(code, wrong)) == "forbidden"
    assert store.read(code) == (1, VIEW)
    store.end(code, secret)
    assert reason(lambda: store.read(code)) == "unknown"
    assert store.version(other_code) == 0


def test_unknown_codes(store):
    assert reason(lambda: store.read("AAAA")) == "unknown"
    assert reason(lambda: store.version("AAAA")) == "unknown"
    assert reason(lambda: store.join("AAAA", "s1")) == "unknown"


def test_a_room_whose_teacher_session_is_gone_is_released_after_the_grace(store, clock,
                                                                          monkeypatch):
    from ui import internals
    from ui.classroom import keeper

    alive = {"teacher": True}
    monkeypatch.setattr(internals, "runtime_running", lambda: True)
    monkeypatch.setattr(internals, "session_active", lambda sid: alive.get(sid, False))
    monkeypatch.setattr(keeper, "_ensure_thread", lambda: None)
    code, secret = store.create()
    keeper.hold(code, secret, "teacher")
    for _ in range(10):                           # 10 renewals: far past one grace time
        clock.now += LEASE_RENEW_S
        assert keeper.renew_once(store, now=clock.now) == 1
    assert store.version(code) == 0
    alive["teacher"] = False                      # the tab is closed
    clock.now += LEASE_RENEW_S
    assert keeper.renew_once(store, now=clock.now) == 0
    assert store.version(code) == 0               # still there within the grace (a reload)
    clock.now += TEACHER_GRACE_S
    assert reason(lambda: store.version(code)) == "unknown"
    keeper.renew_once(store, now=clock.now)
    assert code not in keeper.held()
    assert 60 <= TEACHER_GRACE_S <= 120


def test_guessing_an_open_room_is_impractical_at_the_limits():
    assert len(ALPHABET) ** CODE_LENGTH == 268_435_456
    assert expected_guesses(MAX_ROOMS) == pytest.approx(5_368_709.12)
    days = guess_hours(MAX_ROOMS) / 8                # school days of 8 h from one address
    assert days > 500
    assert hit_chance(8.0) < 0.002                   # one address, one school day, 50 rooms


def test_ended_room_frees_its_place(store):
    rooms = [store.create() for _ in range(MAX_ROOMS)]
    store.end(*rooms[3])
    store.create()
    assert len(store) == MAX_ROOMS


def test_followers_are_bounded_and_counted(store, clock):
    code, _ = store.create()
    for i in range(MAX_FOLLOWERS):
        assert store.join(code, f"s{i}") == i + 1
    assert store.join(code, "s0") == MAX_FOLLOWERS   # a known follower refreshes
    assert reason(lambda: store.join(code, "new")) == "full"
    store.leave(code, "s1")
    assert store.join(code, "new") == MAX_FOLLOWERS
    store.leave(code, "never-joined")               # no error
    assert len(store.followers(code)) == MAX_FOLLOWERS


def test_stale_followers_stop_counting(clock):
    store = MemoryRoomStore(clock=clock, max_followers=2, follower_stale=60)
    code, _ = store.create()
    store.join(code, "a")
    store.join(code, "b")
    clock.now += 30
    store.join(code, "b")
    clock.now += 31          # a: 61 s unseen, b: 31 s
    assert store.followers(code) == ["b"]
    assert store.join(code, "c") == 2


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


def test_room_store_is_one_per_process():
    assert room_store() is room_store()
    assert isinstance(room_store(), MemoryRoomStore)


def test_forwarded_addresses_are_believed_from_the_proxy_only(monkeypatch):
    from ui.classroom.limits import TRUSTED_ENV, address_from

    monkeypatch.delenv(TRUSTED_ENV, raising=False)
    assert address_from(None, "203.0.113.7") == "203.0.113.7"          # nginx on loopback
    assert address_from(None, "1.2.3.4, 203.0.113.7") == "203.0.113.7"  # the proxy's own entry
    assert address_from("198.51.100.2", "203.0.113.7") == "198.51.100.2"  # a direct browser
    assert address_from(None, "") == "local"
    monkeypatch.setenv(TRUSTED_ENV, "172.16.0.0/12, bad")
    assert address_from("172.18.0.5", "203.0.113.7") == "203.0.113.7"
    assert len(address_from(None, "x" * 10_000)) <= 64
