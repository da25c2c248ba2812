"""The package's structure: layers that only import downward, themes whose analysis holds no display text,
no module over 400 lines, no wiring by strings."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from participatie.themes import THEMES

from conftest import REPO
from helpers import docstring_nodes

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


# Every theme folder has the same modules: the record, the analysis, the facts its text needs, its charts and
# tables, its cross-checks. No theme module is a prose module: the words live in the text files.
THEME_MODULES = {"__init__.py", "analysis.py", "facts.py", "charts.py", "tables.py", "checks.py"}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_theme_folder_holds_the_same_modules(theme):
    folder = PACKAGE / "themes" / theme.name
    assert {p.name for p in folder.glob("*.py")} == THEME_MODULES
    assert callable(theme.facts)
    assert (REPO / theme.text_file).is_file() and (REPO / theme.labels_file).is_file()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_over_400_lines_and_no_wiring_by_strings(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, f"{path.name}: {len(text.splitlines())} lines"
    assert "import_module" not in text and "__import__" not in text


# --- words are text: no reader sentence in a Python string literal ---------------------------------------

# Words that mark a phrase as Dutch (and that English text does not use).
DUTCH = {"de", "het", "een", "van", "niet", "geen", "dat", "deze", "wordt", "worden", "zijn", "naar", "uit", "ook",
         "bij", "voor", "met", "die", "heeft", "hun", "zij", "nog", "maar", "tot", "aan", "er", "en", "te"}  # fmt: skip
PHRASE_WORDS = 5
MAX_PHRASES = 50  # the whole package (docstrings and error messages aside)


def _messages(tree: ast.AST) -> set[int]:
    """Return the string nodes inside a raise statement, a print or a warning: messages, not reader text."""
    found = set()
    for node in ast.walk(tree):
        call = node.exc if isinstance(node, ast.Raise) else node if isinstance(node, ast.Call) else None
        if call is None:
            continue
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id in {"print", "TextError", "ValueError", "KeyError"}
        ):
            continue
        found.update(id(child) for child in ast.walk(call) if isinstance(child, ast.Constant))
    return found


def dutch_phrases(path: Path) -> list[str]:
    """Return the Dutch phrases of five words or more in a module's string literals (f-strings joined)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstring_nodes(tree) | _messages(tree)
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            parts = [v.value if isinstance(v, ast.Constant) else "{}" for v in node.values]
            skip.update(id(v) for v in node.values)
            texts.append("".join(str(p) for p in parts))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            texts.append(node.value)
    phrases = []
    for found in texts:
        if " " not in found.strip():
            continue  # an identifier, a code or a path, not a phrase
        words = re.findall(r"[A-Za-zÀ-ÿ]+", found)
        dutch = [w for w in words if w.lower() in DUTCH]
        if len(words) >= PHRASE_WORDS and (len(dutch) >= 2 or {w.lower() for w in dutch} & {"de", "het", "een", "van"}):
            phrases.append(found)
    return phrases


def test_the_package_holds_at_most_fifty_dutch_reader_phrases():
    found = {path.relative_to(PACKAGE).as_posix(): dutch_phrases(path) for path in MODULES}
    total = sum(len(p) for p in found.values())
    assert total <= MAX_PHRASES, {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_no_theme_module_holds_a_dutch_sentence(theme):
    found = {p.name: dutch_phrases(p) for p in (PACKAGE / "themes" / theme.name).glob("*.py")}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_the_phrase_counter_sees_a_sentence_and_ignores_docstrings_and_messages(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        '"""Een docstring is geen tekst voor de lezer."""\n'
        'x = f"Het aantal steeg van {a} tot {b} in de periode"\n'
        'y = "Return the value of the figure as text"\n'
        'raise ValueError("de waarde is niet van een getal")\n',
        encoding="utf-8",
    )
    assert dutch_phrases(module) == ["Het aantal steeg van {} tot {} in de periode"]
