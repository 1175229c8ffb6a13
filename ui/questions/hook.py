"""Where a chart meets the question flow: ``ui.page.chart`` asks here what a chart key should
take (a ``ui.chart.Capture``) and show besides the page's figure (the answers and the truth of
a revealed question), and hands back what the chart took. ``ui.questions.flow`` registers the
one provider when it is imported; without it every chart is the page's alone.

(A registry, not an import of the flow: the flow draws through ui.page, and ui.page must not
import what imports it.)
"""

from __future__ import annotations

from typing import Any, Callable

_PROVIDER: list[Any] = []


def provide(extras: Callable[[str], tuple[Any, list[dict]]],
            took: Callable[[str, Any], None]) -> None:
    """Register the flow: ``extras(key) -> (capture or None, extra traces)`` and
    ``took(key, event)`` for the event a chart returned."""
    _PROVIDER[:] = [(extras, took)]


def extras(key: str) -> tuple[Any, list[dict]]:
    """(capture, extra traces) for the chart keyed key: (None, []) when no question asks."""
    if not _PROVIDER:
        return None, []
    return _PROVIDER[0][0](key)


def took(key: str, event: Any) -> Any:
    """Pass a chart's event (a tap or a stroke) to the flow; returns it for the page."""
    if _PROVIDER and event:
        _PROVIDER[0][1](key, event)
    return event
