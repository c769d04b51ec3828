"""The package's layout: the import name, no import cycles, the rule library apart from the stages."""

import ast
import subprocess
import sys
from pathlib import Path

import gofteman
from gofteman.constants import PACKAGE_DIR

PACKAGE = "gofteman"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
    return ".".join([PACKAGE, *(parts[:-1] if parts[-1] == "__init__" else parts)])


def imports() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports (lazy imports included)."""
    modules = {module_name(path): path for path in PACKAGE_DIR.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE):
                submodules = {f"{node.module}.{alias.name}" for alias in node.names}
                found.update(submodules)
                # «from gofteman import conllu» imports the submodule; the package itself only
                # when a name of its own is imported
                if not submodules <= set(modules):
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith(PACKAGE))
        graph[name] = {module for module in found if module in modules and module != name}
    return graph


def test_the_package_imports_as_gofteman_and_installs_no_module_called_pipeline(tmp_path):
    assert Path(gofteman.__file__).parent == PACKAGE_DIR
    # outside the checkout, the installed environment knows gofteman and no top-level `pipeline`
    probe = "import importlib.util, gofteman; print(importlib.util.find_spec('pipeline') is None, gofteman.load_corpus.__name__)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "load_corpus"]


def test_no_import_cycles():
    graph = imports()
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            assert state.get(target) != "open", "import cycle: " + " -> ".join([*path, module, target])
            if target not in state:
                visit(target, [*path, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_rule_library_does_not_import_the_stages():
    for module, targets in imports().items():
        if module.startswith(f"{PACKAGE}.frames"):
            assert not {t for t in targets if t.startswith(f"{PACKAGE}.stages")}, module
