"""Repo rule: Streamlit's private API is used in ui/internals.py only.

Scans ui/, pages/, core/ and app.py with ast: outside ui/internals.py no module imports from
``streamlit.runtime``, ``streamlit.web`` or ``streamlit.proto``, names ``get_script_run_ctx``,
reads a ``_``-prefixed attribute of ``st``, or uses a member known to be Streamlit's private one
(``._send_query_param_msg``, ``.pages_manager``, ``getattr(x, "_initial_query_params")`` ...).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADAPTER = Path("ui/internals.py")
PRIVATE_MODULES = ("streamlit.runtime", "streamlit.web", "streamlit.proto",
                   "streamlit.elements.lib")
PRIVATE_NAMES = {"get_script_run_ctx", "get_session_state", "RerunData", "ThreadState",
                 "ClientState"}
# private attributes of Streamlit objects the app has used (on any receiver)
PRIVATE_ATTRS = {"_send_query_param_msg", "_initial_query_params", "_client_state",
                 "_event_loop", "_state", "_new_session_state", "_query_params"}
# private members without the underscore (attributes of a script run, of the query-params proxy)
PRIVATE_MEMBERS = {"set_with_no_forward_msg", "populate_from_query_string", "pages_manager",
                   "script_requests", "fragment_storage", "cached_message_hashes",
                   "is_history_navigation", "fragment_ids_this_run", "get_widget_id_from_key",
                   "get_widget_metadata", "page_script_hash"}
# modules of other owners still to move to ui.internals (file: what it uses)
PENDING: dict = {}


def _files() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in ("ui", "pages", "core"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if f.exists()]


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def violations(tree: ast.AST) -> list[str]:
    """What a module does that only ui/internals.py may do."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(PRIVATE_MODULES) or (
                    node.module == "streamlit" and any(a.name == "runtime" for a in node.names)):
                found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.startswith(PRIVATE_MODULES)]
        elif isinstance(node, ast.Name) and node.id in PRIVATE_NAMES:
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.Attribute) and _root_name(node) == "internals":
            continue                                   # the adapter's own functions
        elif isinstance(node, ast.Attribute) and (node.attr in PRIVATE_ATTRS | PRIVATE_MEMBERS or (
                node.attr.startswith("_") and not node.attr.startswith("__")
                and _root_name(node) in ("st", "streamlit"))):
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Constant) and node.value in PRIVATE_ATTRS | PRIVATE_MEMBERS:
            found.append(f"line {node.lineno}: '{node.value}'")   # getattr(x, "_name")
    return found


def test_private_streamlit_api_is_used_in_the_adapter_only():
    bad = {}
    for path in _files():
        rel = path.relative_to(ROOT)
        if rel == ADAPTER or rel in PENDING:
            continue
        found = violations(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            bad[str(rel)] = found
    assert bad == {}, f"private Streamlit API outside {ADAPTER}: {bad}"


def test_the_adapter_is_where_the_private_uses_are_and_pending_ones_still_exist():
    adapter = violations(ast.parse((ROOT / ADAPTER).read_text(encoding="utf-8")))
    assert len(adapter) >= 10     # the rule sees them (a scanner that finds nothing proves nothing)
    for rel in PENDING:           # once moved, take the file off the list
        path = ROOT / rel
        assert path.exists() and violations(ast.parse(path.read_text(encoding="utf-8"))), rel


def test_the_rule_catches_the_usual_forms():
    code = ("from streamlit.runtime.scriptrunner import get_script_run_ctx\n"
            "import streamlit.web.server\nst._config\nqp._send_query_param_msg()\n"
            "from streamlit import runtime\nself._items\n"
            "getattr(qp, '_initial_query_params')\nctx.pages_manager\n")
    assert len(violations(ast.parse(code))) == 7
