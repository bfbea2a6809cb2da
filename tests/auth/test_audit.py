"""record_audit / record_audit_separately and where a request came from."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.websockets import WebSocket

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.engine import transaction
from remotegpu.domain.audit import RequestMeta, record_audit, record_audit_separately, status_for
from remotegpu.domain.errors import ErrorCode
from tests.auth.conftest import META, http_request


def test_request_meta_from_http_request() -> None:
    meta = RequestMeta.from_request(http_request(path="/graphql", user_agent="x" * 5000))
    assert meta.ip_address == "203.0.113.7"
    assert meta.request_method == "POST"
    assert meta.request_path == "/graphql"
    assert meta.user_agent is not None
    assert len(meta.user_agent) == 1024


def test_request_meta_from_websocket() -> None:
    async def receive() -> dict[str, object]:
        return {}

    async def send(_: object) -> None:
        return None

    socket = WebSocket(
        {
            "type": "websocket",
            "path": "/graphql",
            "headers": [(b"user-agent", b"console")],
            "client": ("198.51.100.1", 1),
            "server": ("testserver", 80),
            "scheme": "ws",
            "query_string": b"",
        },
        receive,
        send,
    )
    meta = RequestMeta.from_request(socket)
    assert meta == RequestMeta("198.51.100.1", "console", "WS", "/graphql")


def test_status_for_error_codes() -> None:
    assert status_for(ErrorCode.UNAUTHENTICATED) == 401
    assert status_for(ErrorCode.FORBIDDEN) == 403
    assert status_for(ErrorCode.NOT_FOUND) == 404
    assert status_for(ErrorCode.INVALID_INPUT) == 422


async def test_record_audit_rolls_back_with_its_transaction_but_separately_commits(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    entry: dict[str, Any] = {
        "viewer": Viewer(customer_id=7, username="alice"),
        "action": "delete",
        "resource_type": "environment",
        "resource_id": "env-1",
        "request_meta": META,
    }

    class Boom(Exception):
        pass

    async def audited_then_failed() -> None:
        async with transaction(sessions) as session:
            await record_audit(session, **entry, status_code=200)
            raise Boom

    with pytest.raises(Boom):
        await audited_then_failed()
    assert await db.fetchval("SELECT count(*) FROM audit_logs") == 0

    await record_audit_separately(
        sessions, **entry, status_code=409, error_message="environment is running"
    )
    row = await db.fetchrow("SELECT * FROM audit_logs")
    assert (row["customer_id"], row["username"], row["action"]) == (7, "alice", "delete")
    assert (row["resource_type"], row["resource_id"]) == ("environment", "env-1")
    assert (row["status_code"], row["error_message"]) == (409, "environment is running")
    assert row["ip_address"] == "203.0.113.7"
    assert row["created_at"] is not None


async def test_record_audit_anonymous_has_no_customer(
    sessions: async_sessionmaker[AsyncSession], db: asyncpg.Connection
) -> None:
    await record_audit_separately(
        sessions,
        viewer=ANONYMOUS,
        action="login",
        resource_type=None,
        resource_id=None,
        request_meta=RequestMeta(),
        status_code=401,
    )
    row = await db.fetchrow("SELECT customer_id, username, ip_address FROM audit_logs")
    assert tuple(row) == (None, None, None)
