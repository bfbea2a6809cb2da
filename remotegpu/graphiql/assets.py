"""The browser files GraphiQL needs, pinned by version and by hash.

`make install` (and the Docker build) fetch them from the npm registry with `npm ci` in
`ide/` and copy them into `assets/` beside this file (git-ignored, shipped in the wheel); the
API then serves them itself, so GraphiQL works without internet. Only when they are absent
does the page load the same files from a public CDN, checked by the same hashes.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Where the copied files live inside the package; the app serves them under ASSETS_URL.
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
ASSETS_URL = "/graphiql/assets"
CDN = "https://unpkg.com"


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    path: str  # the file inside the npm package
    kind: Literal["script", "style"]
    integrity: str  # Subresource Integrity of the file: sha384, base64

    @property
    def filename(self) -> str:
        """Name under ASSETS_DIR: package, version and file, so an upgrade never mixes files."""
        package = self.package.lstrip("@").replace("/", "-")
        return f"{package}-{self.version}-{Path(self.path).name}"

    @property
    def cdn_url(self) -> str:
        return f"{CDN}/{self.package}@{self.version}/{self.path}"


# Order matters: React before ReactDOM before GraphiQL before its plugin. The versions must
# match ide/package.json (a test checks); the hashes are those of the published files.
ASSETS: tuple[Asset, ...] = (
    Asset(
        "graphiql",
        "3.8.3",
        "graphiql.min.css",
        "style",
        "sha384-Mq3vbRBY71jfjQAt/DcjxUIYY33ksal4cgdRt9U/hNPvHBCaT2JfJ/PTRiPKf0aM",
    ),
    Asset(
        "@graphiql/plugin-explorer",
        "3.2.5",
        "dist/style.css",
        "style",
        "sha384-YN9MumWidbWKuNj8VfH5ggrFvm9YqAoIOMnKYpeGL3dr7Eg1qnQ+SAqSthdNZCjz",
    ),
    Asset(
        "react",
        "18.2.0",
        "umd/react.production.min.js",
        "script",
        "sha384-tMH8h3BGESGckSAVGZ82T9n90ztNXxvdwvdM6UoR56cYcf+0iGXBliJ29D+wZ/x8",
    ),
    Asset(
        "react-dom",
        "18.2.0",
        "umd/react-dom.production.min.js",
        "script",
        "sha384-bm7MnzvK++ykSwVJ2tynSE5TRdN+xL418osEVF2DE/L/gfWHj91J2Sphe582B1Bh",
    ),
    Asset(
        "graphiql",
        "3.8.3",
        "graphiql.min.js",
        "script",
        "sha384-HbRVEFG0JGJZeAHCJ9Xm2+tpknBQ7QZmNlO/DgZtkZ0aJSypT96YYGRNod99l9Ie",
    ),
    Asset(
        "@graphiql/plugin-explorer",
        "3.2.5",
        "dist/index.umd.js",
        "script",
        "sha384-5p6hGdlOTvUy6Wf0GauxCz+xM9YB/YYvcGG+bf9msr2eyd+KVIxgRkepHgUijedJ",
    ),
)


def integrity_of(data: bytes) -> str:
    """The Subresource Integrity string (sha384) of some bytes."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def local_assets_present(directory: Path = ASSETS_DIR) -> bool:
    """True when every file was installed, so the page can work offline."""
    return all((directory / asset.filename).is_file() for asset in ASSETS)
