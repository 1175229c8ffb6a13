"""Lesson-step transitions with a class on every page (issue #21): a teacher's projector
(1280×720, classroom mode) and two phone-size followers (390×844), once over the in-process
store (one server) and once over Redis across two app processes behind the sticky proxy (the
school set-up of test_topology_browser: the teacher on one process, one follower on the other
and one on the teacher's).

The teacher walks every step of every page's lesson and then jumps back and forth (a clicker's
quick presses: the step the presses ask for is sent at once). After each transition the
teacher's and every follower's main chart hold the data core computes for the step's state
(here, in this process, from the step's declared values), and the numbers of the lesson text
each of them shows are the numbers of the step's text computed here. Mismatches are collected
over the whole walk and must be 0.

TRANSITIONS per page and store (env CLASS_TRANSITIONS, default in CI: what fits the budget;
bench/follow.py --transitions runs 50 per page and store and reports the times).
"""

from __future__ import annotations

import os
import random
import re
import time
from functools import lru_cache

import numpy as np
import pytest

from core import descent as d
from core import saturation as sat
from core import zigzag as zz
from core.activations import get
from tests.browser.conftest import wait_idle
from tests.browser.test_lecture_browser import settle, start_class, step_of
from tests.browser.test_topology_browser import school, upstream_of  # noqa: F401 - a fixture
from ui.lessons import PAGES, steps

TRANSITIONS = int(os.environ.get("CLASS_TRANSITIONS", "6"))
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"viewport": {"width": 1280, "height": 720}, "locale": "en-US"}
WAIT = 60_000
MATCH_S = 20.0       # every tab's chart and text must match within this after the teacher's step
FIRST_S = 120.0      # … the first time a step is shown (the page computes it: a cold cache)
MAX_CONTEXTS = 24
CHARTS = {"explorer": "curves", "saturation": "sat_curves", "zigzag": "zz_planes",
          "descent": "gd_curve", "network": "net_loss"}
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")


def plan(n: int, count: int, seed: int = 21) -> list[int]:
    """count target steps of an n-step lesson starting at step 1: every step forwards, a jump
    back to the first and on to the last, then jumps chosen at random (never to the step
    shown: one step back or on, or far)."""
    walk = list(range(2, n + 1)) + [1, n]
    rng = random.Random(seed)
    here = walk[-1]
    while len(walk) < count:
        k = rng.choice([s for s in range(1, n + 1) if s != here])
        walk.append(k)
        here = k
    return walk[:count]


# ----------------------------------------------------------------------------- expected (core)


def _grid(state: dict) -> np.ndarray:
    lo, hi = state["xr"]
    return np.linspace(lo, hi, 241)


@lru_cache(maxsize=None)
def expected(page_id: str, k: int):
    """What the step's chart must hold, computed by core from the step's state."""
    s = steps(page_id)[k - 1].state
    if page_id == "explorer":
        x = _grid(s)
        ids = [a for key, chosen in s.items() if key.startswith("f_") for a in chosen]
        out = []
        for a in ids:
            act = get(a)
            params = {p.name: s[f"p_{a}_{p.name}"] for p in act.params}
            out.append(act.fn(x, **params))
        return out
    if page_id == "saturation":
        return [(float(s["sat_x"]), sat.probe(a, float(s["sat_x"])).f)
                for a in s["sat_acts"]]
    if page_id == "zigzag":
        run = zz.simulate(s["zz_a"], (s["zz_w01"], s["zz_w02"]), (s["zz_ws1"], s["zz_ws2"]),
                          float(s["zz_lr"]), int(s["zz_n"]), int(s["zz_bs"]),
                          int(s["zz_seed"]), float(s["zz_zs"]))
        return run.path[int(s["zz_t"])]
    if page_id == "descent":
        run = d.run(s["gd_loss"], "gd", x0=float(s["gd_x0"]), lr=float(s["lr"]),
                    steps=int(s["gd_steps"]), tol=d.DEFAULT_TOL)
        return run.iterates[: int(s["gd_step"]) + 1]
    if page_id == "network":
        from ui.controls.network import SPEC
        from ui.runs.network import compare_runs, plan_compare

        _, _, results = compare_runs(plan_compare(SPEC.state(**s)))
        return [float(r["final"]) if "final" in r else float(r["losses"][-1]) for r in results]
    raise ValueError(page_id)


@lru_cache(maxsize=None)
def numbers_of_step(page_id: str, k: int) -> tuple[str, ...]:
    """The numbers of step k's title and text (English), computed here."""
    from ui import lesson
    from ui.i18n import set_lang

    set_lang("en")
    if page_id == "network":
        expected(page_id, k)    # the lesson's numbers come from the trained runs
    head, text = lesson.texts(page_id, k)
    return tuple(NUMBER.findall(f"{head} {text}"))


