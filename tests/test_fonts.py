"""The book carries its fonts: open-licensed files in the package, declared with @font-face in the web and the
print style sheets, served from the built book's _static/fonts, and a print edition with the same pages, fonts
and text on a machine without any system fonts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

from participatie.book import pdf, sphinx_ext

from conftest import BUILD_HTML, REPO

STATIC = REPO / "src" / "participatie" / "book" / "static"
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
# A fontconfig configuration without a single font directory: what a machine without system fonts sees.


def _faces(css: Path) -> list[dict[str, str]]:
    """Return the @font-face rules of a style sheet: family, the file its src names, weight and style."""
    faces = []
    for body in FONT_FACE.findall(css.read_text(encoding="utf-8")):
        family = re.search(r'font-family:\s*"([^"]+)"', body).group(1)
        (source,) = re.findall(r'url\("([^"]+)"\)', body)
        faces.append({"family": family, "src": source, "weight": re.search(r"font-weight:\s*(\d+)", body).group(1)})
    return faces


@cache
def _cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


def embedded_fonts(reader: pypdf.PdfReader) -> set[str]:
    """Return the names of the fonts a PDF embeds (without the subset prefix), charts' drawings included."""
    names = set()

    def walk(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")).split("+")[-1])
        for drawing in (resources.get("/XObject") or {}).values():
            walk(drawing.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return names


def test_every_font_face_names_a_shipped_file_under_an_open_font_licence():
    print_faces, web_faces = _faces(pdf.PRINT_CSS), _faces(STATIC / "participatie.css")
    assert {f["family"] for f in print_faces} == {"Source Sans 3", "Source Serif 4", "Source Code Pro"}
    assert {f["family"] for f in web_faces} == {"Source Sans 3", "Source Code Pro"}
    for face in print_faces:
        path = (pdf.PRINT_CSS.parent / face["src"]).resolve()
        assert path.parent == pdf.FONTS_DIR.resolve() and path.suffix == ".ttf" and path.is_file(), face
        assert TTFont(path)["name"].getDebugName(1).startswith(face["family"]), face
    for face in web_faces:
        assert face["src"].startswith("fonts/") and face["src"].endswith(".woff2"), face  # _static/fonts/, no CDN
        assert (sphinx_ext.FONTS_DIR / face["src"].removeprefix("fonts/")).is_file(), face
    for family in ("SourceSans3", "SourceSerif4", "SourceCodePro"):
        licence = (pdf.FONTS_DIR / f"LICENSE-{family}.md").read_text(encoding="utf-8")
        assert "SIL Open Font License, Version 1.1" in licence
    css = pdf.PRINT_CSS.read_text(encoding="utf-8") + (STATIC / "participatie.css").read_text(encoding="utf-8")
    assert "Liberation" not in css and "DejaVu" not in css and "http" not in css


def test_the_fonts_have_what_the_book_prints():
    # Every character of the print edition in both text families (a missing one would come from a system font,
    # or be a box without one), and tabular figures by default: every digit as wide as the others.
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("the book is not built: run `make html` (make test does) first")
    text = BeautifulSoup(pdf.document_html(BUILD_HTML), "html.parser").get_text()
    wanted = {ord(c) for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")}
    wanted |= {ord(c) for c in "€–−‐’éëïóö0123456789"}
    for name in ("SourceSans3-Regular", "SourceSans3-Bold", "SourceSerif4-Regular", "SourceSerif4-It", "SourceSerif4-Bold"):
        path = pdf.FONTS_DIR / f"{name}.ttf"
        missing = sorted(chr(c) for c in wanted - _cmap(path))
        assert not missing, f"{name} lacks {missing}"
        font = TTFont(path)
        widths = {font["hmtx"][font.getBestCmap()[ord(digit)]][0] for digit in "0123456789"}
        assert len(widths) == 1, f"{name}: proportional figures"


def test_the_built_web_edition_serves_the_fonts_and_their_licences():
    served = BUILD_HTML / "_static" / "fonts"
    if not served.is_dir():
        pytest.fail("the book is not built: run `make html` (make test does) first")
    for face in _faces(BUILD_HTML / "_static" / "participatie.css"):
        source = served / face["src"].removeprefix("fonts/")
        assert source.read_bytes() == (sphinx_ext.FONTS_DIR / source.name).read_bytes(), face
    assert {path.name for path in served.glob("LICENSE-*.md")} == {path.name for path in pdf.FONTS_DIR.glob("LICENSE-*.md")}
    assert not list(served.glob("*.ttf")), "the web edition serves WOFF2 only"


def test_the_charts_of_the_print_edition_are_set_in_the_books_sans_serif():
    spec = {"data": {"values": [{"a": "x", "b": 1}]}, "mark": "bar", "title": "Eén",
            "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}},
            "config": {"font": "Helvetica Neue, Arial, sans-serif"}}  # fmt: skip
    fonts = {text.get("font-family") for text in BeautifulSoup(pdf.chart_svg(spec), "html.parser").find_all("text")}
    assert fonts == {pdf.CHART_FONT}


def test_no_system_fonts_holds_only_inside_its_block_and_gives_the_environment_back(monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    with pytest.raises(RuntimeError, match="stop"), pdf.without_system_fonts() as config:
        assert os.environ["FONTCONFIG_FILE"] == str(config) and "<dir>" not in config.read_text(encoding="utf-8")
        raise RuntimeError("stop")
    assert os.environ["FONTCONFIG_FILE"] == "/etc/fonts/fonts.conf"
    monkeypatch.delenv("FONTCONFIG_FILE")
    with pdf.without_system_fonts():
        pass
    assert "FONTCONFIG_FILE" not in os.environ


def test_the_print_edition_sees_no_system_font_and_embeds_only_the_books_own():
    """The PDF cannot depend on a machine's fonts: its build sees none (a fontconfig without font folders)."""
    made = BUILD_HTML / pdf.PDF_NAME
    if not made.is_file():
        pytest.fail("the print edition is not built: run `make pdf` (make test does) first")
    script = (
        "from participatie.book import pdf\n"
        "from weasyprint.text.ffi import fontconfig\n"  # what WeasyPrint's fontconfig sees
        "def count():\n"
        "    fonts = fontconfig.FcConfigGetFonts(fontconfig.FcInitLoadConfigAndFonts(), fontconfig.FcSetSystem)\n"
        "    return fonts.nfont if fonts else 0\n"
        "print('before:', count())\n"
        "with pdf.without_system_fonts():\n"
        "    print('system fonts:', count())\n"
        "print('afterwards:', count())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "system fonts: 0" in result.stdout, result.stderr[-2000:]
    # and the process sees the machine's fonts again afterwards (a browser it starts later needs them)
    before, afterwards = (int(re.search(rf"{when}: (\d+)", result.stdout).group(1)) for when in ("before", "afterwards"))
    assert afterwards == before, result.stdout
    assert {name.split("-")[0] for name in embedded_fonts(pypdf.PdfReader(made))} == {"Source"}
