from types import SimpleNamespace

from participatie import sphinx_ext


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
    context = {"script_files": [script, inline, keep], "css_files": [SimpleNamespace(filename="sphinx-thebe.css", attributes={})]}
    sphinx_ext._drop_thebe(None, "p", "t", context, None)
    assert context["script_files"] == [keep] and context["css_files"] == []


def test_setup_registers_handlers():
    connected = []
    app = SimpleNamespace(connect=lambda event, handler: connected.append(event))
    metadata = sphinx_ext.setup(app)
    assert connected == ["config-inited", "builder-inited", "html-page-context"] and metadata["parallel_read_safe"]


def test_publish_data_copies_and_drops_stale_files(tmp_path):
    source = tmp_path / "data"
    (source / "schemas").mkdir(parents=True)
    (source / "a.csv").write_text("x\n1\n")
    (source / "schemas" / "s.json").write_text("{}")
    target = sphinx_ext.publish_data(source, tmp_path / "out")
    assert (target / "a.csv").read_text() == "x\n1\n" and (target / "schemas" / "s.json").exists()
    (source / "a.csv").unlink()
    sphinx_ext.publish_data(source, tmp_path / "out")
    assert not (target / "a.csv").exists()