@lru_cache(maxsize=None)
def numbers_of_question(page_id: str, k: int) -> tuple[str, ...] | None:
    """The numbers of step k's question (English), if it asks one: the projector's caption line
    shows the question in place of the step's sentence while the teacher runs a class."""
    from ui.i18n import set_lang
    from ui.lessons import steps
    from ui.questions.model import prompt

    question = steps(page_id)[k - 1].question
    if question is None:
        return None
    set_lang("en")
    return tuple(NUMBER.findall(prompt(page_id, question)))


def text_matches(page_id: str, k: int, numbers: tuple[str, ...], text: str) -> bool:
    """Whether a tab's lesson text holds step k's numbers (or, in the caption line of a
    question step, its question's)."""
    if numbers == numbers_of_step(page_id, k):
        return True
    asked = numbers_of_question(page_id, k)
    return asked is not None and text.startswith("Question") and numbers == asked


TRACES_JS = """(key) => { const d = document.querySelector('.st-key-chart_' + key + ' .js-plotly-plot');
  if (!d || !d._fullData) return null;
  return d._fullData.map(t => ({name: t.name, x: t.x ? Array.from(t.x) : null,
                                y: t.y ? Array.from(t.y) : null})); }"""

TEXT_JS = """() => { const c = document.querySelector('.st-key-lesson_caption')
  || document.querySelector('.st-key-lesson_text');
  return c ? c.textContent : null; }"""


def _close(a, b, tol: float = 2e-5) -> bool:
    a, b = np.asarray(a, float), np.asarray(b, float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=tol, atol=tol))


def chart_matches(page_id: str, k: int, traces: list[dict] | None) -> bool:
    """Whether a tab's chart traces hold core's data for step k."""
    if not traces:
        return False
    want = expected(page_id, k)
    if page_id == "explorer":
        ys = [t["y"] for t in traces if t["y"] and len(t["y"]) == 241]
        return all(any(_close([v if v is not None else np.nan for v in y], w) for y in ys)
                   for w in want) and len(ys) >= len(want)
    if page_id == "saturation":
        points = [(t["x"][0], t["y"][0]) for t in traces
                  if t["x"] and t["y"] and len(t["x"]) == 1 and len(t["y"]) == 1]
        return all(any(_close(p, w, 1e-4) for p in points) for w in want)
    if page_id == "zigzag":
        path = [t for t in traces if t["name"] == "path of w" and t["x"]]
        return bool(path) and _close([path[0]["x"][-1], path[0]["y"][-1]], want, 1e-4)
    if page_id == "descent":
        if len(traces) < 2 or not traces[1]["x"]:
            return False
        xs = [v for v in traces[1]["x"] if v is not None]
        return _close(xs, want, 1e-5)
    if page_id == "network":
        curves = traces[: len(want)]
        last = [t["y"][-1] for t in curves if t["y"]]
        return len(last) == len(want) and _close(last, want, 1e-4)
    return False


def state_of(tab, page_id: str) -> dict:
    """The tab's step (URL), chart traces and lesson text numbers."""
    q = tab.evaluate("() => new URLSearchParams(location.search).get('lesson')")
    text = tab.evaluate(TEXT_JS) or ""
    return {"step": int(q) if q and q.isdigit() else None,
            "path": tab.evaluate("() => location.pathname"),
            "traces": tab.evaluate(TRACES_JS, CHARTS[page_id]),
            "numbers": tuple(NUMBER.findall(text.replace("\\*", "*"))), "text": text[:160]}


def wait_match(tab, page_id: str, k: int, timeout: float = MATCH_S) -> str | None:
    """Wait until tab shows step k with core's chart and the step's numbers; None, or what
    still differs after timeout."""
    deadline = time.perf_counter() + timeout
    why = "never read"
    while True:
        try:
            s = state_of(tab, page_id)
        except Exception as exc:  # noqa: BLE001 - a tab between two documents: read again
            s, why = None, f"unreadable: {type(exc).__name__}"
        if s is not None:
            if not s["path"].endswith("/" + page_id):
                why = f"on {s['path']}"
            elif s["step"] != k:
                why = f"step {s['step']}"
            elif not chart_matches(page_id, k, s["traces"]):
                why = "chart differs from core's"
            elif not text_matches(page_id, k, s["numbers"], s["text"] or ""):
                why = f"text numbers {s['numbers']} != {numbers_of_step(page_id, k)}: {s['text']!r}"
            else:
                return None
        if time.perf_counter() > deadline:
            return why
        tab.wait_for_timeout(150)


def jump(tab, k: int) -> None:
    """The teacher's clicker asks for step k (as its quick presses do: the step itself)."""
    tab.wait_for_function("() => window.__alLesson && window.__alLesson.nav && "
                          "window.__alLesson.data", timeout=WAIT)
    tab.evaluate("""(k) => { const S = window.__alLesson; S.target = k;
        S.at = performance.now(); S.tries = 0; S.send(); }""", k)


