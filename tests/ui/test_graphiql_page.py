"""The GraphiQL page and its files: pinned, served by the app, CDN only as a fallback."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from remotegpu.graphiql.assets import ASSETS, ASSETS_DIR, integrity_of, local_assets_present
from remotegpu.graphiql.page import graphiql_html

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
