"""ui.store: the process-wide LRU the network lab keeps finished runs in."""

import threading

from ui.store import RunStore


def test_keeps_the_most_recently_used_entries():
    store = RunStore(2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1      # "a" is now the most recent
    store.put("c", 3)               # so "b" is dropped
    assert store.get("b") is None
    assert (store.get("a"), store.get("c"), len(store)) == (1, 3, 2)


def test_concurrent_puts_never_exceed_the_size():
    store = RunStore(5)

    def writer(k: int) -> None:
        for i in range(200):
            store.put((k, i), i)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(store) == 5
    assert store.get((0, 0)) is None


def test_concurrent_requests_for_one_key_compute_it_once():
    store = RunStore(4)
    computed = []
    start = threading.Barrier(6)

    def request() -> None:
        start.wait()
        if store.get("run") is None:
            with store.lock_for("run"):
                if store.get("run") is None:
                    computed.append(1)
                    store.put("run", sum(range(10_000)))

    threads = [threading.Thread(target=request) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert computed == [1]
    assert store.get("run") == sum(range(10_000))
    assert store.lock_for("run") is store.lock_for("run")
