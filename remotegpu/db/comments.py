"""Table and column comments, read from the migration files.

The SQL comments are the one source of truth for what a column means; the GraphQL schema
takes its descriptions from here so the two cannot say different things.
"""

from __future__ import annotations

import re
from functools import cache

from remotegpu.db.migrate import load_migration_files

_COMMENT = re.compile(
    r"COMMENT\s+ON\s+(TABLE|COLUMN)\s+([a-z_][a-z0-9_.]*)\s+IS\s+'((?:[^']|'')*)'\s*;",
    re.IGNORECASE | re.DOTALL,
)


@cache
def _comments() -> dict[str, str]:
    found: dict[str, str] = {}
    for file in load_migration_files():
        for _kind, target, text in _COMMENT.findall(file.sql):
            found[target.lower()] = " ".join(text.replace("''", "'").split())
    return found


def table_comment(table: str) -> str:
    return _comments().get(table, "")


def column_comment(table: str, column: str) -> str:
    return _comments().get(f"{table}.{column}", "")
