"""The municipal dimension: optional columns in the schema, aggregation to national figures, the
municipal edition of a chapter, and charts that only ever see aggregated frames."""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd
import pytest

from participatie import data
from participatie.book import appendix, open_book, open_chapter
from participatie.data import editions, package, values
from participatie.presentation import charts
from participatie.themes import BY_NAME, THEMES

from conftest import CHAPTERS, REPO
from helpers import papermill
from helpers import rows_of as _rows
from helpers import write_rows as _write_rows

PLACES = [("GM0363", "Amsterdam"), ("GM0599", "Rotterdam")]
KEY_COLUMNS = "indicator+dimension+category+period+source_id+gemeente_code"


def _municipal(path: Path, places=PLACES, columns=("gemeente_code", "gemeente_naam")) -> list[dict]:
    """Rewrite a figure table with one row per place for every figure; return the rows."""
    rows = _rows(path)
    fields = [*rows[0], *columns]
    out = [dict(row, gemeente_code=code, gemeente_naam=name) for code, name in places for row in rows]
    _write_rows(path, out, fields)
    return out


def _problems(data_dir: Path) -> list[data.Problem]:
    with pytest.raises(data.DataValidationError) as caught:
        data.load(data_dir, resources=["beschut_werk"])
    return [p for p in caught.value.problems if p.file == "beschut_werk.csv"]


# --- the schema ---------------------------------------------------------------------------------


def test_schema_marks_the_municipality_columns_optional_and_keyed():
    schema = json.loads((REPO / "data" / "schemas" / "figures.json").read_text(encoding="utf-8"))
    optional = {f["name"]: f for f in schema["fields"] if f.get(package.OPTIONAL)}
    assert set(optional) == {"gemeente_code", "gemeente_naam"}
    assert optional["gemeente_code"]["constraints"]["pattern"] == r"^GM\d{4}$"
    # In the standard's terms a file may leave out a field that is neither required nor keyed ("superset") ...
    assert schema["fieldsMatch"] == "superset" and not set(optional) & set(schema["primaryKey"])
    assert not any(field.get("constraints", {}).get("required") for field in optional.values())
    # ... and a file that has them is checked against the schema with them required and keyed.
    widened = package.with_optional_columns(schema)
    assert widened["primaryKey"] == [*schema["primaryKey"], "gemeente_code"] and widened["fieldsMatch"] == "equal"
    required = {f["name"] for f in widened["fields"] if f.get("constraints", {}).get("required")}
    assert set(optional) <= required and not any(package.OPTIONAL in f for f in widened["fields"])
    assert package.with_optional_columns(widened) == widened


def test_files_with_and_without_the_municipality_columns_are_valid(data_copy):
    _municipal(data_copy / "beschut_werk.csv")
    assert data.validate(data_copy) == []  # beschut_werk with the columns, the other tables without
    loaded = data.load(data_copy, resources=["beschut_werk", "wsw_statistiek"])
    assert set(loaded.tables["beschut_werk"]["gemeente_code"]) == {"GM0363", "GM0599"}
    assert "gemeente_code" not in loaded.tables["wsw_statistiek"].columns


@pytest.mark.parametrize("present, missing", [("gemeente_code", "gemeente_naam"), ("gemeente_naam", "gemeente_code")])
def test_one_municipality_column_alone_is_rejected(data_copy, present, missing):
    _municipal(data_copy / "beschut_werk.csv", columns=(present,))
    problems = _problems(data_copy)
    assert [(p.row, p.column) for p in problems] == [(1, missing)]
    assert "come together" in problems[0].message and str(problems[0]).startswith(
        f"beschut_werk.csv, row 1, column {missing}"
    )


