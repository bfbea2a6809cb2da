"""The worker's credential cache on /graphql: a steady client costs no statement, and every
change that ends a credential (epoch bump, suspension, deletion, revocation) is refused by
every worker within 1 s (LISTEN/NOTIFY, migration 30)."""

from __future__ import annotations

import asyncio

import asyncpg
import httpx
from sqlalchemy import event

from remotegpu.app import create_app
from remotegpu.auth.tokens import generate_api_token
from tests.conftest import make_settings
from tests.live import bearer, live_server
from tests.support.fleet import add_customer

VIEWER = {"query": "query { viewer { username } }"}
TYPENAME = {"query": "{ __typename }"}
# Rate limits are not under test: bursts would otherwise run into them.
UNLIMITED = {"rate_limit_enabled": "false"}


async def api_token(db: asyncpg.Connection, owner: int) -> dict[str, str]:
    token = generate_api_token()
    await db.execute(
        "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes)"
        " VALUES ($1, $2, $3, $4, ARRAY['read'])",
        owner, f"t-{token.prefix}", token.prefix, token.token_hash,
    )  # fmt: skip
    return {"Authorization": f"Bearer {token.plaintext}"}


async def burst(live: httpx.AsyncClient, headers: dict[str, str]) -> set[int]:
    """Forty requests at once: over two workers, both answer some of them."""
    responses = await asyncio.gather(
        *(live.post("/graphql", json=VIEWER, headers=headers) for _ in range(40))
    )
    return {r.status_code for r in responses}


async def test_graphql_steady_jwt_and_api_token_clients_cost_no_statement(
    migrated_url: str, db: asyncpg.Connection
) -> None:
    alice = await add_customer(db)
    credentials = [bearer(alice), await api_token(db, alice)]
    app = create_app(make_settings(rate_limit_enabled=False), migrated_url)
    statements: list[str] = []

    @event.listens_for(app.state.engine.sync_engine, "before_cursor_execute")
    def _count(*args: object) -> None:
        statements.append(str(args[2]))

    cache = app.state.agent_routes.token_cache
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            await client.post("/graphql", json=VIEWER)  # starts the cache's listener
            await asyncio.wait_for(cache.listening.wait(), 10)
            for headers in credentials:  # first use: looked up, then remembered
                statements.clear()
                response = await client.post("/graphql", json=TYPENAME, headers=headers)
                assert response.status_code == 200
                assert len(statements) == 1  # the probe sees authentication's statement
            statements.clear()
            for headers in credentials * 3:
                response = await client.post("/graphql", json=TYPENAME, headers=headers)
                assert response.status_code == 200
            assert statements == []
            # Still the right viewer, from the cache.
            for headers in credentials:
                response = await client.post("/graphql", json=VIEWER, headers=headers)
                assert response.json()["data"]["viewer"]["username"].startswith("external")
    finally:
        await app.state.agent_routes.close()
        await app.state.engine.dispose()


async def test_graphql_jwt_epoch_bump_suspension_and_deletion_reach_every_worker_within_1s(
    migrated_url: str, db: asyncpg.Connection
) -> None:
    """Two workers, each with its cache warmed by many requests of three sessions. A logout
    everywhere (epoch bump), a suspension and a deletion committed elsewhere: a second after
    each, neither worker accepts that session, while the others still get through."""
    bumped, suspended, deleted = [await add_customer(db) for _ in range(3)]
    async with live_server(migrated_url, workers=2, **UNLIMITED) as live:
        for customer in (bumped, suspended, deleted):
            assert await burst(live, bearer(customer)) == {200}
        await db.execute("UPDATE customers SET token_epoch = token_epoch + 1 WHERE id = $1", bumped)
        await asyncio.sleep(1.0)
        assert await burst(live, bearer(bumped)) == {401}
        assert await burst(live, bearer(suspended)) == {200}
        await db.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", suspended)
        await asyncio.sleep(1.0)
        assert await burst(live, bearer(suspended)) == {401}
        assert await burst(live, bearer(deleted)) == {200}
        await db.execute("UPDATE customers SET deleted_at = now() WHERE id = $1", deleted)
        await asyncio.sleep(1.0)
        assert await burst(live, bearer(deleted)) == {401}


async def test_graphql_api_token_revocation_epoch_bump_and_suspension_reach_every_worker_within_1s(
    migrated_url: str, db: asyncpg.Connection
) -> None:
    """The same for API tokens: a revoked token, a token whose owner logged out everywhere and
    a token whose owner was suspended are refused by both workers a second later."""
    owners = [await add_customer(db) for _ in range(3)]
    revoked, bumped, suspended = [await api_token(db, owner) for owner in owners]
    async with live_server(migrated_url, workers=2, **UNLIMITED) as live:
        for headers in (revoked, bumped, suspended):
            assert await burst(live, headers) == {200}
        await db.execute(
            "UPDATE api_tokens SET revoked_at = now() WHERE customer_id = $1", owners[0]
        )
        await asyncio.sleep(1.0)
        assert await burst(live, revoked) == {401}
        assert await burst(live, bumped) == {200}
        await db.execute(
            "UPDATE customers SET token_epoch = token_epoch + 1 WHERE id = $1", owners[1]
        )
        await asyncio.sleep(1.0)
        assert await burst(live, bumped) == {401}
        assert await burst(live, suspended) == {200}
        await db.execute("UPDATE customers SET status = 'suspended' WHERE id = $1", owners[2])
        await asyncio.sleep(1.0)
        assert await burst(live, suspended) == {401}
