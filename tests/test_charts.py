import importlib
import inspect
import json
import re
from pathlib import Path
from urllib.parse import unquote

import altair as alt
import pandas as pd
import pytest

from participatie.presentation import charts, labels, shapes, vocabulary


@pytest.fixture
def chart():
    frame = pd.DataFrame({"jaar": ["2015", "2016"], "aantal": [116, 1388]})
    return alt.Chart(frame).mark_bar().encode(x="jaar:N", y=alt.Y("aantal:Q", axis=charts.value_axis("adviezen")))


def test_house_theme_uses_the_palette_and_dutch_number_format():
    config = charts.house_theme()["config"]
    assert config["range"]["category"][:4] == ["#12436D", "#28A197", "#801650", "#F46A25"]
    assert config["numberFormat"] == ",.0f"


def test_chart_id_is_stable_and_depends_on_the_spec():
    assert charts.chart_id({"a": 1}) == charts.chart_id({"a": 1})
    assert charts.chart_id({"a": 1}) != charts.chart_id({"a": 2})
    assert re.fullmatch(r"pp-chart-[0-9a-f]{12}", charts.chart_id({}))


def test_embed_html_is_offline_and_deterministic(chart):
    spec = chart.to_dict()
    first, second = charts.embed_html(spec), charts.embed_html(spec)
    assert first == second
    assert "http" not in first, "no CDN or schema URL in the page"
    assert '"formatLocale":{"currency"' in first and '"decimal":","' in first and '"thousands":"."' in first
    assert 'window.ppChart("#pp-chart-' in first and "<\\/" not in json.dumps(spec)


