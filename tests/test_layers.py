"""The package's structure: layers that only import downward, themes whose analysis holds no display text,
no module over 400 lines, no wiring by strings."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from participatie.themes import THEMES

from conftest import REPO

PACKAGE = REPO / "src" / "participatie"
# Each layer may import only from the layers listed after it.
LAYERS = ["tools", "book", "themes", "presentation", "figures", "data"]
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Return the participatie sub-packages a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts  # ('participatie', 'book', 'chapter')
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[: len(parts) - node.level])
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    subpackages = {name.split(".")[1] for name in found if name.startswith("participatie.")}
    return subpackages - {"__version__"}  # the package's version is no layer


def _layer(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_module_imports_only_its_own_layer_and_the_layers_below(path):
    layer = _layer(path)
    if layer is None:
        return  # __init__ and __main__ of the package: the entry points
    allowed = set(LAYERS[LAYERS.index(layer) :])
    assert _imports(path) <= allowed, f"{path.name} ({layer}) imports {sorted(_imports(path) - allowed)}"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_theme_analysis_holds_no_display_text(theme):
    analysis = PACKAGE / "themes" / theme.name / "analysis.py"
    tree = ast.parse(analysis.read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {m for m in imported if "presentation" in m or "book" in m}, imported
    assert {"analysis.py", "presentation.py", "prose.py", "checks.py", "__init__.py"} <= {
        p.name for p in analysis.parent.glob("*.py")
    }


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_over_400_lines_and_no_wiring_by_strings(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, f"{path.name}: {len(text.splitlines())} lines"
    assert "import_module" not in text and "__import__" not in text
