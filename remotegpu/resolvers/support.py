"""How every mutation runs: one transaction, one audit row, typed errors, fresh loaders.

    outcome = await run_mutation(info, "environment.create", "environment", work)

`work(session)` is the domain call; it returns `(value, resource_id)`. On success the audit
row commits with the change. On a DomainError the change rolls back and the audit row, with
the error, commits on its own, so failures are on record too. Either way the request's
loaders are cleared, so the payload shows the state after commit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope
from remotegpu.context import Context
from remotegpu.db.engine import transaction
from remotegpu.domain.audit import RequestMeta, record_audit, record_audit_separately, status_for
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.schema.errors import UserError

T = TypeVar("T")
Work = Callable[[AsyncSession], Awaitable[tuple[T, str | None]]]


@dataclass
class MutationOutcome(Generic[T]):
    value: T | None = None
    errors: list[UserError] = field(default_factory=list)


def require_writer(ctx: Context) -> None:
    """Mutations need a logged-in viewer whose credentials carry the write scope."""
    if not ctx.viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    if not ctx.viewer.can(Scope.WRITE):
        raise DomainError(ErrorCode.FORBIDDEN, "this token may not make changes (write scope)")


async def run_mutation(
    info: strawberry.Info[Context, Any],
    action: str,
    resource_type: str,
    work: Work[T],
    *,
    resource_id: str | None = None,
    require_write: bool = True,
) -> MutationOutcome[T]:
    ctx = info.context
    meta = RequestMeta.from_request(ctx.request)
    try:
        if require_write:
            require_writer(ctx)
        async with transaction(ctx.sessions) as session:
            value, changed_id = await work(session)
            await record_audit(
                session,
                viewer=ctx.viewer,
                action=action,
                resource_type=resource_type,
                resource_id=changed_id or resource_id,
                request_meta=meta,
                status_code=200,
            )
    except DomainError as error:
        await record_audit_separately(
            ctx.sessions,
            viewer=ctx.viewer,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            request_meta=meta,
            status_code=status_for(error.code),
            error_message=f"{error.code}: {error.message}",
        )
        ctx.loaders.clear_all()
        return MutationOutcome(errors=[UserError.from_domain(error)])
    ctx.loaders.clear_all()
    return MutationOutcome(value=value)
