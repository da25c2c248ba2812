import json
from types import SimpleNamespace

from participatie.book import sphinx_ext, web


def test_write_bundle_once_per_version(tmp_path):
    path = sphinx_ext.write_bundle(tmp_path)
    assert path.name == sphinx_ext.bundle_name() and path.stat().st_size > 500_000
    stamp = path.stat().st_mtime_ns
    assert sphinx_ext.write_bundle(tmp_path).stat().st_mtime_ns == stamp
    (path.parent / "vega-bundle-old.js").write_text("stale")
    path.unlink()
    sphinx_ext.write_bundle(tmp_path)
    assert not (path.parent / "vega-bundle-old.js").exists()


def test_drop_thebe_removes_its_assets():
    script = SimpleNamespace(filename="sphinx-thebe.js", attributes={})
    inline = SimpleNamespace(filename=None, attributes={"body": 'const THEBE_JS_URL = "x"'})
    keep = SimpleNamespace(filename="vega/bundle.js", attributes={})
    context = {
        "script_files": [script, inline, keep],
        "css_files": [SimpleNamespace(filename="sphinx-thebe.css", attributes={})],
    }
    sphinx_ext._drop_thebe(None, "p", "t", context, None)
    assert context["script_files"] == [keep] and context["css_files"] == []


def test_setup_registers_handlers():
    connected, values = [], {}
    languages = []
    app = SimpleNamespace(
        connect=lambda event, handler, priority=500: connected.append(event),
        add_config_value=lambda name, default, rebuild, types: values.update({name: default}),
        add_search_language=languages.append,
    )
    metadata = sphinx_ext.setup(app)
    assert connected == [
        "config-inited",
        "config-inited",
        "config-inited",
        "builder-inited",
        "html-page-context",
        "html-page-context",
        "build-finished",
    ]
    assert languages == [web.SearchDutchPorter]
    assert values == {"participatie_print_edition": "boek.pdf"} and metadata["parallel_read_safe"]


def _config(edition: str, theme_options: dict) -> SimpleNamespace:
    return SimpleNamespace(
        participatie_print_edition=edition, templates_path=[], html_theme_options=theme_options, html_context={}
    )


def test_every_page_ends_its_navigation_with_the_print_edition():
    config = _config("boek.pdf", {"primary_sidebar_end": "a.html, b.html"})
    sphinx_ext._add_print_link(None, config)
    assert config.html_theme_options["primary_sidebar_end"] == ["a.html", "b.html", sphinx_ext.PRINT_TEMPLATE]
    assert (web.TEMPLATES_DIR / sphinx_ext.PRINT_TEMPLATE).is_file()
    assert config.templates_path == [str(web.TEMPLATES_DIR)]
    assert config.html_context == {"participatie_print_edition": "boek.pdf", "participatie_print_label": "Printversie (PDF)"}
    template = (web.TEMPLATES_DIR / sphinx_ext.PRINT_TEMPLATE).read_text(encoding="utf-8")
    assert "pathto(participatie_print_edition, 1)" in template  # relative to each page: works offline


def test_an_edition_without_pdf_has_no_link():
    config = _config("", {})
    sphinx_ext._add_print_link(None, config)
    assert config.html_theme_options == {} and config.templates_path == [] and config.html_context == {}


def test_publish_data_copies_only_the_package_and_drops_stale_files(tmp_path):
    source = tmp_path / "data"
    (source / "schemas").mkdir(parents=True)
    (source / "a.csv").write_text("x\n1\n")
    (source / "b.csv").write_text("x\n2\n")
    (source / "secret.txt").write_text("not listed")
    (source / "schemas" / "s.json").write_text('{"fields": [{"name": "x", "type": "integer"}]}')
    descriptor = {
        "resources": [
            {"name": "a", "path": "a.csv", "schema": "schemas/s.json"},
            {"name": "b", "path": "b.csv", "schema": "schemas/s.json"},
        ]
    }
    (source / "datapackage.json").write_text(json.dumps(descriptor))
    target = sphinx_ext.publish_data(source, tmp_path / "out")
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "a.csv",
        "b.csv",
        "datapackage.json",
        "schemas/s.json",
    ]
    (source / "b.csv").unlink()
    descriptor["resources"].pop()
    (source / "datapackage.json").write_text(json.dumps(descriptor))
    sphinx_ext.publish_data(source, tmp_path / "out")
    assert not (target / "b.csv").exists() and (target / "a.csv").read_text() == "x\n1\n"


def test_publish_data_refuses_a_link_out_of_the_package(tmp_path):
    import pytest

    from participatie.data.package import DataValidationError

    source = tmp_path / "data"
    source.mkdir()
    outside = tmp_path / "passwords.txt"
    outside.write_text("hunter2")
    (source / "a.csv").symlink_to(outside)
    (source / "datapackage.json").write_text(json.dumps({"resources": [{"name": "a", "path": "a.csv"}]}))
    with pytest.raises(DataValidationError) as caught:
        sphinx_ext.publish_data(source, tmp_path / "out")
    assert "symbolic link" in str(caught.value) and "hunter2" not in str(caught.value)
    assert not (tmp_path / "out" / "data" / "a.csv").exists()


def test_dutch_chrome_translates_the_theme_words_only():
    page = (
        '<a class="skip-link" href="#main">Skip to main content</a><nav aria-label="Site navigation">'
        '<button title="Toggle primary sidebar"></button><input placeholder="Search..."/>'
        '<p>Main</p><p>Main street</p><script>var x = "Back to top";</script>'
    )
    out = sphinx_ext.dutch_chrome(page)
    assert ">Naar de inhoud<" in out and 'aria-label="Navigatie"' in out and 'title="Navigatie tonen of verbergen"' in out
    assert 'placeholder="Zoeken…"' in out and "<p>Hoofdinhoud</p>" in out
    assert "<p>Main street</p>" in out and 'var x = "Back to top"' in out  # only whole labels, never inside text
    assert sphinx_ext.dutch_chrome(out) == out


def test_ranges_in_headings_and_the_title_stay_whole_and_body_text_is_left_alone():
    page = (
        '<p class="title logo__title">Werk naar vermogen, 2009–2018</p><h2 id="x">Cijfers 2015-2017 en meer</h2>'
        "<p>Van 2009–2012 liepen de pilots.</p>"
    )
    kept = sphinx_ext.keep_ranges_whole(page)
    assert '<p class="title logo__title">Werk naar vermogen, <span class="pp-nowrap">2009–2018</span></p>' in kept
    assert '<h2 id="x">Cijfers <span class="pp-nowrap">2015-2017</span> en meer</h2>' in kept
    assert "<p>Van 2009–2012 liepen de pilots.</p>" in kept
    assert sphinx_ext.keep_ranges_whole(kept) == kept  # the pass over the built pages may run again
