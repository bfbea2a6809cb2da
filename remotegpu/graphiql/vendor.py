"""Copy GraphiQL's files out of `npm ci`'s node_modules into the package, checking each one.

    python -m remotegpu.graphiql.vendor ide/node_modules

Run by `make install` and by the Docker build. A version or a hash that differs from
`assets.ASSETS` stops with one line: the lock file and the list must be changed together.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from remotegpu.graphiql.assets import ASSETS, ASSETS_DIR, integrity_of


class VendorError(Exception):
    """An installed file is not the pinned one."""


def vendor(node_modules: Path, destination: Path = ASSETS_DIR) -> list[Path]:
    """Check every asset, then copy them all; returns the files written.

    Nothing is written unless every file checks out, so a failed upgrade leaves the files
    of the previous install as they were.
    """
    checked: dict[str, bytes] = {}
    for asset in ASSETS:
        package_dir = node_modules / asset.package
        manifest = package_dir / "package.json"
        if not manifest.is_file():
            raise VendorError(f"{asset.package} is not installed in {node_modules}: run npm ci")
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if installed != asset.version:
            raise VendorError(
                f"{asset.package} {installed} is installed but assets.py pins {asset.version}:"
                " change ide/package.json and remotegpu/graphiql/assets.py together"
            )
        data = (package_dir / asset.path).read_bytes()
        if integrity_of(data) != asset.integrity:
            raise VendorError(
                f"{asset.package}/{asset.path} does not match its pinned hash: update the"
                " integrity in remotegpu/graphiql/assets.py only after checking the new file"
            )
        checked[asset.filename] = data
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, data in checked.items():
        target = destination / filename
        target.write_bytes(data)
        written.append(target)
    # Files of an older pin would otherwise ship in the wheel for nothing.
    for stale in destination.iterdir():
        if stale.is_file() and stale.name not in checked and not stale.name.startswith("."):
            stale.unlink()
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m remotegpu.graphiql.vendor NODE_MODULES_DIR", file=sys.stderr)
        return 2
    try:
        written = vendor(Path(argv[0]))
    except VendorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"GraphiQL: {len(written)} files in {ASSETS_DIR} (served offline)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
