"""House rules that a test can check: pure-numpy core, README/CI agreement, pinned requirements."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_numpy_and_stdlib_only():
    allowed = {"numpy", "math", "dataclasses", "typing", "__future__", "core", "functools",
               "itertools", "enum", "collections", "abc"}
    for path in (ROOT / "core").glob("*.py"):
        for mod in re.findall(r"^\s*(?:from|import)\s+([\w.]+)", path.read_text(), re.M):
            assert mod.split(".")[0] in allowed, f"{path.name} imports {mod}"


def test_core_functions_have_docstrings():
    import ast

    for path in (ROOT / "core").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
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


def test_no_eval_or_exec_outside_tests():
    for path in list(ROOT.glob("*.py")) + list((ROOT / "core").glob("*.py")) + \
            list((ROOT / "ui").rglob("*.py")) + list((ROOT / "pages").glob("*.py")):
        assert not re.search(r"\b(eval|exec)\(", path.read_text()), path
