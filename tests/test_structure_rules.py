"""Structure rules a newcomer can rely on: thin pages, short functions, no import cycles.

Run with ``-s`` to see the longest functions and page files (the numbers the rules bound).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_PAGE_LINES = 300
MAX_FUNCTION_LINES = 50


def _py(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def function_lengths() -> list[tuple[int, str]]:
    """(lines, "file:function") of every function in pages/ and ui/, longest first."""
    found = []
    for path in _py("pages") + _py("ui"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                found.append((node.end_lineno - first + 1,
                              f"{path.relative_to(ROOT)}:{node.name}"))
    return sorted(found, reverse=True)


def test_page_files_are_thin():
    sizes = sorted(((len(p.read_text().splitlines()), p.name) for p in _py("pages")),
                   reverse=True)
    print("page lines:", sizes)
    assert all(n <= MAX_PAGE_LINES for n, _ in sizes), sizes


def test_functions_in_pages_and_ui_are_short():
    lengths = function_lengths()
    print("longest functions:", lengths[:8])
    assert lengths[0][0] <= MAX_FUNCTION_LINES, [x for x in lengths if x[0] > MAX_FUNCTION_LINES]


def _module_imports(path: Path, package: str, modules: set[str] = frozenset()) -> set[str]:
    """Modules of `package` that path imports, at module level or inside a function (a lazy
    import hides a cycle; it does not remove it)."""
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = {f"{node.module}.{a.name}" for a in node.names}
            found |= subs & set(modules)  # `from pkg import submodule` imports the submodule
            if not subs <= set(modules):
                found.add(node.module)
    return {m for m in found if m == package or m.startswith(package + ".")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_cycles(package: str) -> list[list[str]]:
    """Import cycles among the modules of package (core or ui)."""
    modules = {_module_name(p): p for p in _py(package)}
    graph = {m: {i for i in _module_imports(p, package, set(modules)) if i in modules and i != m}
             for m, p in modules.items()}
    cycles, state = [], {}

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    return cycles


def test_no_import_cycles_in_core_or_ui():
    for package in ("core", "ui"):
        assert import_cycles(package) == [], (package, import_cycles(package))


def test_figure_builders_and_lessons_import_without_the_chart_element():
    import subprocess
    import sys

    code = ("import sys, importlib, pkgutil, ui.figures, ui.lessons\n"
            "for pkg in (ui.figures, ui.lessons):\n"
            "    for m in pkgutil.iter_modules(pkg.__path__):\n"
            "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
            "import ui.chart\n"
            "print(len(ui.chart._MOUNT))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "0"