@pytest.mark.parametrize("text", ["</script><img src=x onerror=alert(1)>", "<!-- x", "a & b", "]]>", "\u2028"])
def test_embed_html_keeps_data_text_inside_the_script(text):
    spec = {"data": {"values": [{"x": text}]}, "mark": "bar", "description": text}
    html = charts.embed_html(spec)
    script = html.split("<script>", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in script.replace("\\u003c", "") and ">" not in script.replace("\\u003e", "").replace("=>", "")
    assert html.count("</script>") == 1 and "<!--" not in html
    assert json.loads(script.split("var spec = ", 1)[1].split(";\n", 1)[0])["data"]["values"][0]["x"] == text


def test_figure_outputs_chart_source_line_and_table(chart):
    table = pd.DataFrame({"Jaar": ["2015", "2016"], "Aantal": [116, 1388]})
    figure = charts.figure(chart, description="Staven per jaar", source_line="Bron: brief.", table=table)
    bundle = figure._repr_mimebundle_()
    html = bundle["text/html"]
    assert "Bron: brief." in html and "<details" in html and "1.388" in html
    assert bundle[charts.VEGALITE_MIMETYPE]["description"] == "Staven per jaar"
    assert '"description":"Staven per jaar"' in html
    # participatie-charts.js names the drawn SVG by the description
    script = (Path(charts.__file__).parents[1] / "book" / "static" / "participatie-charts.js").read_text(encoding="utf-8")
    assert 'setAttribute("aria-label", description' in script and "window.ppChart = ppChart" in script


def test_whole_numbers_are_written_without_decimals_in_both_csvs():
    table = pd.DataFrame({"Jaar": ["2015", "2016"], "Adviezen": [116.0, None], "Aandeel": [4.8, 5.0]})
    assert charts.csv_text(table) == "Jaar,Adviezen,Aandeel\n2015,116,4.8\n2016,,5.0\n"
    assert charts.csv_text(table, excel=True) == "\ufeffJaar;Adviezen;Aandeel\r\n2015;116;4,8\r\n2016;;5,0\r\n"


def test_a_csv_link_escapes_what_could_end_its_attribute_or_uri_and_keeps_plain_punctuation():
    table = pd.DataFrame({"Bron": ['a "b" <i> & c # d? 100% (p. 4); e, f: g/h\ni', "financiële"]})
    uri = charts.csv_uri(table)
    data = uri.removeprefix("data:text/csv;charset=utf-8,")
    assert not set(data) & set("\"'<>&#?: \n") and "%25" in data and "(p." in data and ";" in data and data.isascii()
    assert unquote(data) == charts.csv_text(table)


def test_figure_offers_its_own_data_and_image(chart):
    table = pd.DataFrame({"Jaar": ["2015", "2016"], "Aandeel": [11.5, 1388.25], "Soort": ["financiële", 'a "b"; c']})
    line = charts.SourceLine("Bron: brief.", ("beschut_werk.csv",))
    figure = charts.figure(chart.properties(title="Staven per jaar"), description="x", source_line=line, table=table)
    html = figure._repr_mimebundle_()["text/html"]
    links = dict(re.findall(r'class="pp-download (pp-chart-csv|pp-chart-excel)" href="([^"]+)"', html))
    plain = unquote(links["pp-chart-csv"].removeprefix("data:text/csv;charset=utf-8,"))
    excel = unquote(links["pp-chart-excel"].removeprefix("data:text/csv;charset=utf-8,"))
    assert plain == 'Jaar,Aandeel,Soort\n2015,11.5,financiële\n2016,1388.25,"a ""b""; c"\n'
    assert excel == '\ufeffJaar;Aandeel;Soort\r\n2015;11,5;financiële\r\n2016;1388,25;"a ""b""; c"\r\n'
    assert 'download="staven-per-jaar.csv"' in html and 'download="staven-per-jaar-excel.csv"' in html
    assert html.count("pp-download pp-chart-image") == 2 and 'data-format="svg" download="staven-per-jaar.svg">' in html
    assert '(CSV)</a><span class="pp-chart-images" hidden>, <a class="pp-download pp-chart-image"' in html
    # everything after "Downloaden:" is for the screen: the chart's own files, then the chapter's
    caption = html.split('<figcaption class="pp-source">', 1)[1].split("</figcaption>", 1)[0]
    assert caption.startswith("Bron: brief. Downloaden: ") and "; alle gegevens van dit hoofdstuk: " in caption


def test_file_stem_is_plain_ascii():
    assert charts.file_stem({"title": {"text": ["Financiële", "middelen: 2017–2021"]}}) == "financiele-middelen-2017-2021"
    assert charts.file_stem({"title": "<script>"}) == "script" and charts.file_stem({}).startswith("pp-chart-")


def test_figure_requires_a_description(chart):
    with pytest.raises(ValueError, match="description"):
        charts.figure(chart, description="", source_line="Bron: x.", table=pd.DataFrame())


def test_enable_registers_theme_and_offline_renderer(chart):
    charts.enable()
    assert alt.renderers.active == charts.RENDERER_NAME
    bundle = alt.renderers.get()(chart.to_dict())
    assert "ppChart" in bundle["text/html"] and "cdn" not in bundle["text/html"]


def test_value_axis_and_title():
    axis = charts.value_axis("euro_mln")
    assert axis.title == "Miljoen euro" and axis.format == ",~f"
    assert charts.title("Titel", "Onder").subtitle == "Onder"


def test_javascript_bundle_defines_vega_embed_in_its_own_scope():
    bundle = charts.javascript_bundle()
    assert bundle.startswith("(function () {") and "window.vegaEmbed" in bundle
    assert len(bundle) > 500_000


def test_source_html_links_the_data_files():
    line = charts.SourceLine("Bron: brief.", ("beschut_werk.csv",))
    html = charts.source_html(line)
    assert html.startswith("Bron: brief. Downloaden:")
    assert 'href="../_static/data/beschut_werk.csv" download' in html
    assert 'href="../_static/excel/beschut_werk.csv" download>voor Excel</a>' in html
    assert charts.source_html("Bron: <x>.") == "Bron: &lt;x&gt;."


def test_kind_look_gives_each_kind_of_value_its_one_look():
    look = charts.kind_look(
        "soort", {"gedrukt": charts.PRINTED, "raming": charts.ESTIMATE, "eigen": charts.OWN, "later": charts.NEWER}
    )
    fill, stroke, dash = (look[channel].to_dict() for channel in ("fill", "stroke", "strokeDash"))
    assert fill["scale"]["range"] == [charts.PRIMARY, charts.tint(charts.PRIMARY), charts.MUTED, charts.WHITE]
    assert stroke["scale"]["range"] == [charts.PRIMARY, charts.PRIMARY, charts.GREY, charts.PRIMARY]
    assert dash["scale"]["range"] == [charts.SOLID, charts.DOTTED, charts.DASHED, charts.SOLID]
    assert fill["sort"] == stroke["sort"] == dash["sort"] == ["gedrukt", "raming", "eigen", "later"]  # one legend
    assert charts.tint("#12436D") == "#ACBDCC" and charts.tint("#000000", 1) == "#000000"


# --- every chart of every chapter: each kind of value in its one look (the introduction's Leeswijzer) ----------

THEMES = [
    "banenafspraak_duurzaamheid",
    "beschut_werk",
    "bijstand_financiering",
    "pilots_werken_naar_vermogen",
    "wsw_statistiek",
]


def _chart_specs(gemeente=None):
    from participatie.book import open_chapter

    for name in THEMES:
        theme = importlib.import_module(f"participatie.themes.{name}")
        module = importlib.import_module(f"participatie.themes.{name}.charts")
        chapter = open_chapter(theme.THEME, None, gemeente)
        for function in [f for n, f in inspect.getmembers(module, inspect.isfunction) if f.__module__ == module.__name__]:
            if not function.__name__.startswith("_"):
                yield f"{name}.{function.__name__}", function(chapter).spec(), chapter


def _encodings(node):
    """Yield every encoding block of a spec (in layers, facets, concatenations)."""
    if isinstance(node, dict):
        if isinstance(node.get("encoding"), dict):
            yield node["encoding"]
        for key, value in node.items():
            if key not in ("data", "datasets"):
                yield from _encodings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _encodings(item)


def _dashes(node):
    """Yield every dash pattern in a spec: of marks and of strokeDash scales."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "strokeDash" and isinstance(value, list):
                yield value
            elif key in ("data", "datasets"):
                continue
            else:
                yield from _dashes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _dashes(item)


def _looks(spec: dict) -> dict[str, dict[str, object]]:
    """Return per legend word the fill, stroke and strokeDash its scales give it."""
    found: dict[str, dict[str, object]] = {}
    for encoding in _encodings(spec):
        for channel in ("fill", "stroke", "strokeDash", "color"):
            scale = (encoding.get(channel) or {}).get("scale") if isinstance(encoding.get(channel), dict) else None
            if isinstance(scale, dict) and isinstance(scale.get("domain"), list) and isinstance(scale.get("range"), list):
                for word, value in zip(scale["domain"], scale["range"]):
                    if isinstance(word, str):
                        found.setdefault(word, {})[channel] = value
    return found


@pytest.fixture(scope="module")
def chart_specs():
    return list(_chart_specs())


def test_every_chart_draws_each_kind_of_value_in_the_shared_look(chart_specs):
    own = {"stroke": charts.GREY, "strokeDash": charts.DASHED}
    checked = set()
    for name, spec, chapter in chart_specs:
        estimates = {chapter.label("words")["extrapolated"]} if name.startswith("beschut_werk") else set()
        for word, look in _looks(spec).items():
            if labels.COMPUTED in word:  # our own calculation: grey, dashed, wherever a scale names it
                assert all(look[key] == value for key, value in own.items() if key in look), (name, word, look)
                assert {look.get("color", charts.GREY), look.get("fill", charts.MUTED)} <= {charts.MUTED, charts.GREY}, look
                checked.add(charts.OWN)
            elif word == labels.NEWER_LETTER:
                assert (
                    look.get("fill", charts.WHITE) == charts.WHITE and look.get("strokeDash", charts.SOLID) == charts.SOLID
                )
                checked.add(charts.NEWER)
            elif word in estimates:  # the letter's own estimate: a tint of the series' colour, dotted
                tints = {charts.tint(c) for c in charts.PALETTE}
                assert look.get("fill", charts.tint(charts.PRIMARY)) in tints and look["strokeDash"] == charts.DOTTED
                checked.add(charts.ESTIMATE)
            else:  # anything else is no computation: never our grey, never dashed
                grey = {look.get("fill"), look.get("color")} & {charts.MUTED, charts.GREY}
                assert not grey and look.get("strokeDash") != charts.DASHED, (name, word, look)
        # dashes mean the kinds: every dash in a chart is one of the three, and a dashed line is our own calculation
        for dash in _dashes(spec):
            assert dash in (charts.SOLID, charts.DOTTED, charts.DASHED), (name, dash)
    assert checked >= {charts.OWN, charts.ESTIMATE}, checked  # both kinds occur, so the check is no empty loop


def test_the_look_check_catches_a_chart_that_draws_its_own_calculation_otherwise(chart_specs):
    name, spec, chapter = next(item for item in chart_specs if item[0] == "beschut_werk.assessments")
    fill = spec["spec"]["encoding"]["fill"]["scale"]
    fill["range"] = [charts.PRIMARY, charts.PRIMARY]  # our subtraction drawn like a printed figure
    with pytest.raises(AssertionError):
        test_every_chart_draws_each_kind_of_value_in_the_shared_look([(name, spec, chapter)])


def test_table_figure_keeps_the_source_line_and_the_data_downloads():
    class Chapter:
        def label(self, key):
            return "Aandeel per jaar"

        def source_line(self, rows):
            return charts.SourceLine("Bron: brief.", ("a.csv",))

    table = pd.DataFrame({"Jaar": ["2011", "2012"], "Procent": [24.1, 25.0]})
    figure = shapes.labelled_table_figure(Chapter(), "aandeel", pd.DataFrame({"source_id": ["brief-a"]}), table)
    html = figure._repr_mimebundle_()["text/html"]
    assert '<figure class="pp-figure pp-table-figure">' in html and "<caption>Aandeel per jaar</caption>" in html
    assert 'download="aandeel-per-jaar.csv"' in html and 'download="aandeel-per-jaar-excel.csv"' in html
    assert "pp-chart-image" not in html and "../_static/data/a.csv" in html and "24,1" in html
    with pytest.raises(ValueError):
        shapes.labelled_table_figure(Chapter(), "leeg", pd.DataFrame({"source_id": []}), table.iloc[:0])


def test_tooltips_title_each_field_from_its_labels_and_show_numbers_in_whole_units():
    titles = {"jaar": "Jaar", "aantal": "Aantal", "brief": "Brief"}
    made = [t.to_dict() for t in shapes.tooltips(titles, "jaar:N aantal:Q brief:N")]
    assert made == [
        {"field": "jaar", "type": "nominal", "title": "Jaar"},
        {"field": "aantal", "type": "quantitative", "title": "Aantal", "format": ",.0f"},
        {"field": "brief", "type": "nominal", "title": "Brief"},
    ]
    assert [t.to_dict() for t in shapes.tooltips(titles, ["jaar:N", "aantal:Q", "brief:N"])] == made
    with pytest.raises(KeyError):
        shapes.tooltips(titles, "onbekend:N")  # a field without a label is an error, never an untitled tooltip


def test_labelled_figure_takes_its_description_from_the_labels_and_its_source_line_from_the_rows(chart):
    class Chapter:
        def label(self, key, **values):
            return f"{key} {values['jaren']}"

        def source_line(self, rows):
            return f"Bron: {', '.join(rows['source_id'])}."

    table = pd.DataFrame({"Jaar": ["2015", "2016"], "Aantal": [116, 1388]})
    rows = pd.DataFrame({"source_id": ["brief-a", "brief-b"]})
    bundle = shapes.labelled_figure(Chapter(), "adviezen", chart, rows, table, jaren=2)._repr_mimebundle_()
    assert bundle[charts.VEGALITE_MIMETYPE]["description"] == "adviezen.description 2"
    assert "Bron: brief-a, brief-b." in bundle["text/html"]
    noted = shapes.labelled_figure(Chapter(), "adviezen", chart, rows, table, note=" Open: nieuwer.", jaren=2)
    assert noted.spec()["description"] == "adviezen.description 2 Open: nieuwer."


def test_kind_words_name_a_printed_value_the_municipality_s_in_a_municipal_edition():
    class Chapter:
        municipal = False

    assert shapes.kind_words(Chapter()) == {"printed": labels.PRINTED, "computed": labels.COMPUTED}
    Chapter.municipal = True
    assert shapes.kind_words(Chapter())["printed"] == labels.MUNICIPAL_FIGURE


def test_labelled_table_figure_is_titled_from_the_labels_with_the_rows_source_line():
    class Chapter:
        def label(self, key):
            return f"Titel {key}"

        def source_line(self, rows):
            return f"Bron: {', '.join(rows['source_id'])}."

    table = pd.DataFrame({"Jaar": ["2011", "2012"], "Procent": [24.1, 25.0]})
    rows = pd.DataFrame({"source_id": ["brief-a"]})
    figure = shapes.labelled_table_figure(Chapter(), "aandeel", rows, table, {"Procent": 1})
    assert (figure.title, figure.source_line) == ("Titel aandeel.title", "Bron: brief-a.")
    assert figure.table_formats == {"Procent": 1}


def test_data_table_takes_the_fields_as_tooltips_do_and_heads_them_from_the_labels():
    frame = pd.DataFrame({"jaar": ["2015"], "aantal": [116], "source_id": ["brief-a"]})
    titles = {"jaar": "Jaar", "aantal": "Aantal"}
    table = shapes.data_table(frame, titles, "jaar:N aantal:Q")
    assert table.to_dict("list") == {"Jaar": ["2015"], "Aantal": [116]}
    assert shapes.data_table(frame, titles, ["aantal", "jaar"]).columns.tolist() == ["Aantal", "Jaar"]
    with pytest.raises(KeyError):
        shapes.data_table(frame, titles, "source_id")  # a column without a heading is an error


def test_kind_texts_name_each_kind_and_a_newer_letter_s_value_so():
    kinds = pd.Series(["printed", "computed", "printed"], index=[3, 4, 5])
    texts = shapes.kind_texts(kinds, {"printed": "gedrukt", "computed": "berekend"}, pd.Series([False, False, True]))
    assert texts.tolist() == ["gedrukt", "berekend", labels.NEWER_LETTER] and texts.index.tolist() == [3, 4, 5]


def test_letters_pages_joins_the_letters_of_a_value_and_says_a_municipal_value_once():
    class Chapter:
        municipal = False

        def where_printed(self, ids, pages):
            return [labels.MUNICIPAL_FIGURE] * len(ids) if self.municipal else [f"{i}, p. {p}" for i, p in zip(ids, pages)]

    ids, pages = ["brief-a", ("brief-a", "brief-b"), ()], [4.0, (2, 7), ()]
    assert shapes.letters_pages(Chapter(), ids, pages) == ["brief-a, p. 4", "brief-a, p. 2; brief-b, p. 7", "–"]
    Chapter.municipal = True
    assert shapes.letters_pages(Chapter(), ids, pages) == [labels.MUNICIPAL_FIGURE, labels.MUNICIPAL_FIGURE, "–"]


def test_labelled_chart_sets_the_page_width_the_labelled_title_and_the_description(chart):
    class Chapter:
        def label(self, key, **values):
            return f"{key}{values.get('jaren', '')}"

        def source_line(self, rows):
            return "Bron: brief."

    table = pd.DataFrame({"Jaar": ["2015", "2016"], "Aantal": [116, 1388]})
    rows = pd.DataFrame({"source_id": ["brief-a"]})
    spec = shapes.labelled_chart(Chapter(), "adviezen", chart, rows, table, height=220, jaren=2).spec()
    assert (spec["width"], spec["height"], spec["description"]) == ("container", 220, "adviezen.description2")
    assert spec["title"] == {"text": "adviezen.title", "subtitle": "adviezen.subtitle"}
    spec = shapes.labelled_chart(Chapter(), "adviezen", chart, rows, table, subtitle="Eigen").spec()
    assert "height" not in spec and spec["title"]["subtitle"] == "Eigen"


def test_value_texts_write_each_value_in_its_unit_with_its_printed_hedge():
    texts = shapes.value_texts(pd.Series([86.6, 45.0, 12.0]), "procent", pd.Series(["bijna", None, float("nan")]))
    assert texts == [vocabulary.value_text(86.6, "procent", None, "bijna"), "45%", "12%"] and texts[0].startswith("bijna")
    assert shapes.value_texts([1234.5], "euro", [""], 2) == [vocabulary.value_text(1234.5, "euro", 2)]
