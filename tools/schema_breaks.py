"""Fail on a breaking GraphQL schema change: `schema.graphql` against a git revision's copy.

    python tools/schema_breaks.py [--base REF] [--schema schema.graphql] [--allow FILE]

Breaking changes (graphql-core's `find_breaking_changes`: a removed type or field, a changed
type, a new required argument...) exit 1 unless the allow file lists them: one line each,
exactly as printed here (`TYPE: description`), with a `#` comment saying why. Dangerous
changes (a new enum value, a changed default) are printed and pass. Schema changes must be
additive or deprecations: declare a break only when it is the point of the change, and empty
the allow file again after the release that ships it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

DEFAULT_ALLOW = Path(__file__).with_name("allowed-schema-breaks.txt")


def describe(change: object) -> str:
    kind = getattr(change, "type", None)
    name = getattr(kind, "name", str(kind))
    return f"{name}: {getattr(change, 'description', change)}"


def schema_changes(old_sdl: str, new_sdl: str) -> tuple[list[str], list[str]]:
    """(breaking, dangerous) changes from `old_sdl` to `new_sdl`, each as `TYPE: text`."""
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    breaking = [describe(c) for c in find_breaking_changes(old, new)]
    dangerous = [describe(c) for c in find_dangerous_changes(old, new)]
    return sorted(breaking), sorted(dangerous)


def allowed_breaks(text: str) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {line for line in lines if line}


def unexpected_breaks(old_sdl: str, new_sdl: str, allowed: set[str]) -> list[str]:
    breaking, _ = schema_changes(old_sdl, new_sdl)
    return [change for change in breaking if change not in allowed]


def schema_at(ref: str, path: str) -> str | None:
    """The file at a git revision, or None when the revision (or the file) does not exist."""
    result = subprocess.run(  # noqa: S603  # fixed argv, no shell
        ["git", "show", f"{ref}:{path}"],  # noqa: S607  # git from PATH, as make does
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="git revision to compare with")
    parser.add_argument("--schema", default="schema.graphql", help="the new schema's file")
    parser.add_argument("--allow", type=Path, default=DEFAULT_ALLOW, help="declared breaks")
    args = parser.parse_args(argv)

    old_sdl = schema_at(args.base, args.schema)
    if old_sdl is None:
        print(f"schema-breaks: no {args.schema} at {args.base}; nothing to compare")
        return 0
    new_sdl = Path(args.schema).read_text()
    allowed = allowed_breaks(args.allow.read_text()) if args.allow.exists() else set()
    breaking, dangerous = schema_changes(old_sdl, new_sdl)
    for change in dangerous:
        print(f"schema-breaks: dangerous (allowed) {change}")
    unexpected = [change for change in breaking if change not in allowed]
    for change in breaking:
        state = "BREAKING" if change in unexpected else "declared break"
        print(f"schema-breaks: {state} {change}")
    if unexpected:
        print(
            f"schema-breaks: {len(unexpected)} breaking change(s) against {args.base}; make "
            f"them additive (deprecate, add) or declare them in {args.allow}",
            file=sys.stderr,
        )
        return 1
    print(f"schema-breaks: no undeclared breaking change against {args.base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
