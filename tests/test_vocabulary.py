from datetime import date

import pandas as pd
import pytest

from participatie.figures.facts import Figure, collect, defined, letters
from participatie.presentation import tables, vocabulary


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (1234.5, 1, "1.234,5"),
        (1465, None, "1.465"),
        (0.5, None, "0,5"),
        (612.709, None, "612,709"),
        (125000, 0, "125.000"),
        (36.7245, 1, "36,7"),
        (float("nan"), None, "–"),
    ],
)
def test_number_is_dutch(value, decimals, expected):
    assert vocabulary.number(value, decimals) == expected


def test_value_text_units_and_hedges():
    assert vocabulary.value_text(24, "procent") == "24%"
    assert vocabulary.value_text(612.709, "euro_mln", 1) == "€ 612,7 mln"
    assert vocabulary.value_text(25, "uren_per_week", qualifier="circa") == "circa 25 uur per week"
    assert vocabulary.value_text(30000, "werkplekken", qualifier="ruim") == "ruim 30.000"


def test_value_text_unknown_unit_is_named():
    with pytest.raises(KeyError, match="furlongs"):
        vocabulary.value_text(1, "furlongs")


def test_long_date_and_a_recomputed_number():
    assert vocabulary.long_date(date(2018, 6, 15)) == "15 juni 2018"
    assert vocabulary.number(25821.0) == "25.821"
    assert vocabulary.number(67.52809) == "67,528"
    assert vocabulary.number(699.725) == "699,725"


# --- letters and citations: one house style (docs/redactie.md) ------------------------------------------

SOURCES = pd.DataFrame(
    [
        {"id": "ek-33981-n", "date": "2017-06-30", "chamber": "Eerste Kamer", "reference": "33 981, N"},
        {"id": "tk-29817-145", "date": "2018-06-15", "chamber": "Tweede Kamer", "reference": "29 817, nr. 145"},
        {"id": "evil", "date": "2019-01-02", "chamber": "*Kamer*", "reference": "[x](javascript:alert(1))"},
    ]
)
LETTERS = letters(SOURCES)


@pytest.mark.parametrize(
    ("pages", "text"),
    [
        (3, "p. 3"),
        ([4, 3], "p. 3–4"),
        ([1, 2, 18], "p. 1–2 en 18"),
        ([5, 7, 13, 7], "p. 5, 7 en 13"),
        ("8–9", "p. 8–9"),
        ([7, "9–10"], "p. 7 en 9–10"),
        ([], ""),
    ],
)
def test_pages_read_as_spans_and_lists(pages, text):
    assert vocabulary.pages_text(pages) == text


def test_a_citation_names_the_kamerstuk_and_escapes_data_text():
    assert vocabulary.ref(LETTERS["tk-29817-145"], [3, 4]) == r"Tweede Kamer\, 29 817\, nr\. 145, p. 3–4"
    assert vocabulary.ref(LETTERS["ek-33981-n"]) == r"Eerste Kamer\, 33 981\, N"
    evil = vocabulary.ref(LETTERS["evil"], 1)
    assert "*Kamer*" not in evil and "](" not in evil and r"\*Kamer\*" in evil


def test_citations_group_pages_per_letter_in_order_of_mention():
    figure = Figure(8, "personen", "2018", letter=LETTERS["tk-29817-145"], page=8)
    text = vocabulary.cite([figure, (LETTERS["ek-33981-n"], 11), (LETTERS["tk-29817-145"], 2), None])
    assert text == r"(Tweede Kamer\, 29 817\, nr\. 145, p. 2 en 8; Eerste Kamer\, 33 981\, N, p. 11)"
    assert vocabulary.cite(figure, pages=9) == r"(Tweede Kamer\, 29 817\, nr\. 145, p. 8–9)"


def test_a_sentence_names_letters_by_their_date():
    assert vocabulary.letter(LETTERS["ek-33981-n"]) == "de brief van 30 juni 2017"
    both = vocabulary.letters_phrase([LETTERS["tk-29817-145"], LETTERS["ek-33981-n"]])
    assert both == "de brieven van 30 juni 2017 en 15 juni 2018"


def test_table_cells_name_the_letter_and_page():
    assert tables.letter_pages(["ek-33981-n"], [16], SOURCES) == ["Eerste Kamer, 33 981, N (30 juni 2017), p. 16"]
    assert tables.sources_line(["tk-29817-145", "ek-33981-n", "ek-33981-n"], SOURCES) == (
        "Bron: Eerste Kamer, 33 981, N (30 juni 2017); Tweede Kamer, 29 817, nr. 145 (15 juni 2018)."
    )


@pytest.mark.parametrize(
    ("value", "expected"), [(1, "één"), (4, "vier"), (20, "twintig"), (21, "21"), (0, "0"), (2.5, "2,5"), (1234, "1.234")]
)
def test_small_whole_numbers_read_as_words(value, expected):
    assert vocabulary.words(value) == expected


def test_directions_and_differences_follow_the_numbers():
    assert (
        vocabulary.change(3, 5) == "steeg"
        and vocabulary.change(5, 3) == "daalde"
        and vocabulary.change(3, 3) == "bleef gelijk"
    )
    assert vocabulary.change(float("nan"), 3) == "" and vocabulary.direction(-2) == "daalde"
    assert vocabulary.difference(612.7, 621.8, "euro_mln", 1) == "€ 9,1 mln lager dan"
    assert vocabulary.difference(5, 5, "aantal") == "gelijk aan"
    assert vocabulary.joined(["a", "b", "c"]) == "a, b en c" and vocabulary.joined(["*x*"]) == r"\*x\*"


# --- shared helpers of the themes' facts modules -------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"), [(2, 2.0), (-0.5, -0.5), (None, None), (float("nan"), None), (float("inf"), None), (pd.NA, None)]
)
def test_a_number_is_defined_unless_missing_nan_or_infinite(number, expected):
    assert defined(number) == expected


def test_collect_merges_the_facts_of_every_part_in_order():
    def first(chapter):
        return {"a": chapter, "b": 1}

    def second(chapter):
        return {"b": 2, "c": 3}

    assert collect("x", first, second) == {"a": "x", "b": 2, "c": 3}
