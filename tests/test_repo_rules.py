"""House rules that a test can check: pure-numpy core, README/CI agreement, pinned requirements."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_numpy_and_stdlib_only():
    allowed = {"numpy", "math", "dataclasses", "typing", "__future__", "core", "functools",
               "itertools", "enum", "collections", "abc", "ast"}  # ast: core.custom parses formulas
    import ast

    for path in (ROOT / "core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):  # real imports, not docstring text
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""] if node.level == 0 else ["core"]
            else:
                continue
            for mod in mods:
                assert mod.split(".")[0] in allowed, f"{path.name} imports {mod}"


def test_core_functions_have_docstrings():
    import ast

    for path in (ROOT / "core").glob("*.py"):
        tree = ast.parse(path.read_text())
        top = list(tree.body) + [n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
        for node in top:  # module-level functions, classes and their methods
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                assert ast.get_docstring(node), f"{path.name}:{node.name} has no docstring"


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    assert "streamlit run app.py" in blocks[0] and "requirements.txt" in blocks[0]
    assert "pytest" in blocks[1] and "requirements-dev.txt" in blocks[1]
    assert readme.index(blocks[1]) < readme.index("# Activation Lab")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "requirements-dev\\.txt" in ci and "README.md" in ci


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert re.fullmatch(r"[\w\-\[\]]+==[\w.]+", line), line


# core/fasttrain.py compiles a training loop it writes itself from integer layer sizes and
# registry-keyed scalar templates (core.network's speed path); fasttrain.checked refuses any other
# argument, so no user text can reach it. That is the only place allowed, and the generated
# source is checked below.
EXEC_ALLOWED = {"core/fasttrain.py": 2}


def test_no_eval_or_exec_outside_tests():
    for path in list(ROOT.glob("*.py")) + list((ROOT / "core").glob("*.py")) + \
            list((ROOT / "ui").rglob("*.py")) + list((ROOT / "pages").glob("*.py")):
        rel = str(path.relative_to(ROOT))
        found = re.findall(r"\b(eval|exec)\(", path.read_text())
        assert len(found) <= EXEC_ALLOWED.get(rel, 0), (rel, found)
        assert "eval(" not in path.read_text().replace("_eval(", ""), rel


def test_generated_training_source_holds_no_free_text():
    network = __import__("core.network", fromlist=["_generate"])
    if not hasattr(network, "_generate"):
        return
    for sizes, acts in [((2, 2, 1), ("sigmoid", "sigmoid")), ((2, 8, 8, 8, 1),
                                                             ("relu", "tanh", "elu", "sigmoid"))]:
        for loss in ("mse", "bce"):
            src = network._generate(sizes, acts, True, loss)
            assert re.fullmatch(r"[A-Za-z0-9_ .,;()\[\]=+\-*/:<>\n#]*", src), "unexpected characters"
            assert "import" not in src and "__" not in src


def test_every_chart_goes_through_the_one_chart_element():
    # ui.page.chart → ui.chart.render (plotly.js updated in place); st.plotly_chart would bring
    # back a chart that is rebuilt, losing the user's zoom, at every change
    for path in list((ROOT / "ui").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + \
            [ROOT / "app.py"]:
        assert "plotly_chart(" not in path.read_text(), path.relative_to(ROOT)
