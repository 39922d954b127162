"""The shape of mnist_core: no import cycle, a short top level, and a public face for each subpackage.

The graph counts every `import` statement, those inside functions included; only `if TYPE_CHECKING:` blocks are
left out, since they never run. `from package import name` counts as importing the package's __init__ when
`name` is not a module of it, because that is what Python runs.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mnist_core"
MOST_TOP_LEVEL_MODULES = 12  # issue #29: config, limits, i18n, errors and the like


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name ("mnist_core.data" for data/__init__.py)."""
    names = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for statement in node.body for inner in ast.walk(statement))
    return skipped


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that the module `name` imports."""

    def known(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(known(alias.name) for alias in node.names if alias.name.startswith("mnist_core"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own package
                base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                source = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.startswith("mnist_core"):
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    found.add(full if full in modules else known(source))
    found.discard(None)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in graph:
                    continue
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_graph_sees_imports_inside_functions_and_skips_type_checking_blocks(tmp_path):
    package = tmp_path / "mnist_core"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from mnist_core.sub.b import B\n")
    (package / "sub" / "a.py").write_text("def f():\n    from mnist_core.sub import b\n")
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from mnist_core.sub.a import f\nB = 1\n"
    )
    (package / "c.py").write_text("from mnist_core.sub import B\n")
    modules = module_names(package)
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    assert graph["mnist_core.sub.a"] == {"mnist_core.sub.b"}  # inside a function
    assert graph["mnist_core.sub.b"] == set()  # TYPE_CHECKING only
    assert graph["mnist_core.c"] == {"mnist_core.sub"}  # a name from a package: its __init__
    assert cycles(graph) == []
    (package / "sub" / "b.py").write_text("from mnist_core.c import x\n")
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    assert cycles(graph) == [["mnist_core.c", "mnist_core.sub", "mnist_core.sub.b"]]


def test_mnist_core_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_top_level_is_short():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MOST_TOP_LEVEL_MODULES, top


@pytest.mark.parametrize(
    "package", sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py") if path.parent.name != "locales")
)
def test_each_subpackage_names_its_public_face(package):
    """Each subpackage's __init__ says what it is for and lists the names to use from outside, all importable."""
    module = importlib.import_module(f"mnist_core.{package}")
    assert module.__doc__ and module.__doc__.strip(), f"mnist_core/{package}/__init__.py has no docstring"
    public = getattr(module, "__all__", None)
    assert public, f"mnist_core/{package}/__init__.py lists no public names (__all__)"
    for name in public:
        assert hasattr(module, name), f"mnist_core.{package}.{name} is listed but not there"
