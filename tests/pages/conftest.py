"""AppTest helpers: run the whole app (router included) on a chosen page with URL values."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run_page(page: str | None = None, query: dict | None = None, locale: str = "ko-KR",
             timeout: float = 90) -> AppTest:
    """Run the app on pages/<page>.py (the home page if page is None) as a fresh session.

    ``query`` values may be strings or lists of strings (repeated URL keys). AppTest runs a
    switched-to page file directly (legacy multipage mode); the page's ui.shell.ensure() hands
    that run to the router, exactly as on a cold-start deep link in the browser.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.context = {"locale": locale}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def chart_docs(at: AppTest) -> list[dict]:
    """What the app's chart element (ui/chart.py) sends for every chart on the page, in order:
    {"figure": spec, "config": …, "lib": …, "message": …}, plus "key" (the chart's key)."""
    import json

    docs = []
    for el in at.get("bidi_component"):
        if el.proto.component_name != "activation_lab.chart":
            continue
        doc = json.loads(el.proto.bytes.decode())
        doc["key"] = el.proto.id.rsplit("-chart_", 1)[-1]
        docs.append(doc)
    return docs


def chart_specs(at: AppTest) -> list[dict]:
    """The Plotly figure specs (parsed JSON) of every chart on the page, in order."""
    return [doc["figure"] for doc in chart_docs(at)]


def chart_spec(at: AppTest, key: str) -> dict:
    """The Plotly figure spec of the chart the page keyed `key` (KeyError if there is none)."""
    for doc in chart_docs(at):
        if doc["key"] == key:
            return doc["figure"]
    raise KeyError(f"no chart keyed {key!r}: {[d['key'] for d in chart_docs(at)]}")


def texts(at: AppTest) -> str:
    """All markdown, captions, headers, alerts and table text of the page as one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader] + [x.value for x in at.title]
    for kind in ("warning", "info", "success", "error"):
        parts += [e.value for e in getattr(at, kind)]
    for df in list(at.dataframe) + list(at.table):
        parts.append(df.value.to_string())
    return "\n".join(str(p) for p in parts)


@pytest.fixture
def page_runner():
    """The run_page function as a fixture."""
    return run_page


def decode(values) -> "np.ndarray":
    """A Plotly array from a spec as numpy: plain lists or {"dtype", "bdata"} base64 blocks."""
    import base64

    import numpy as np

    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"]))
    return np.asarray(values)