def open_lesson(tab, page_id: str) -> None:
    """The teacher goes to a page through the navigation (same session, the class stays) and
    starts its lesson (step 1)."""
    if step_of(tab) is not None:  # leave the running lesson first
        tab.locator(".st-key-lesson_leave_main button").first.dispatch_event("click")
        tab.wait_for_function("() => !location.search.includes('lesson=')", timeout=WAIT)
        settle(tab)
    tab.locator(f'[data-testid="stSidebarNav"] a[href$="/{page_id}"]').first.dispatch_event("click")
    tab.wait_for_url(f"**/{page_id}**", timeout=WAIT)
    settle(tab)
    tab.locator(".st-key-lesson_start button").first.dispatch_event("click")
    tab.wait_for_function("() => new URLSearchParams(location.search).get('lesson') === '1'",
                          timeout=WAIT)
    settle(tab)


# ----------------------------------------------------------------------------- the class


def _phone(browser, lang: str = "en-US"):
    return browser.new_context(viewport=PHONE, locale=lang, has_touch=True, is_mobile=True)


def context_on(browser, url: str, where: str | None, same: bool, **options):
    """A context (a phone unless options say otherwise) whose requests land on the proxy's
    upstream where (same) or on another one (not same); any one for where None."""
    spare = []
    try:
        for _ in range(MAX_CONTEXTS):
            ctx = browser.new_context(**options) if options else _phone(browser)
            at = upstream_of(ctx.request.get(f"{url}/_stcore/health"))
            if where is None or (at == where) == same:
                return ctx, at
            spare.append(ctx)
        pytest.fail(f"{MAX_CONTEXTS} contexts: none {'on' if same else 'off'} {where}")
    finally:
        for ctx in spare:
            ctx.close()


class Klass:
    def __init__(self, store: str, teacher, followers, contexts, code: str) -> None:
        self.store, self.teacher, self.followers = store, teacher, followers
        self.contexts, self.code = contexts, code
        self.times: list[float] = []


def _open_class(browser, url: str, store: str, redis: bool) -> Klass:
    if redis:   # the teacher on one process, a phone on the other and one on the teacher's
        teacher_ctx, at = context_on(browser, url, None, True, **PROJECTOR)
        phones = [context_on(browser, url, at, False)[0], context_on(browser, url, at, True)[0]]
    else:
        teacher_ctx = browser.new_context(**PROJECTOR)
        phones = [_phone(browser), _phone(browser)]
    teacher = teacher_ctx.new_page()
    teacher.goto(f"{url}/?lang=en&classroom=true")
    wait_idle(teacher, WAIT)
    code = start_class(teacher)
    followers = [c.new_page() for c in phones]
    for f in followers:
        f.goto(f"{url}/?room={code}&lang=en", wait_until="commit", timeout=WAIT)
    for f in followers:
        f.wait_for_selector(".st-key-class_follow", timeout=WAIT)
    return Klass(store, teacher, followers, [teacher_ctx, *phones], code)


@pytest.fixture(scope="module", params=["memory", "redis"])
def klass(request, browser):
    if request.param == "redis":
        url = request.getfixturevalue("school").url
    else:
        url = request.getfixturevalue("server")
    k = _open_class(browser, url, request.param, request.param == "redis")
    yield k
    if k.times:
        k.times.sort()
        print(f"\n{k.store}: {len(k.times)} transitions, teacher's step → every tab matching "
              f"core: p50 {k.times[len(k.times) // 2]:.2f} s, max {k.times[-1]:.2f} s")
    for ctx in k.contexts:
        ctx.close()


@pytest.mark.parametrize("page_id", PAGES)
def test_lesson_transitions_reach_every_follower_as_core_computes_them(klass, page_id):
    open_lesson(klass.teacher, page_id)
    n = len(steps(page_id))
    for k in range(1, n + 1):       # compute the expected values before the clock runs
        numbers_of_step(page_id, k)
        expected(page_id, k)
    tabs = [klass.teacher, *klass.followers]
    bad = [f"start, tab {i}: {why}" for i, tab in enumerate(tabs)
           if (why := wait_match(tab, page_id, 1, 60.0))]
    walk = plan(n, TRANSITIONS)
    seen = {1}
    for i, k in enumerate(walk):
        t0 = time.perf_counter()
        jump(klass.teacher, k)
        for j, tab in enumerate(tabs):
            why = wait_match(tab, page_id, k, MATCH_S if k in seen else FIRST_S)
            if why:
                bad.append(f"transition {i} (→ step {k}), {'teacher' if j == 0 else f'follower {j}'}"
                           f": {why}")
        if k in seen:    # a first showing includes the page's own computing
            klass.times.append(time.perf_counter() - t0)
        seen.add(k)
        if bad:          # one failing transition is enough to report (each one waits MATCH_S)
            break
    print(f"{klass.store} {page_id}: {len(walk)} transitions, {len(bad)} mismatches")
    assert not bad, "\n".join(bad[:20])
