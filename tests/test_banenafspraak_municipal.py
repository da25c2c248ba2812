"""Municipal editions of the banenafspraak chapter say only what their numbers show.

On the synthetic per-gemeente data (342 municipalities GM9001–GM9342, loaded once for this module), the
municipalities are chosen from the data so that directions differ from the national picture: a share of
the final target above and one below the national share, an order of the backgrounds that differs from the
national one, a gemeentelijke doelgroep that did not more than double, re-integration provisions that did
not rise, and the smallest municipality. Their texts cite no letter for a municipal number, carry national
figures only in sentences labelled national, and state the directions their own numbers show.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from participatie.book.chapter import chapter_of, load_figures
from participatie.data import load
from participatie.data.editions import municipal
from participatie.presentation import labels
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, presentation, prose
from participatie.themes.banenafspraak_duurzaamheid.prose_base import Edition

# Paragraphs with municipal numbers (a municipal wording); the others are the letters' background, the same in every edition.
MUNICIPAL = ["measure", "target", "end_2016", "end_2017", "latest", "municipal_working", "provisions", "support_people",
             "study_shares", "study_background", "contracts_hours", "contracts_persons"]  # fmt: skip
BACKGROUND = ["agreement", "target_group", "municipal_group", "quota", "calculator", "campaign", "checks", "revisions",
              "limit_sectors", "limit_path", "limit_durability", "limit_register", "limit_sources"]  # fmt: skip
# The national figures of the letters that a municipal sentence may only carry labelled national.
NATIONAL = ["125.000", "100.000", "25.000", "20.500", "22.554", "36.904", "21.400", "12.000", "54.000", "161.000",
            "190.000", "80.000", "4.500", "15.000", "9.400"]  # fmt: skip
SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z])")


@pytest.fixture(scope="module")
def dataset(synthetic_data):
    return load(synthetic_data, resources=[THEME.name])


@pytest.fixture(scope="module")
def national(dataset):
    return chapter_of(THEME, dataset)


@pytest.fixture(scope="module")
def facts(dataset):
    """Return per municipality the numbers whose direction the texts must follow (figures filtered in memory)."""
    every = load_figures(dataset.tables[THEME.name], dataset)
    rows = {}
    for code in sorted(every["gemeente_code"].unique()):
        f = municipal(every, code)
        shares = analysis.retention_by_background(f).set_index("category")["share"]
        rows[code] = {
            "share": analysis.progress(f)["share_of_goal"],
            "count": analysis.progress(f)["count"],
            "factor": analysis.municipal_factor(f),
            "highest": shares.drop("totaal").idxmax() if shares.drop("totaal").is_unique else None,
            "provisions": analysis.reintegration_change(f)["increase"],
        }
    return rows


@pytest.fixture(scope="module")
def chosen(facts, national):
    share = analysis.progress(national.figures)["share_of_goal"]
    pick = lambda test: next(code for code, row in facts.items() if test(row))  # noqa: E731
    return {
        "higher": pick(lambda r: r["share"] > share),
        "lower": pick(lambda r: r["share"] < share),
        "order": pick(lambda r: r["highest"] not in (None, "wsw")),
        "not_doubled": pick(lambda r: r["factor"] <= 2),
        "provisions": pick(lambda r: r["provisions"] <= 0),
        "smallest": min(facts, key=lambda code: facts[code]["count"]),
    }


@pytest.fixture(scope="module")
def editions(dataset, chosen):
    return {code: chapter_of(THEME, dataset, code) for code in set(chosen.values())}


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text) if s]


def test_the_chosen_municipalities_differ_from_the_national_picture(chosen):
    assert len(set(chosen.values())) >= 5


def test_no_municipal_number_is_attributed_to_a_letter(editions):
    for code, edition in editions.items():
        texts = prose.key_figures(edition)
        for name in MUNICIPAL:
            text = texts[f"ba_p_{name}"]
            if name != "measure":
                assert edition.gemeente_naam in text.replace("\\", ""), (code, name)
            for sentence in _sentences(text):
                cites = "brief" in sentence or "Kamer" in sentence
                carries = any(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", sentence) for n in NATIONAL)
                if cites or carries:
                    assert (
                        "andelijk" in sentence
                        or "De brief telt" in sentence
                        or "De definities" in sentence
                        or (name == "measure" and not carries)
                    ), (code, name, sentence)


def test_background_is_the_same_in_every_edition(editions, national):
    expected = prose.key_figures(national)
    for edition in editions.values():
        texts = prose.key_figures(edition)
        for name in BACKGROUND:
            assert texts[f"ba_p_{name}"] == expected[f"ba_p_{name}"], name


def test_the_share_of_the_target_is_compared_with_the_national_one(editions, chosen, national):
    share = analysis.progress(national.figures)["share_of_goal"]
    latest = {key: prose.key_figures(editions[chosen[key]])["ba_p_latest"] for key in ("higher", "lower")}
    assert "hoger dan het landelijke aandeel" in latest["higher"] and "lager dan" not in latest["higher"]
    assert "lager dan het landelijke aandeel" in latest["lower"] and "hoger dan" not in latest["lower"]
    assert f"landelijke aandeel van {round(share)}%" in latest["lower"]
    assert "(eigen berekening)" in latest["lower"] and "volgens de brief" not in latest["lower"]


def test_the_order_of_the_backgrounds_follows_the_municipality(editions, chosen, facts):
    code = chosen["order"]
    text = prose.key_figures(editions[code])["ba_p_study_background"]
    phrase = {"wajong": "Wajong-achtergrond", "participatiewet": "doelgroep Participatiewet"}[facts[code]["highest"]]
    assert re.search(rf"het hoogst bij [^,;.]*{phrase}", text), text
    assert text.count("Landelijk") == 1 and "Landelijk verklaart UWV het verschil" in text


def test_growth_words_follow_the_numbers(editions, chosen, facts):
    code = chosen["not_doubled"]
    text = prose.key_figures(editions[code])["ba_p_municipal_working"]
    assert "meer dan verdubbeld" not in text
    assert ("verdubbeld" in text) == (facts[code]["factor"] == 2)
    provisions = prose.key_figures(editions[chosen["provisions"]])["ba_p_provisions"]
    first = _sentences(provisions)[0]
    assert "steeg" not in first and ("daalde" in first or "bleef gelijk" in first)


def test_the_finding_is_municipal(editions, chosen):
    finding = prose.key_figures(editions[chosen["smallest"]])["ba_finding"]
    first, *rest = _sentences(finding)
    assert first.startswith("In de gegevens van") and "brief" not in first and "(eigen berekening)" in first
    assert rest and all(s.startswith("Landelijk") for s in rest)


def test_charts_and_tables_name_no_letter_for_municipal_figures(editions, chosen):
    edition = editions[chosen["smallest"]]
    jobs = presentation.chart_jobs(edition).table
    assert labels.PRINTED not in set(jobs["Soort"]) and set(jobs["Brief"]) <= {labels.MUNICIPAL_FIGURE, "–"}
    municipal = presentation.chart_municipal(edition)
    assert labels.PRINTED not in set(municipal.table["Soort"]) and set(municipal.table["Brief"]) == {labels.MUNICIPAL_FIGURE}
    assert "gedrukt in de brief" not in str(municipal.spec()) and "zoals gedrukt" not in str(
        presentation.chart_retention_outcomes(edition).spec()
    )
    support = presentation.support_table(edition).frame
    assert set(support["Brief"]) == {labels.MUNICIPAL_FIGURE}
    assert presentation.support_table(edition).caption.startswith("Bron: cijfers per gemeente")


def test_the_municipality_name_is_escaped(editions, chosen):
    edition = dataclasses.replace(editions[chosen["smallest"]], gemeente_naam="*Gemeente* [x](javascript:y)")
    place = Edition(edition).place
    assert place == r"In de gegevens van \*Gemeente\* \[x\]\(javascript\:y\)"
    assert r"\*Gemeente\*" in prose.key_figures(edition)["ba_p_latest"]
