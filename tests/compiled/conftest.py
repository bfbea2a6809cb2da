"""Two runners over one seeded fleet: compiled reads on and off, and the viewers to compare."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import orjson
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.urls import asyncpg_dsn
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer


@dataclass
class Paths:
    compiled: GraphQLRunner
    reference: GraphQLRunner
    viewers: dict[str, Viewer]


VIEWER_NAMES = ("admin", "customer", "other_customer", "agent", "anonymous")


async def _viewers(url: str) -> dict[str, Viewer]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        admin = await conn.fetchval(
            "SELECT id FROM customers WHERE user_type = 'admin' ORDER BY id LIMIT 1"
        )
        # The customers with the most environments, and a host with environments for the agent.
        customers = await conn.fetch(
            "SELECT e.user_id FROM environments e JOIN customers c ON c.id = e.user_id "
            "WHERE c.user_type <> 'admin' AND c.deleted_at IS NULL "
            "GROUP BY e.user_id ORDER BY count(*) DESC, e.user_id LIMIT 2"
        )
        host = await conn.fetchval(
            "SELECT host_id FROM environments GROUP BY host_id ORDER BY count(*) DESC LIMIT 1"
        )
    finally:
        await conn.close()
    return {
        "admin": admin_viewer(admin),
        "customer": customer_viewer(customers[0]["user_id"]),
        "other_customer": customer_viewer(customers[1]["user_id"]),
        "agent": agent_viewer(admin, host),
        "anonymous": ANONYMOUS,
    }


@pytest.fixture(scope="session")
async def paths(seeded_shared_url: str) -> AsyncIterator[Paths]:
    compiled = GraphQLRunner(Settings(compiled_reads=True), seeded_shared_url)
    reference = GraphQLRunner(Settings(compiled_reads=False), seeded_shared_url)
    try:
        yield Paths(compiled, reference, await _viewers(seeded_shared_url))
    finally:
        await compiled.close()
        await reference.close()


async def assert_same(paths: Paths, document: str, variables: dict[str, Any], viewer: str,
                      roots: int) -> dict[str, Any]:  # fmt: skip
    """document answers the same JSON bytes on both paths as viewer (a name of VIEWER_NAMES);
    with roots, the compiled path sent exactly that many statements. Returns the answer."""
    who = paths.viewers[viewer]
    expected = await paths.reference(document, variables, who)
    paths.compiled.reset_count()
    got = await paths.compiled(document, variables, who)
    assert orjson.dumps(got) == orjson.dumps(expected), (
        f"compiled and reference differ as {viewer}: replay with\n{document}\n{variables}"
    )
    if roots:
        assert len(paths.compiled.statements) == roots, paths.compiled.statements
    return expected
