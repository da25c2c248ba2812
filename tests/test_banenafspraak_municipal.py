"""Municipal editions of the banenafspraak chapter say only what their numbers show.

On the synthetic per-gemeente data (342 municipalities GM9001–GM9342, loaded once for this module), the
municipalities are chosen from the data so that directions differ from the national picture: a share of
the final target above and one below the national share, an order of the backgrounds that differs from the
national one, a gemeentelijke doelgroep that did not more than double, re-integration provisions that did
not rise, and the smallest municipality. Their facts cite no letter for a municipal number; their rendered
text (`Chapter.text()`) carries national figures only in sentences labelled national, and states the
directions their own numbers show.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from participatie.book.chapter import chapter_of, load_figures
from participatie.data import load
from participatie.data.editions import municipal
from participatie.figures.facts import Figure
from participatie.presentation import labels, vocabulary
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, charts, tables

# Blocks with municipal numbers (a municipal wording); the others are the same in every edition.
MUNICIPAL = ["measure", "target", "end_2016", "end_2017", "latest", "municipal_working", "provisions", "support_people",
             "study_shares", "study_background", "contracts_hours", "contracts_persons"]  # fmt: skip
# Blocks whose only municipal difference is a sentence labelled national ("Landelijk stelt …"), and the finding.
LABELLED = ["without_work", "finding"]
# Figures that are no municipal quantity at all: the letters' (national, cited) in every edition.
THE_LETTERS = {"quota_countries", "calculator_steps", "calculator_benefit_limit", "ict_cost_threshold", "campaign_branches",
               "campaign_employer_size", "campaign_impressions", "campaign_views", "campaign_views_usual_low",
               "campaign_views_usual_high"}  # fmt: skip
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


class _Numbers(dict):
    """The numbers of one municipality whose direction the texts must follow, each computed when first read
    (choosing municipalities reads most of them for only the first few; all 342 in full take seconds)."""

    def __init__(self, figures):
        super().__init__()
        self.figures = figures

    def __missing__(self, key: str):
        f = self.figures
        if key in ("share", "count"):
            progress = analysis.progress(f)
            self.update(share=progress["share_of_goal"], count=progress["count"])
        elif key == "highest":
            shares = analysis.retention_by_background(f).set_index("category")["share"].drop("totaal")
            self[key] = shares.idxmax() if shares.is_unique else None
        elif key == "factor":
            self[key] = analysis.municipal_factor(f)
        elif key == "provisions":
            self[key] = analysis.reintegration_change(f)["increase"]
        return self[key]


@pytest.fixture(scope="module")
def numbers(dataset):
    """Return per municipality (in code order) its numbers, filtered from the figures in memory."""
    every = load_figures(dataset.tables[THEME.name], dataset)
    return {code: _Numbers(municipal(every, code)) for code in sorted(every["gemeente_code"].unique())}


@pytest.fixture(scope="module")
def chosen(numbers, national):
    share = analysis.progress(national.figures)["share_of_goal"]
    pick = lambda test: next(code for code, row in numbers.items() if test(row))  # noqa: E731
    return {
        "higher": pick(lambda r: r["share"] > share),
        "lower": pick(lambda r: r["share"] < share),
        "order": pick(lambda r: r["highest"] not in (None, "wsw")),
        "not_doubled": pick(lambda r: r["factor"] <= 2),
        "provisions": pick(lambda r: r["provisions"] <= 0),
        "smallest": min(numbers, key=lambda code: numbers[code]["count"]),
    }


@pytest.fixture(scope="module")
def editions(dataset, chosen):
    return {code: chapter_of(THEME, dataset, code) for code in set(chosen.values())}


@pytest.fixture(scope="module")
def texts(editions):
    return {
        code: {name.removeprefix("ba_"): text for name, text in edition.text().items()} for code, edition in editions.items()
    }


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text) if s]


def test_the_chosen_municipalities_differ_from_the_national_picture(chosen):
    assert len(set(chosen.values())) >= 5


def test_a_municipal_figure_has_no_letter_and_cannot_be_cited(editions):
    for code, edition in editions.items():
        for name, fact in edition.facts.items():
            if not isinstance(fact, Figure):
                continue
            national = name.startswith("national_") or name in THE_LETTERS
            assert (fact.letter is not None) == national, (code, name, fact)
            if not national:
                with pytest.raises(ValueError, match="no letter"):
                    vocabulary.cite(fact)


def test_no_municipal_number_is_attributed_to_a_letter(editions, texts):
    for code, edition in editions.items():
        for name in MUNICIPAL:
            text = texts[code][name]
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


def test_blocks_without_municipal_numbers_are_the_same_in_every_edition(editions, texts, national):
    expected = {name.removeprefix("ba_"): text for name, text in national.text().items()}
    same = set(expected) - set(MUNICIPAL) - set(LABELLED)
    assert {"limit_path", "target_total", "letter_june_2017", "campaign_views"} <= same
    for code in editions:
        for name in same:
            assert texts[code][name] == expected[name], (code, name)
        for name in LABELLED:
            assert texts[code][name] != expected[name] and "Landelijk" in texts[code][name], (code, name)


def test_the_share_of_the_target_is_compared_with_the_national_one(editions, texts, chosen):
    for key, word, other in (("higher", "hoger dan", "lager dan"), ("lower", "lager dan", "hoger dan")):
        facts, latest = editions[chosen[key]].facts, texts[chosen[key]]["latest"]
        assert vocabulary.higher_lower(facts["jobs_share_of_goal"], facts["national_jobs_share_of_goal"]) == word
        assert f"{word} het landelijke aandeel" in latest and other not in latest
        assert f"landelijke aandeel van {vocabulary.pct(facts['national_jobs_share_of_goal'])}" in latest
        assert "(eigen berekening)" in latest and "volgens de brief" not in latest


def test_the_order_of_the_backgrounds_follows_the_municipality(editions, texts, chosen, numbers):
    code = chosen["order"]
    assert editions[code].facts["retention_highest"] == numbers[code]["highest"] != "wsw"
    text = texts[code]["study_background"]
    phrase = {"wajong": "Wajong-achtergrond", "participatiewet": "doelgroep Participatiewet"}[numbers[code]["highest"]]
    assert re.search(rf"het hoogst bij [^,;.]*{phrase}", text.replace("\\", "")), text
    assert text.count("Landelijk") == 1 and "Landelijk is volgens UWV de duur van het werk" in text


def test_growth_words_follow_the_numbers(editions, texts, chosen, numbers):
    code = chosen["not_doubled"]
    assert editions[code].facts["group_factor"] == numbers[code]["factor"] <= 2
    text = texts[code]["municipal_working"]
    assert "meer dan verdubbeld" not in text
    assert ("verdubbeld" in text) == (numbers[code]["factor"] == 2)
    provisions = editions[chosen["provisions"]].facts
    assert provisions["provisions_change"] <= 0
    first = _sentences(texts[chosen["provisions"]]["provisions"])[0]
    assert "steeg" not in first and ("daalde" in first or "bleef gelijk" in first)
    assert vocabulary.change(provisions["provisions_first"], provisions["provisions_last"]) in first


def test_the_finding_is_municipal(editions, chosen):
    finding = editions[chosen["smallest"]].finding()
    first, *rest = _sentences(finding)
    assert first.startswith("In de gegevens van") and "brief" not in first and "(eigen berekening)" in first
    assert rest and all(s.startswith("Landelijk") for s in rest)


def test_municipal_texts_carry_no_undefined_numbers(texts):
    for code, blocks in texts.items():
        for name, text in blocks.items():
            assert not re.search(r"\b(?:nan|inf|None)\b|Figure\(", text), (code, name, text)


def test_charts_and_tables_name_no_letter_for_municipal_figures(editions, chosen):
    edition = editions[chosen["smallest"]]
    jobs = charts.extra_jobs(edition).table
    assert labels.PRINTED not in set(jobs["Soort"]) and set(jobs["Brief"]) <= {labels.MUNICIPAL_FIGURE, "–"}
    group = tables.municipal_target_group(edition)
    assert labels.PRINTED not in set(group.table["Soort"]) and set(group.table["Brief"]) == {labels.MUNICIPAL_FIGURE}
    assert labels.PRINTED not in group._repr_mimebundle_()["text/html"]
    outcomes = charts.retention_outcomes(edition).spec()
    assert edition.gemeente_naam in outcomes["title"]["subtitle"] and "zoals gedrukt" not in str(outcomes)
    support = tables.support(edition)
    assert set(support.frame["Brief"]) == {labels.MUNICIPAL_FIGURE}
    assert support.caption.startswith("Bron: cijfers per gemeente")


def test_the_municipality_name_is_escaped(editions, chosen):
    edition = dataclasses.replace(editions[chosen["smallest"]], gemeente_naam="*Gemeente* [x](javascript:y)")
    texts = edition.text()
    assert r"In de gegevens van \*Gemeente\* \[x\]\(javascript\:y\)" in texts["ba_latest"]
    assert "[x](" not in " ".join(texts.values()) and "*Gemeente*" not in " ".join(texts.values())
