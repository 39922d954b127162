"""docs/configuration.md lists every MNIST_APP_ setting config.py knows, and the code reads them in config.py.

The doc's table and config.py's source must name the same variables. The environment reads are found by walking
the syntax tree of every module of mnist_core/, ui/, app_pages/ and app.py: `os.environ.get(...)`,
`os.environ[...]`, `... in os.environ` and `os.getenv(...)`, with the variable's name written out or held in a
module-level constant. A name in a docstring, a comment or a message is not a read.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mnist_core" / "config.py"
DOC = ROOT / "docs" / "configuration.md"
NAME = re.compile(r"MNIST_APP_[A-Z_]+")
WHOLE_NAME = re.compile(r"MNIST_APP_[A-Z_]+\Z")

# Reads of an MNIST_APP_ variable outside config.py that are in the code today, as (module, variable). Move a
# read into config.py and take it off this list; a new one belongs in config.py, not here.
KNOWN_READS_OUTSIDE_CONFIG: set[tuple[str, str]] = set()


def names_in_config() -> set[str]:
    return set(NAME.findall(CONFIG.read_text(encoding="utf-8")))


def names_in_doc_table(text: str) -> set[str]:
    """The variables named in the first cell of the doc's table rows (other mentions in the doc do not count)."""
    names = set()
    for line in text.splitlines():
        if line.startswith("|"):
            first_cell = line.split("|")[1]
            names |= set(NAME.findall(first_cell))
    return names


def app_modules() -> list[Path]:
    modules = [ROOT / "app.py"]
    for folder in ("mnist_core", "ui", "app_pages"):
        modules += sorted((ROOT / folder).rglob("*.py"))
    return modules


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound to an MNIST_APP_ name, e.g. PASSWORD_VARIABLE = "MNIST_APP_TEACHER_PASSWORD"."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        else:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and WHOLE_NAME.match(value.value):
            found |= {target.id: value.value for target in targets if isinstance(target, ast.Name)}
    return found


def environment_reads(source: str, constants: dict[str, str] | None = None) -> set[str]:
    """The MNIST_APP_ variables this source reads from the process's environment."""
    tree = ast.parse(source)
    known = {**(constants or {}), **_constants(tree)}
    from_os = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "os"
        for alias in node.names
    }

    def is_environ(node: ast.expr) -> bool:
        if isinstance(node, ast.IfExp):  # (os.environ if environ is None else environ)
            return is_environ(node.body) or is_environ(node.orelse)
        if isinstance(node, ast.Attribute):
            return node.attr == "environ" and isinstance(node.value, ast.Name) and node.value.id == "os"
        return isinstance(node, ast.Name) and node.id == "environ" and "environ" in from_os

    def is_getenv(node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr == "getenv" and isinstance(node.value, ast.Name) and node.value.id == "os"
        return isinstance(node, ast.Name) and node.id == "getenv" and "getenv" in from_os

    def variable(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and WHOLE_NAME.match(node.value):
            return node.value
        if isinstance(node, ast.Name):
            return known.get(node.id)
        if isinstance(node, ast.Attribute):  # teacher.PASSWORD_VARIABLE
            return known.get(node.attr)
        return None

    keys = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            function = node.func
            read = is_getenv(function) or (
                isinstance(function, ast.Attribute)
                and function.attr in ("get", "pop", "setdefault", "__getitem__")
                and is_environ(function.value)
            )
            if read:
                keys.append(node.args[0])
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and is_environ(node.value):
            keys.append(node.slice)
        elif isinstance(node, ast.Compare) and any(is_environ(comparator) for comparator in node.comparators):
            keys.append(node.left)  # "MNIST_APP_X" in os.environ
    return {name for name in map(variable, keys) if name is not None}


def reads_by_module() -> dict[str, set[str]]:
    """Every MNIST_APP_ read of the app's modules, by module path (constants shared across modules resolve)."""
    sources = {path: path.read_text(encoding="utf-8") for path in app_modules()}
    constants = {}
    for source in sources.values():
        constants |= _constants(ast.parse(source))
    reads = {}
    for path, source in sources.items():
        reads[path.relative_to(ROOT).as_posix()] = environment_reads(source, constants)
    return {module: names for module, names in reads.items() if names}


def test_the_configuration_doc_lists_exactly_the_variables_config_py_names():
    documented = names_in_doc_table(DOC.read_text(encoding="utf-8"))
    known = names_in_config()
    assert known, "config.py names no MNIST_APP_ variable: has it moved?"
    assert documented == known, (
        f"in config.py but not in docs/configuration.md's table: {sorted(known - documented)}; "
        f"in the table but not in config.py: {sorted(documented - known)}"
    )


def test_only_config_py_reads_the_environment_apart_from_the_known_exceptions():
    reads = reads_by_module()
    assert reads.get("mnist_core/config.py"), "the check found no read in config.py: it is not looking right"
    outside = {(module, name) for module, names in reads.items() if module != "mnist_core/config.py" for name in names}
    known = set(KNOWN_READS_OUTSIDE_CONFIG)  # set({}) is empty when the list is
    assert outside == known, (
        f"new reads outside config.py (move them there): {sorted(outside - known)}; "
        f"listed reads no longer there (take them off the list): {sorted(known - outside)}"
    )


def test_the_check_sees_reads_and_passes_over_mentions():
    source = '''
"""MNIST_APP_IN_A_DOCSTRING is only named here."""
import os
from os import environ, getenv

VARIABLE = "MNIST_APP_BY_CONSTANT"
settings = {"MNIST_APP_IN_A_DICT": "1"}  # MNIST_APP_IN_A_COMMENT
message = "set MNIST_APP_IN_A_MESSAGE"
os.environ.get("MNIST_APP_GET", "")
os.environ["MNIST_APP_ITEM"]
os.getenv("MNIST_APP_GETENV")
getenv("MNIST_APP_BARE_GETENV")
environ.get(VARIABLE)
"MNIST_APP_IN" in os.environ
(os.environ if settings is None else settings).get("MNIST_APP_EITHER")
'''
    assert environment_reads(source) == {
        "MNIST_APP_GET",
        "MNIST_APP_ITEM",
        "MNIST_APP_GETENV",
        "MNIST_APP_BARE_GETENV",
        "MNIST_APP_BY_CONSTANT",
        "MNIST_APP_IN",
        "MNIST_APP_EITHER",
    }
    table = "| name | default |\n|---|---|\n| `MNIST_APP_A` | x, unlike `MNIST_APP_B` |\n\n- `MNIST_APP_C`: no row"
    assert names_in_doc_table(table) == {"MNIST_APP_A"}
