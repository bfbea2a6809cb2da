"""The consistency rules of data-model.md and domain-rules.md, checked against the database.

The schema has no foreign keys and few constraints, so these queries are the safety net: the
seeder must satisfy all of them, and so must every mutation (tests can call
`find_violations_on` inside their transaction). Each check is one SQL statement that returns
the offending rows as a text `ref`; the report names the rule, the number of offending rows
and a few example ids.

This module runs them; the rules themselves are in invariant_references.py (the logical
references between tables) and invariant_checks.py (the rules over rows).
"""

from __future__ import annotations

from typing import Any

import asyncpg

from remotegpu.db.urls import asyncpg_dsn
from remotegpu.domain.invariant_checks import RULE_CHECKS, Check
from remotegpu.domain.invariant_references import REFERENCE_CHECKS

__all__ = ["CHECKS", "EXAMPLES", "Check", "find_violations", "find_violations_on"]

EXAMPLES = 5
# The references first, then the rules over rows: the order of the report.
CHECKS: tuple[Check, ...] = (*REFERENCE_CHECKS, *RULE_CHECKS)


async def find_violations_on(conn: Any) -> list[str]:
    """Every broken rule, one line each, on an open asyncpg connection (any transaction)."""
    problems: list[str] = []
    for check in CHECKS:
        row = await conn.fetchrow(
            f"SELECT count(*) AS n, (array_agg(ref ORDER BY ref))[1:{EXAMPLES}] AS examples"
            f" FROM ({check.sql}) AS offending"
        )
        if row["n"]:
            examples = ", ".join(row["examples"])
            more = ", ..." if row["n"] > EXAMPLES else ""
            problems.append(
                f"[{check.name}] {check.description}: {row['n']} row(s), e.g. {examples}{more}"
            )
    return problems


async def find_violations(url: str) -> list[str]:
    """Connect to the database at `url` and report every broken rule."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return await find_violations_on(conn)
    finally:
        await conn.close()
