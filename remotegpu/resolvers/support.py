"""How every mutation runs: one transaction, one audit row, typed errors, fresh loaders.

Resolvers do not call this module: they call `mutate` (remotegpu.resolvers.mutate), which
runs the domain call through `run_mutation` and builds the payload. Underneath:

    outcome = await run_mutation(info, "environment.create", "environment", work)

`work(session)` is the domain call; it returns `(value, resource_id)`. On success the audit
row commits with the change. On a DomainError the change rolls back and the audit row, with
the error, commits on its own, so failures are on record too. Either way the request's
loaders are cleared, so the payload shows the state after commit.

A transaction that PostgreSQL aborts as a deadlock victim or for a serialization failure
(SQLSTATE 40P01 / 40001) is run again from the start, in a new transaction, up to ATTEMPTS
times with a short jittered backoff: such an abort rolled everything back (the audit row too,
so a retried mutation still writes one), and the other transaction has moved on. When the
attempts run out the mutation answers RETRY_LATER, a typed error, not an internal one.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from remotegpu.auth.viewer import Scope
from remotegpu.context import Context
from remotegpu.db.engine import transaction
from remotegpu.domain.audit import RequestMeta, record_audit, record_audit_separately, status_for
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import announce_quota_exceeded
from remotegpu.schema.errors import UserError

T = TypeVar("T")
Work = Callable[[AsyncSession], Awaitable[tuple[T, str | None]]]

log = logging.getLogger(__name__)

RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
ATTEMPTS = 5
BACKOFF_SECONDS = 0.02  # the first retry waits up to this, each next one up to twice as long


class Audit(Enum):
    """Who writes a mutation's audit rows."""

    # run_mutation: the success row in the transaction, the failure row ("CODE: message") in
    # one of its own. Every mutation but identity's.
    HERE = "here"
    # The domain call records its success row itself; run_mutation records a failure with the
    # bare message (the API-token mutations, whose rows always read so).
    FAILURES = "failures"
    # The domain call records whatever it records, success and failure (logout).
    DOMAIN = "domain"


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


def is_transient(error: DBAPIError) -> bool:
    """Whether PostgreSQL aborted the transaction only because of a concurrent one."""
    return getattr(error.orig, "sqlstate", None) in RETRY_SQLSTATES


async def in_transaction_with_retries(
    sessions: async_sessionmaker[AsyncSession],
    body: Callable[[AsyncSession], Awaitable[T]],
    *,
    before_retry: Callable[[], None] | None = None,
) -> T:
    """`body` in one transaction, run again in a fresh one after a deadlock or serialization
    failure; RETRY_LATER (DomainError) once ATTEMPTS are used up."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with transaction(sessions) as session:
                return await body(session)
        except DBAPIError as error:
            if not is_transient(error):
                raise
            log.warning("transaction aborted (%s), attempt %d of %d", error.orig, attempt, ATTEMPTS)
            if attempt == ATTEMPTS:
                raise DomainError(
                    ErrorCode.RETRY_LATER,
                    "the request collided with concurrent changes and nothing was changed;"
                    " send it again",
                ) from error
        if before_retry is not None:
            before_retry()
        # Jitter: the transactions that collided must not come back in lockstep.
        await asyncio.sleep(random.uniform(0, BACKOFF_SECONDS * 2 ** (attempt - 1)))  # noqa: S311
    raise AssertionError("unreachable: the last attempt returns or raises")


async def run_mutation(
    info: strawberry.Info[Context, Any],
    action: str,
    resource_type: str,
    work: Work[T],
    *,
    resource_id: str | None = None,
    require_write: bool = True,
    audit: Audit = Audit.HERE,
) -> MutationOutcome[T]:
    ctx = info.context
    meta = RequestMeta.from_request(ctx.request)
    try:
        if require_write:
            require_writer(ctx)

        async def audited(session: AsyncSession) -> T:
            value, changed_id = await work(session)
            if audit is not Audit.HERE:
                return value
            await record_audit(
                session,
                viewer=ctx.viewer,
                action=action,
                resource_type=resource_type,
                resource_id=changed_id or resource_id,
                request_meta=meta,
                status_code=200,
            )
            return value

        value = await in_transaction_with_retries(
            ctx.sessions, audited, before_retry=ctx.loaders.clear_all
        )
    except DomainError as error:
        if audit is not Audit.DOMAIN:
            await record_audit_separately(
                ctx.sessions,
                viewer=ctx.viewer,
                action=action,
                resource_type=resource_type,
                resource_id=resource_id,
                request_meta=meta,
                status_code=status_for(error.code),
                error_message=(
                    f"{error.code}: {error.message}" if audit is Audit.HERE else error.message
                ),
            )
        if error.code is ErrorCode.QUOTA_EXCEEDED and ctx.viewer.customer_id is not None:
            async with transaction(ctx.sessions) as session:
                await announce_quota_exceeded(
                    session, ctx.viewer.customer_id, action, error.message
                )
        ctx.loaders.clear_all()
        return MutationOutcome(errors=[UserError.from_domain(error)])
    ctx.loaders.clear_all()
    return MutationOutcome(value=value)
