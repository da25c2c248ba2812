import json
import re
from pathlib import Path
from urllib.parse import unquote

import altair as alt
import pandas as pd
import pytest

from participatie.presentation import charts


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


def test_check_categories_limits_colours():
    charts.check_categories(pd.DataFrame({"g": list("abcd")}), "g")
    with pytest.raises(ValueError, match="5 categories"):
        charts.check_categories(pd.DataFrame({"g": list("abcde")}), "g")


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


def test_printed_or_derived_sets_computed_values_apart():
    encodings = charts.printed_or_derived("soort", ["gedrukt", "berekend"], {"berekend"})
    color, dash = encodings["color"].to_dict(), encodings["strokeDash"].to_dict()
    assert color["scale"]["range"] == [charts.PRIMARY, charts.MUTED] and color["sort"] == ["gedrukt", "berekend"]
    assert dash["scale"]["range"] == [[1, 0], [4, 3]]
    assert "sort" not in charts.printed_or_derived("soort", ["a"], set(), sort=False)["color"].to_dict()
