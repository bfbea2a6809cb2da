"""The GraphiQL page: our own HTML around the pinned files, opening on a log-in example."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from remotegpu.graphiql.assets import ASSETS, ASSETS_DIR, ASSETS_URL, local_assets_present

LOGIN_EXAMPLE = """\
# Welcome to the RemoteGPU API.
#
# 1. Run this tab (the play button, or Ctrl-Enter). The demo fleet's users
#    (admin, alice, bob, ...) share the password remotegpu-demo.
# 2. Copy the accessToken it returns into the Headers pane of the "Viewer" tab.
# 3. Run the "Viewer" tab: it answers as alice.
#
# The Docs button (top left) lists every type and field.
mutation Login {
  login(input: { login: "alice", password: "remotegpu-demo" }) {
    accessToken
    refreshToken
    errors { field code message }
  }
}
"""

VIEWER_EXAMPLE = """\
# Runs as the customer whose access token is in the Headers pane below.
query Viewer {
  viewer { username quota { gpuQuota } usage { gpu environments } }
  environments(first: 5) {
    nodes { rowId name status host { name } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

HEADERS_PLACEHOLDER = "PASTE-THE-accessToken-FROM-THE-LOGIN-TAB"
VIEWER_HEADERS = json.dumps({"Authorization": f"Bearer {HEADERS_PLACEHOLDER}"}, indent=2)

TABS = [
    {"query": LOGIN_EXAMPLE, "headers": "{}"},
    {"query": VIEWER_EXAMPLE, "headers": VIEWER_HEADERS},
]


def _tags(local: bool) -> tuple[str, str]:
    """The <link> and <script> tags: our own copies, or the CDN's checked by their hashes."""
    styles, scripts = [], []
    for asset in ASSETS:
        if local:
            url, extra = f"{ASSETS_URL}/{asset.filename}", ""
        else:
            url, extra = asset.cdn_url, f' integrity="{asset.integrity}" crossorigin="anonymous"'
        if asset.kind == "style":
            styles.append(f'<link rel="stylesheet" href="{url}"{extra} />')
        else:
            scripts.append(f'<script src="{url}"{extra}></script>')
    return "\n    ".join(styles), "\n    ".join(scripts)


@cache
def graphiql_html(local: bool) -> str:
    """The page; `local` when the files are installed beside the package."""
    template = resources.files("remotegpu.graphiql").joinpath("page.html").read_text("utf-8")
    styles, scripts = _tags(local)
    # "<" escaped so that no example text can close the <script> element holding it.
    config = json.dumps({"tabs": TABS}).replace("<", "\\u003c")
    return (
        template.replace("<!--styles-->", styles)
        .replace("<!--scripts-->", scripts)
        .replace("<!--config-->", config)
    )


def graphiql_routes() -> list[Mount]:
    """The route serving the installed files, when they are installed."""
    if not local_assets_present():
        return []
    return [Mount(ASSETS_URL, app=StaticFiles(directory=ASSETS_DIR), name="graphiql-assets")]
