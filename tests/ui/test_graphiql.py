"""GraphiQL in a real browser with the network cut: only 127.0.0.1 is reachable.

Headless Chromium (Debian's package; no browser download) opens the page a real
`remotegpu serve` returns, runs the example log-in, then the viewer query with the returned
token in the Headers pane, and opens the docs explorer. Every request the page makes must go
to the API itself: with the CDN unreachable, that proves the IDE works offline.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import BrowserContext, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from remotegpu.graphiql.assets import local_assets_present
from remotegpu.graphiql.page import HEADERS_PLACEHOLDER
from tests.live import live_server

CHROMIUM = shutil.which("chromium")  # Debian's package; None when not installed
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The network cut: every name fails to resolve and every non-loopback request goes to a
    # proxy nobody runs; loopback bypasses the proxy, so only the API answers.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
]
TIMEOUT_MS = 60_000

# JavaScript run in the page: the CodeMirror editors GraphiQL renders.
EDITOR_VALUE = "(selector) => document.querySelector(selector).CodeMirror.getValue()"
SET_EDITOR_VALUE = (
    "([selector, value]) => document.querySelector(selector).CodeMirror.setValue(value)"
)
QUERY_EDITOR = ".graphiql-query-editor .CodeMirror"
HEADERS_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror"
RESULT = ".result-window .CodeMirror"
# The run button only when idle: while a request runs, the same button stops it.
EXECUTE = '.graphiql-execute-button[aria-label="Execute query (Ctrl-Enter)"]'


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[BrowserContext]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile: no saved tabs, no cache
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
        )
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        await context.close()


async def _result_when(page: Page, text: str) -> dict[str, Any]:
    """The result pane's JSON, once it contains `text`."""
    try:
        await page.wait_for_function(
            f"(text) => ({EDITOR_VALUE})({json.dumps(RESULT)}).includes(text)", arg=text
        )
    except PlaywrightTimeoutError:
        shown = await page.evaluate(EDITOR_VALUE, RESULT)
        raise AssertionError(f"the result pane never showed {text!r}; it shows: {shown}") from None
    result: dict[str, Any] = json.loads(await page.evaluate(EDITOR_VALUE, RESULT))
    return result


async def _run_when_tab_state_settles(page: Page, operation: str, authorization: str) -> None:
    """Run the open tab until the server answers 200 to a request carrying `authorization`.

    GraphiQL copies an edited Headers pane, and the operation name of a newly opened tab,
    into its state after a debounce: a click that lands first sends the old values (the
    placeholder token: 401; the other tab's operation name: 400).
    """
    for _ in range(20):
        async with page.expect_response(
            lambda response: operation in (response.request.post_data or "")
        ) as answered:
            await page.click(EXECUTE)
        response = await answered.value
        sent = await response.request.all_headers()
        if response.status == 200 and sent.get("authorization") == authorization:
            return
        await page.wait_for_timeout(250)
    raise AssertionError("the tab never sent its headers and operation")


async def test_graphiql_offline_logs_in_queries_and_documents(
    browser: BrowserContext, seeded_url: str
) -> None:
    assert local_assets_present(), "GraphiQL's files are not installed: run `make install`"
    requested: list[str] = []
    failed: list[str] = []
    async with live_server(seeded_url) as client:
        page = await browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.on("requestfailed", lambda request: failed.append(request.url))
        await page.goto(f"{client.base_url}/graphql")

        # The page renders, opening on the log-in example.
        await page.wait_for_selector(EXECUTE)
        assert "mutation Login" in await page.evaluate(EDITOR_VALUE, QUERY_EDITOR)

        await page.click(EXECUTE)
        login = (await _result_when(page, "accessToken"))["data"]["login"]
        assert login["errors"] == []
        token = login["accessToken"]

        # The second example tab carries the headers example; put the real token in it.
        await page.locator(".graphiql-tab").nth(1).click()
        assert "query Viewer" in await page.evaluate(EDITOR_VALUE, QUERY_EDITOR)
        headers = await page.evaluate(EDITOR_VALUE, HEADERS_EDITOR)
        assert HEADERS_PLACEHOLDER in headers
        filled = headers.replace(HEADERS_PLACEHOLDER, token)
        await page.evaluate(SET_EDITOR_VALUE, [HEADERS_EDITOR, filled])
        await _run_when_tab_state_settles(page, "query Viewer", f"Bearer {token}")
        viewer = await _result_when(page, "username")
        assert viewer["data"]["viewer"]["username"] == "alice"

        # The docs explorer reads the schema by introspection and lists the root types.
        await page.click('[aria-label="Show Documentation Explorer"]')
        explorer = page.locator(".graphiql-doc-explorer")
        await explorer.get_by_text("Query", exact=True).first.wait_for()

        if screenshot := os.environ.get("UI_SCREENSHOT"):  # a picture for a person to look at
            await page.screenshot(path=screenshot)
    assert failed == []
    offsite = [url for url in requested if not url.startswith(str(client.base_url))]
    assert offsite == []
    assert any("/graphiql/assets/" in url for url in requested)
