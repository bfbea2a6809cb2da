"""Audit log: who did what to which resource, from where, with which outcome."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection

from remotegpu.auth.viewer import Viewer
from remotegpu.db.engine import transaction
from remotegpu.db.models import AuditLog
from remotegpu.domain.errors import ErrorCode

_USER_AGENT_MAX = 1024


def _clip(value: str | None, limit: int) -> str | None:
    return None if value is None else value[:limit]


@dataclass(frozen=True)
class RequestMeta:
    """Where a request came from, as recorded in audit_logs."""

    ip_address: str | None = None
    user_agent: str | None = None
    request_method: str | None = None
    request_path: str | None = None

    @classmethod
    def from_request(cls, request: HTTPConnection) -> RequestMeta:
        """From a Starlette Request or WebSocket (the client address is the peer's: put the
        server behind a proxy-headers middleware to see the real client)."""
        method = request.scope.get("method")
        if method is None and request.scope.get("type") == "websocket":
            method = "WS"
        return cls(
            ip_address=_clip(request.client.host if request.client else None, 64),
            user_agent=_clip(request.headers.get("user-agent"), _USER_AGENT_MAX),
            request_method=_clip(method, 10),
            request_path=_clip(request.url.path, 512),
        )


SYSTEM = RequestMeta()
"""Meta of work not caused by a request (CLI, jobs)."""


# HTTP-like outcome of an audited action, from the error code that ended it.
_STATUS_BY_CODE: dict[ErrorCode, int] = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.INVALID_CREDENTIALS: 401,
    ErrorCode.INVALID_TOKEN: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.CONFLICT: 409,
    ErrorCode.IDEMPOTENCY_CONFLICT: 409,
    ErrorCode.IN_USE: 409,
    ErrorCode.LAST_OWNER: 409,
    ErrorCode.INVALID_TRANSITION: 409,
    ErrorCode.RETRY_LATER: 503,
}


def status_for(code: ErrorCode) -> int:
    """The status_code an audit row records for a failure with this code (422 by default)."""
    return _STATUS_BY_CODE.get(code, 422)


# Every mutation writes one: the table's INSERT, built and compiled once (an ORM insert with
# .values() is built and run through the ORM's bulk machinery on every call).
_audit_logs: Table = AuditLog.__table__  # type: ignore[assignment]
_INSERT = insert(_audit_logs)


async def record_audit(
    session: AsyncSession,
    *,
    viewer: Viewer,
    action: str,
    resource_type: str | None,
    resource_id: str | None,
    request_meta: RequestMeta,
    status_code: int,
    error_message: str | None = None,
    username: str | None = None,
    customer_id: int | None = None,
) -> None:
    """Insert one audit_logs row in `session`'s transaction (it commits or rolls back with it).

    `username`/`customer_id` override the viewer's (e.g. the login name tried at a login).
    """
    await session.execute(
        _INSERT,
        {
            "customer_id": customer_id if customer_id is not None else viewer.customer_id,
            "username": _clip(username if username is not None else viewer.username, 128),
            "action": _clip(action, 128),
            "resource_type": _clip(resource_type, 64),
            "resource_id": _clip(resource_id, 128),
            "ip_address": request_meta.ip_address,
            "user_agent": request_meta.user_agent,
            "request_method": request_meta.request_method,
            "request_path": request_meta.request_path,
            "status_code": status_code,
            "error_message": error_message,
        },
    )


async def record_audit_separately(
    sessions: async_sessionmaker[AsyncSession],
    *,
    viewer: Viewer,
    action: str,
    resource_type: str | None,
    resource_id: str | None,
    request_meta: RequestMeta,
    status_code: int,
    error_message: str | None = None,
    username: str | None = None,
    customer_id: int | None = None,
) -> None:
    """Like `record_audit`, in a transaction of its own: for failures whose work rolled back."""
    async with transaction(sessions) as session:
        await record_audit(
            session,
            viewer=viewer,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            request_meta=request_meta,
            status_code=status_code,
            error_message=error_message,
            username=username,
            customer_id=customer_id,
        )
