"""The GraphiQL page and its files: pinned, served by the app, CDN only as a fallback."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from remotegpu.graphiql.assets import ASSETS, ASSETS_DIR, integrity_of, local_assets_present
from remotegpu.graphiql.page import graphiql_html
from remotegpu.graphiql.vendor import VendorError, vendor

ROOT = Path(__file__).resolve().parent.parent.parent


def test_assets_pins_match_package_json() -> None:
    pinned = json.loads((ROOT / "ide/package.json").read_text())["dependencies"]
    for asset in ASSETS:
        assert pinned[asset.package] == asset.version, asset.package


def test_assets_lock_file_has_integrity_for_each_package() -> None:
    lock = json.loads((ROOT / "ide/package-lock.json").read_text())["packages"]
    for asset in ASSETS:
        entry = lock[f"node_modules/{asset.package}"]
        assert entry["version"] == asset.version
        assert entry["integrity"].startswith("sha512-")


def test_installed_assets_are_the_pinned_files() -> None:
    assert local_assets_present(), "GraphiQL's files are not installed: run `make install`"
    for asset in ASSETS:
        data = (ASSETS_DIR / asset.filename).read_bytes()
        assert integrity_of(data) == asset.integrity, asset.filename


def test_graphiql_page_local_names_no_other_host() -> None:
    html = graphiql_html(True)
    assert "https://" not in html
    assert "http://" not in html
    for asset in ASSETS:
        assert f"/graphiql/assets/{asset.filename}" in html


def test_graphiql_page_without_assets_uses_cdn_with_integrity() -> None:
    html = graphiql_html(False)
    for asset in ASSETS:
        assert f'src="{asset.cdn_url}" integrity="{asset.integrity}"' in html or (
            f'href="{asset.cdn_url}" integrity="{asset.integrity}"' in html
        )


def test_graphiql_page_opens_on_login_and_headers_examples() -> None:
    html = graphiql_html(True)
    start = html.index('type="application/json">') + len('type="application/json">')
    config = json.loads(html[start : html.index("</script>", start)])
    login, viewer = config["tabs"]
    assert "mutation Login" in login["query"]
    assert "remotegpu-demo" in login["query"]
    assert "query Viewer" in viewer["query"]
    assert json.loads(viewer["headers"])["Authorization"].startswith("Bearer ")


async def test_graphiql_get_serves_page_and_files(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "mutation Login" in page.text
    for asset in ASSETS:
        response = await client.get(f"/graphiql/assets/{asset.filename}")
        assert response.status_code == 200
        assert integrity_of(response.content) == asset.integrity


def _node_modules_copy(destination: Path) -> Path:
    """The pinned files of ide/node_modules (from `make install`), each with its package.json."""
    source = ROOT / "ide/node_modules"
    assert source.is_dir(), "ide/node_modules is missing: run `make install`"
    for asset in ASSETS:
        for relative in ("package.json", asset.path):
            target = destination / asset.package / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((source / asset.package / relative).read_bytes())
    return destination


def test_vendor_copies_checked_files_and_drops_stale_ones(tmp_path: Path) -> None:
    node_modules = _node_modules_copy(tmp_path / "node_modules")
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "graphiql-3.0.0-graphiql.min.js").write_text("an older pin")
    written = vendor(node_modules, assets)
    assert sorted(p.name for p in written) == sorted(a.filename for a in ASSETS)
    assert local_assets_present(assets)
    assert not (assets / "graphiql-3.0.0-graphiql.min.js").exists()


def test_vendor_changed_file_is_refused(tmp_path: Path) -> None:
    node_modules = _node_modules_copy(tmp_path / "node_modules")
    react = next(a for a in ASSETS if a.package == "react")
    (node_modules / "react" / react.path).write_text("window.React = {};")
    with pytest.raises(VendorError, match="does not match its pinned hash"):
        vendor(node_modules, tmp_path / "assets")
    assert not (tmp_path / "assets").exists()  # not even the files checked before it


def test_vendor_other_version_is_refused(tmp_path: Path) -> None:
    node_modules = _node_modules_copy(tmp_path / "node_modules")
    manifest = node_modules / "graphiql" / "package.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "version": "3.9.0"}))
    with pytest.raises(
        VendorError, match=r"graphiql 3\.9\.0 is installed but assets.py pins 3\.8\.3"
    ):
        vendor(node_modules, tmp_path / "assets")
