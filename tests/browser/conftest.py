"""Browser tests: a real Streamlit server and the system Chromium driven by Playwright.

Each test module gets a freshly started server, so its first request is a true cold start.
In CI (CI=true) a missing Chromium or Playwright is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/activation-lab-shots"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _require(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {why}")
    pytest.skip(why)


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """Start `streamlit run app.py` on port and wait until its health check answers."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
           "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not become healthy within 60 s")


@pytest.fixture(scope="module")
def server():
    """Base URL of a server started for this module alone (so its first request is cold)."""
    port = free_port()
    proc = start_server(port)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, headless."""
    _require(Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
             f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        _require(False, "playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh 1280×720 (projector) tab with an English browser locale."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


def goto(tab, url: str, timeout: float = 60_000) -> None:
    """Open url and wait until the script has finished and at least one chart is drawn."""
    tab.goto(url)
    wait_idle(tab, timeout)


def wait_idle(tab, timeout: float = 60_000) -> None:
    """Wait until Streamlit reports that no script is running."""
    tab.wait_for_selector(READY, timeout=timeout)
    tab.wait_for_timeout(200)
    tab.wait_for_selector(READY, timeout=timeout)


def wait_for_charts(tab, count: int = 1, timeout: float = 60_000) -> None:
    """Wait until at least `count` Plotly charts exist in the page."""
    tab.wait_for_function(f"document.querySelectorAll('.js-plotly-plot').length >= {count}",
                          timeout=timeout)


def plot_js(key: str) -> str:
    """A JavaScript expression for the Plotly div of the chart the page keyed `key`."""
    return f"document.querySelector('.st-key-chart_{key} .js-plotly-plot')"


def wait_for_chart(tab, key: str, condition: str = "true", timeout: float = 30_000) -> None:
    """Wait until the chart the page keyed `key` is drawn and the JavaScript expression
    `condition` (of `d`, its Plotly div) holds.

    On a cold start the chart's div exists before plotly.js has loaded and drawn it, so a missing
    or undrawn div counts as "not yet", never as an error (a predicate that throws would end the
    wait at once). Afterwards ui.chart keeps the same div and redraws it in place.
    """
    tab.wait_for_function(
        f"""() => {{ try {{ const d = {plot_js(key)};
                     return !!(d && d._fullData && ({condition})); }}
                   catch (e) {{ return false; }} }}""", timeout=timeout)


def chart_traces(tab, chart: str | int = 0, timeout: float = 30_000) -> list[dict]:
    """Decoded traces (name, x, y) of a Plotly chart, as plotly.js holds them.

    `chart` is the key the page gave `ui.page.chart` (preferred: charts draw in any order, so a
    position can name a different chart while the big one is still being drawn) or an index.
    Waits until that chart has been drawn.
    """
    if isinstance(chart, str):
        selector = f".st-key-chart_{chart} .js-plotly-plot"
        script = "(s) => document.querySelector(s)"
    else:
        selector = chart
        script = "(i) => document.querySelectorAll('.js-plotly-plot')[i]"
    tab.wait_for_function(f"(a) => {{ const d = ({script})(a); return d && d._fullData; }}",
                          arg=selector, timeout=timeout)
    return tab.evaluate(
        f"""(a) => Array.from(({script})(a)._fullData)
              .map(t => ({{name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || [])}}))""",
        selector)


def press_slider(tab, label: str, key: str = "ArrowRight", times: int = 1) -> None:
    """Focus the slider whose label contains `label` and press a key `times` times."""
    slider = tab.locator('[data-testid="stSlider"]', has_text=label).first
    thumb = slider.locator('input[type="range"]').first
    thumb.focus()
    for _ in range(times):
        tab.keyboard.press(key)
    tab.wait_for_timeout(300)
    wait_idle(tab)


def leading_shown(tab, times: int = 1, timeout: float = 30_000) -> str:
    """Wait until a locked follower's "the teacher is leading" notice has been shown times
    times; its text. The notice shows for 2.5 s, and on a loaded machine the touch that caused
    it may return after it has gone, so the count is read, not the visibility."""
    tab.wait_for_function(
        "(n) => Number(document.querySelector('.al-leading')?.dataset.said) >= n",
        arg=times, timeout=timeout)
    return tab.locator(".al-leading").first.text_content()


def screenshot(tab, name: str, full_page: bool = False) -> Path:
    """Save a PNG under SCREENSHOT_DIR (default /tmp/activation-lab-shots) and return its path.

    Streamlit scrolls inside its own container, so for full_page the viewport is stretched to the
    content's height for the shot and restored afterwards.
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if not full_page:
        tab.screenshot(path=str(path))
        return path
    size = tab.viewport_size
    height = tab.evaluate("""() => Math.max(...Array.from(document.querySelectorAll(
        '[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main'))
        .map(e => e.scrollHeight), document.body.scrollHeight)""")
    tab.set_viewport_size({"width": size["width"], "height": min(int(height) + 50, 12000)})
    tab.wait_for_timeout(800)
    tab.screenshot(path=str(path))
    tab.set_viewport_size(size)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test that fails leaves a PNG of every tab still open, and its address and
    class banner, under SCREENSHOT_DIR/failed (before its fixtures close the contexts)."""
    outcome = yield
    report = outcome.get_result()
    browser = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if report.when != "call" or not report.failed or browser is None:
        return
    where = SHOTS / "failed"
    where.mkdir(parents=True, exist_ok=True)
    name = "".join(c if c.isalnum() else "_" for c in item.name)[:80]
    for i, ctx in enumerate(browser.contexts):
        for j, tab in enumerate(ctx.pages):
            try:
                tab.screenshot(path=str(where / f"{name}_{i}_{j}.png"), timeout=10_000)
                state = tab.evaluate("""() => ({url: location.href,
                    banner: document.querySelector('.st-key-class_follow')?.innerText || null,
                    locked: window.__alClassLocked ?? null})""")
                report.sections.append((f"tab {i}.{j}", str(state)))
            except Exception as err:  # noqa: BLE001 - a closed or hung tab: say so, go on
                report.sections.append((f"tab {i}.{j}", f"no picture: {err}"))
