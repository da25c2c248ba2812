import pandas as pd

from participatie.presentation import tables


def test_formatted_cells_are_dutch():
    frame = pd.DataFrame({"a": [1234.5, None], "b": [True, False], "c": ["x", "y"]})
    text = tables.formatted(frame, {"a": 1})
    assert text.to_dict("list") == {"a": ["1.234,5", "–"], "b": ["ja", "nee"], "c": ["x", "y"]}


def test_html_aligns_numbers_names_each_cell_and_escapes_text():
    html = tables.html(pd.DataFrame({"Naam": ["<b>"], 'Aantal "x"': [1465]}), caption="Tabel")
    assert '<td data-label="Aantal &quot;x&quot;" class="pp-num">1.465</td>' in html
    assert '<td data-label="Naam">&lt;b&gt;</td>' in html and "<caption>Tabel</caption>" in html
    assert html.startswith('<div class="pp-table-wrap" role="region" tabindex="0"') and '<th scope="col">Naam</th>' in html


def test_show_gives_html_and_plain_text():
    bundle = tables.show(pd.DataFrame({"Jaar": ["2017"], "Aantal": [1650.0]}))._repr_mimebundle_()
    assert "1.650" in bundle["text/plain"] and "<table" in bundle["text/html"]


def test_an_empty_table_says_so():
    bundle = tables.show(pd.DataFrame({"Jaar": []}), caption="Revisies")._repr_mimebundle_()
    assert bundle == {"text/html": '<p class="pp-empty">Revisies: Geen.</p>', "text/plain": "Revisies: Geen."}
    assert "Geen van beide" in tables.show(pd.DataFrame(), empty="Geen van beide.")._repr_mimebundle_()["text/plain"]


def test_html_columns_keep_links_and_plain_text_drops_tags():
    frame = pd.DataFrame({"Link": ['<a href="x.html">X</a>'], "Tekst": ["<b>"]})
    bundle = tables.show(frame, html_columns=("Link",))._repr_mimebundle_()
    assert '<td data-label="Link"><a href="x.html">X</a></td>' in bundle["text/html"] and "&lt;b&gt;" in bundle["text/html"]
    assert "X" in bundle["text/plain"] and "href" not in bundle["text/plain"]
