"""A follower whose client is slower than the class (issue #21, "followers drift silently").

The teacher moves the lesson on; the server applies the new step to a follower and sends the
client the new address. A client that asks for its next heartbeat (the watch fragment's rerun)
before it has taken that address sends the step before, and one that has not taken its page
either sends no page: Streamlit then drops the page's control parameters from the address and
keeps the old lesson step, tells the client, and the page's next full run reads that step as the
student's own choice. The follower stays a step behind, still "following" (bench/follow.py's
30 protocol-level followers showed it in 2 of every 16 transitions). Here the follower is a
protocol-level client (Streamlit's websocket messages, as bench/follow.py speaks them) that
sends exactly that request; the teacher is a Chromium tab.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from bench.follow import take_address
from tests.browser.conftest import READY, goto, wait_idle

WAIT = 30_000


class Phone:
    """A browser-less follower: keeps the address and page the server reports."""

    def __init__(self, ws, code: str) -> None:
        self.ws, self.query, self.page_hash, self.page_name = ws, f"room={code}", "", ""
        self.fragments: set[str] = set()

    def send(self, query: str, fragment: str = "", auto: bool = False,
             page_hash: str | None = None) -> None:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string, cs.page_name = query, self.page_name
        cs.page_script_hash = self.page_hash if page_hash is None else page_hash
        cs.fragment_id, cs.is_auto_rerun = fragment, auto
        cs.context_info.locale, cs.context_info.timezone = "en-US", "UTC"
        self.ws.send(msg.SerializeToString())

    def read(self, seconds: float) -> None:
        """Take the server's messages for a while (address, page, the fragments it reruns)."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                raw = self.ws.recv(timeout=left)
            except TimeoutError:
                return
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if not take_address(self, fwd) and fwd.WhichOneof("type") == "auto_rerun":
                self.fragments.add(fwd.auto_rerun.fragment_id)

    def step(self) -> str | None:
        return parse_qs(self.query).get("lesson", [None])[0]


def teacher_step(tab) -> str:
    return tab.evaluate("() => new URLSearchParams(location.search).get('lesson')")


def until(phone: Phone, want: str, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while phone.step() != want and time.monotonic() < end:
        phone.read(0.5)
    assert phone.step() == want, (phone.query, want)


def test_a_stale_heartbeat_leaves_the_follower_on_the_teachers_step(server, page):
    tab = page
    goto(tab, f"{server}/explorer?lang=en&lesson=1")
    tab.locator(".st-key-start_class button").first.click()
    tab.wait_for_selector(".st-key-room_code .al-room-code", timeout=WAIT)
    code = tab.locator(".st-key-room_code .al-room-code").inner_text().strip()
    wait_idle(tab)
    host = server.split("//", 1)[1]
    with connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"], origin=server,
                 max_size=None) as ws:
        phone = Phone(ws, code)
        phone.send(phone.query)
        until(phone, "1")
        phone.read(1.0)
        assert phone.fragments, "the follower's watch fragment was not started"
        before = phone.query
        tab.locator(".st-key-lesson_next_main button").first.click()
        tab.wait_for_function("() => new URLSearchParams(location.search).get('lesson') === '2'",
                              timeout=WAIT)
        tab.wait_for_selector(READY, timeout=WAIT)
        until(phone, "2")
        # the phone's heartbeat leaves with the address it held before the step, and no page
        for fragment in phone.fragments:
            phone.send(before, fragment=fragment, auto=True, page_hash="")
        phone.read(2.0)
        assert phone.step() == "2", f"the stale address came back to the phone ({phone.query})"
        # the teacher lets the class explore: each follower's page runs again, from the address
        # its session holds (the phone sends nothing): still the teacher's step
        tab.locator(".st-key-class_mode button", has_text="Free").click()
        wait_idle(tab)
        phone.read(4.0)
        assert phone.step() == teacher_step(tab) == "2", phone.query
