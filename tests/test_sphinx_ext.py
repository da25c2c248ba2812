import json
from types import SimpleNamespace

from participatie.book import sphinx_ext


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
    connected = []
    app = SimpleNamespace(connect=lambda event, handler: connected.append(event))
    metadata = sphinx_ext.setup(app)
    assert connected == ["config-inited", "builder-inited", "html-page-context"] and metadata["parallel_read_safe"]


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