def test_unknown_and_missing_columns_are_still_reported_with_municipal_columns(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _municipal(path)
    _write_rows(path, [dict(r, remark="x") for r in rows], [f for f in [*rows[0], "remark"] if f != "unit"])
    located = {(p.row, p.column, p.message) for p in _problems(data_copy)}
    assert (1, "remark", "unknown column (not in the descriptor)") in located
    assert (1, "unit", "required column is missing") in located


@pytest.mark.parametrize("code", ["GM363", "gm0363", "0363", "GM03631", ""])
def test_bad_municipality_code(data_copy, code):
    path = data_copy / "beschut_werk.csv"
    rows = _municipal(path)
    rows[3]["gemeente_code"] = code
    _write_rows(path, rows, list(rows[0]))
    problems = [p for p in _problems(data_copy) if p.column == "gemeente_code"]
    assert problems and problems[0].row == 5, problems


def test_inconsistent_municipality_name(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _municipal(path)
    rows[5]["gemeente_naam"] = "Amsterdam-Noord"
    _write_rows(path, rows, list(rows[0]))
    (problem,) = _problems(data_copy)
    assert (problem.row, problem.column) == (7, "gemeente_naam")
    assert "'Amsterdam-Noord' differs from 'Amsterdam'" in problem.message and "GM0363 in row 2" in problem.message


def test_primary_key_includes_the_municipality(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _municipal(path)
    assert data.validate(data_copy) == []  # the same figure for two municipalities is no duplicate
    _write_rows(path, [*rows, rows[0]], list(rows[0]))
    problem = next(p for p in _problems(data_copy) if "duplicate key" in p.message)
    assert problem.column == KEY_COLUMNS and problem.row == len(rows) + 2


def test_data_dictionary_lists_optional_columns_only_where_files_have_them(data_copy):
    assert "gemeente_code" not in set(appendix.data_dictionary(open_book())["field"])
    _municipal(data_copy / "beschut_werk.csv")
    dictionary = appendix.data_dictionary(open_book(data_copy))
    assert set(dictionary.loc[dictionary["field"] == "gemeente_code", "file"]) == {"beschut_werk.csv"}


# --- aggregation ----------------------------------------------------------------------------------


def _frame(rows: list[tuple]) -> pd.DataFrame:
    columns = [
        "indicator",
        "dimension",
        "category",
        "period",
        "value",
        "unit",
        "source_id",
        "note",
        "gemeente_code",
        "gemeente_naam",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("dimension", "category", "gemeente_code", "gemeente_naam"):
        frame[column] = frame[column].astype("string")
    return frame


def test_additive_units_are_summed_and_others_averaged():
    frame = _frame(
        [
            ("n", None, None, "2017", 10.0, "personen", "s1", "a", "GM0001", "A"),
            ("n", None, None, "2017", 5.0, "personen", "s1", "b", "GM0002", "B"),
            ("m", None, None, "2017", 1.1, "euro_mln", "s1", "a", "GM0001", "A"),
            ("m", None, None, "2017", 2.2, "euro_mln", "s1", "b", "GM0002", "B"),
            ("p", None, None, "2017", 40.0, "procent", "s1", "a", "GM0001", "A"),
            ("p", None, None, "2017", 60.0, "procent", "s1", "b", "GM0002", "B"),
            ("h", "x", "y", "2017", 30.0, "uren_per_week", "s1", "a", "GM0001", "A"),
            ("h", "x", "y", "2017", 33.0, "uren_per_week", "s1", "b", "GM0002", "B"),
        ]
    )
    national = editions.national(frame)
    assert list(national["indicator"]) == ["n", "m", "p", "h"]  # the table's order
    assert list(national["value"]) == [15.0, 3.3, 50.0, 31.5]  # 1.1 + 2.2 is exactly 3.3 after aggregation
    assert list(national["note"]) == ["a"] * 4  # other columns from the key's first row
    assert "gemeente_code" not in national.columns


def test_a_national_row_wins_over_municipal_rows_of_the_same_key():
    frame = _frame(
        [
            ("n", None, None, "2017", 10.0, "personen", "s1", "gm", "GM0001", "A"),
            ("n", None, None, "2017", 99.0, "personen", "s1", "national", None, None),
            ("n", None, None, "2017", 5.0, "personen", "s1", "gm", "GM0002", "B"),
            ("n", None, None, "2017", 7.0, "personen", "s2", "other letter", "GM0001", "A"),
        ]
    )
    national = editions.national(frame)
    assert list(zip(national["source_id"], national["value"], national["note"])) == [
        ("s1", 99.0, "national"),
        ("s2", 7.0, "other letter"),
    ]


def test_additive_units_live_in_one_place():
    from participatie.presentation.labels import UNIT_TEXT

    assert set(UNIT_TEXT) > values.ADDITIVE_UNITS
    assert set(UNIT_TEXT) - values.ADDITIVE_UNITS == {"procent", "procentpunt", "uren_per_week", "maanden", "jaren"}


def test_mixed_units_within_one_figure_are_an_error():
    frame = _frame(
        [
            ("n", None, None, "2017", 10.0, "personen", "s1", "a", "GM0001", "A"),
            ("n", None, None, "2017", 5.0, "procent", "s1", "b", "GM0002", "B"),
        ]
    )
    with pytest.raises(ValueError, match="n 2017 .s1. has municipal values in different units: personen, procent"):
        editions.national(frame)


def test_open_chapter_aggregates_municipal_rows_to_the_national_figures(data_copy):
    bundled = open_chapter(BY_NAME["beschut_werk"])
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    # Amsterdam gets the national figure, Rotterdam zero (or, for a percentage, the same value).
    additive = [r["unit"] in values.ADDITIVE_UNITS for r in rows]
    zero = [dict(r, value="0" if add else r["value"]) for r, add in zip(rows, additive)]
    out = [dict(r, gemeente_code="GM0363", gemeente_naam="Amsterdam") for r in rows]
    out += [dict(r, gemeente_code="GM0599", gemeente_naam="Rotterdam") for r in zero]
    _write_rows(path, out, [*rows[0], "gemeente_code", "gemeente_naam"])
    opened = open_chapter(BY_NAME["beschut_werk"], data_copy)
    columns = ["indicator", "dimension", "category", "period", "value", "unit", "source_id", "label"]
    pd.testing.assert_frame_equal(opened.figures[columns], bundled.figures[columns])
    assert opened.gemeente is None and opened.edition_note() is None


def test_gemeente_keeps_only_that_municipality(data_copy):
    _municipal(data_copy / "beschut_werk.csv")
    opened = open_chapter(BY_NAME["beschut_werk"], data_copy, gemeente="GM0599")
    assert set(opened.figures["gemeente_code"]) == {"GM0599"}
    assert len(opened.figures) == len(_rows(REPO / "data" / "beschut_werk.csv"))
    assert (opened.gemeente, opened.gemeente_naam) == ("GM0599", "Rotterdam")
    note = opened.edition_note().data
    assert "Gemeentelijke editie: Rotterdam (GM0599)" in note


def test_unknown_gemeente_is_named(data_copy):
    _municipal(data_copy / "beschut_werk.csv")
    with pytest.raises(
        editions.UnknownMunicipality, match=r"gemeente 'GM0001' does not occur in the data \(2 municipalities"
    ):
        open_chapter(BY_NAME["beschut_werk"], data_copy, gemeente="GM0001")
    with pytest.raises(editions.UnknownMunicipality, match="'GM0363': the data hold no municipal figures"):
        open_chapter(BY_NAME["beschut_werk"], gemeente="GM0363")


def test_open_book_passes_the_municipality_to_chapters_with_figures(data_copy):
    with_figures = [t.name for t in THEMES if t.figure_table]
    for name in with_figures:
        _municipal(data_copy / f"{name}.csv")
    opened = open_book(data_copy, gemeente="GM0363")
    pilots = opened.chapters["pilots_werken_naar_vermogen"]  # no municipal figures, but the edition's code
    assert pilots.gemeente == "GM0363" and not pilots.municipal and pilots.gemeente_naam is None
    for name in with_figures:
        assert set(opened.chapters[name].figures["gemeente_code"]) == {"GM0363"}
    assert "Amsterdam (GM0363)" in opened.edition_note().data


def test_a_chapter_without_figures_says_it_has_no_municipal_figures():
    opened = open_chapter(BY_NAME["pilots_werken_naar_vermogen"], gemeente="GM0363")
    assert "geen cijfers per gemeente" in opened.edition_note().data


def test_no_edition_note_for_the_national_book():
    assert open_chapter(BY_NAME["beschut_werk"]).edition_note() is None
    assert open_book().edition_note() is None


# --- charts only see aggregated frames -------------------------------------------------------------


def test_chart_figure_refuses_unaggregated_data():
    big = pd.DataFrame({"x": range(charts.MAX_INLINE_ROWS + 1), "y": 1})
    chart = alt.Chart(big).mark_point().encode(x="x:Q", y="y:Q")
    with pytest.raises(ValueError, match="aggregate before charting"):
        charts.figure(chart, description="d", source_line="Bron: x.", table=big.head(3))
    with pytest.raises(ValueError, match="aggregate before charting"):
        charts.figure(
            chart.properties(data=big.head(3)) + chart.properties(data=big.head(3)),
            description="d",
            source_line="Bron: x.",
            table=big,
        )
    small = charts.figure(
        alt.Chart(big.head(5)).mark_point().encode(x="x:Q"), description="d", source_line="s", table=big.head(5)
    )
    assert charts.inline_rows(small.chart) == 5


def test_charts_of_the_synthetic_data_hold_aggregated_rows(synthetic_data):
    from participatie.themes.banenafspraak_duurzaamheid import charts as ba
    from participatie.themes.beschut_werk import charts as bw
    from participatie.themes.bijstand_financiering import charts as bf
    from participatie.themes.wsw_statistiek import charts as wsw

    for theme, module in (
        ("beschut_werk", bw),
        ("wsw_statistiek", wsw),
        ("banenafspraak_duurzaamheid", ba),
        ("bijstand_financiering", bf),
    ):
        opened = open_chapter(BY_NAME[theme], synthetic_data)
        public = [
            v
            for n, v in sorted(vars(module).items())
            if not n.startswith("_") and getattr(v, "__module__", "") == module.__name__
        ]
        made = [make(opened) for make in public if callable(make)]
        assert made, theme
        for made_figure in made:
            spec = made_figure.spec()
            rows = sum(len(values) for values in spec.get("datasets", {}).values())
            assert 0 < rows < 5000 and len(made_figure.table) < 5000, (theme, rows)


# --- papermill: a municipal edition of a chapter ----------------------------------------------------


def _largest_municipality(data_dir: Path) -> str:
    frame = pd.read_csv(data_dir / "beschut_werk.csv", usecols=["gemeente_code", "unit", "value"])
    return frame.loc[frame["unit"] == "adviezen"].groupby("gemeente_code")["value"].sum().idxmax()


@pytest.mark.slow
def test_papermill_municipal_edition_shows_the_note(synthetic_data, tmp_path):
    code = _largest_municipality(synthetic_data)
    out = tmp_path / "gemeente.ipynb"
    result = papermill(str(CHAPTERS / "beschut_werk.ipynb"), str(out), data_dir=str(synthetic_data), gemeente=code)
    assert result.returncode == 0, result.stderr[-3000:]
    cells = nbformat.read(out, as_version=4).cells
    setup = next(c for c in cells if c.cell_type == "code" and "edition_note" in c.source)
    notes = [o["data"]["text/markdown"] for o in setup.outputs if "text/markdown" in o.get("data", {})]
    assert len(notes) == 1 and f"Gemeentelijke editie: Synthetische gemeente {int(code[2:]) - 9000:03d} ({code})" in notes[0]
    assert "SYNTHETISCHE GEGEVENS" in notes[0]


@pytest.mark.slow
def test_papermill_unknown_gemeente_fails_naming_the_code(synthetic_data, tmp_path):
    result = papermill(
        str(CHAPTERS / "beschut_werk.ipynb"), str(tmp_path / "out.ipynb"), data_dir=str(synthetic_data), gemeente="GM0363"
    )
    assert result.returncode != 0
    assert "gemeente 'GM0363' does not occur in the data" in result.stderr + result.stdout
