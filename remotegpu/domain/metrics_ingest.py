"""Agent metrics: a batch of host, GPU and environment samples of one host, in bulk.

A batch is checked whole before anything is written: the reporter speaks for the host (its
agent, or a platform admin), the batch is within the size cap, every value is in range, and
every GPU and environment named belongs to the host. Then each table gets ONE statement,
`INSERT ... SELECT * FROM unnest($1::type[], $2::type[], ...)` (one array per column): its
cost grows with the rows, not with round trips, and its parameter count is fixed however big
the batch (a multi-row VALUES would need rows x columns parameters, capped by PostgreSQL at
65,535).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Integer, String, exists, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.models import Environment, EnvironmentMetric, Gpu, GpuMetric, Host, HostMetric
from remotegpu.domain.errors import WHOLE_INPUT, DomainError, ErrorCode
from remotegpu.domain.validators import invalid, spelled

Sample = Mapping[str, Any]  # column name -> value (None = not measured)
HOST_ID = "host_id"
# Samples older than the raw retention (7 days) would be deleted by the next retention run;
# a clock far ahead of ours is a broken agent clock.
OLDEST = timedelta(days=7)
NEWEST = timedelta(minutes=5)
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
_DIALECT = postgresql.dialect()  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class MetricsBatch:
    """What an agent sends: samples of its host, of the host's GPUs and environments."""

    host_id: str
    host_samples: Sequence[Sample] = ()
    gpu_samples: Sequence[Sample] = ()  # each with gpu_id
    environment_samples: Sequence[Sample] = ()  # each with env_id

    @property
    def size(self) -> int:
        return len(self.host_samples) + len(self.gpu_samples) + len(self.environment_samples)


@dataclass(frozen=True)
class Ingested:
    host_samples: int = 0
    gpu_samples: int = 0
    environment_samples: int = 0
    rows: int = field(init=False)

    def __post_init__(self) -> None:
        total = self.host_samples + self.gpu_samples + self.environment_samples
        object.__setattr__(self, "rows", total)


def _may_report(viewer: Viewer, host_id: str) -> None:
    if viewer.is_agent:
        if viewer.agent_host_id != host_id:
            raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)
        if not viewer.can(Scope.AGENT):
            raise DomainError(ErrorCode.FORBIDDEN, "this token may not report metrics", HOST_ID)
        return
    if not viewer.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    if not (viewer.is_admin and viewer.can(Scope.WRITE)):
        # Customers never see host inventory: a host is reported as missing, not forbidden.
        raise DomainError(ErrorCode.NOT_FOUND, f"no host {host_id!r}", HOST_ID)


def _check_values(model: type[Any], samples: Sequence[Sample], key: str, now: datetime) -> None:
    """Percentages within 0..100, counters and gauges non-negative and finite, integers
    within their column, collected_at within [now - 7 days, now + 5 minutes]."""
    columns = model.__table__.columns
    for i, sample in enumerate(samples):
        for name, value in sample.items():
            path = f"{key}.{i}.{_field(name)}"
            if value is None:
                continue
            if name == "collected_at":
                if not now - OLDEST <= value <= now + NEWEST:
                    raise invalid(path, "collectedAt must be within the last 7 days (UTC)")
                continue
            column_type = columns[name].type
            if isinstance(column_type, String):
                continue  # a key, checked against the host below
            if isinstance(value, float) and not math.isfinite(value):
                raise invalid(path, f"{spelled(path)} must be a finite number")
            if value < 0:
                raise invalid(path, f"{spelled(path)} must not be negative")
            if name.endswith("_percent") and value > 100:
                raise invalid(path, f"{spelled(path)} is a percentage (0 to 100)")
            limit = INT32_MAX if type(column_type) is Integer else INT64_MAX
            if isinstance(column_type, Integer | BigInteger) and value > limit:
                raise invalid(path, f"{spelled(path)} is too large")


def _field(column: str) -> str:
    """The sample's field of a column (env_id is environment_id there)."""
    return "environment_id" if column == "env_id" else column


async def _check_owned(
    session: AsyncSession,
    host_id: str,
    samples: Sequence[Sample],
    key: str,
    id_column: Any,
    host_column: Any,
    sample_key: str,
    what: str,
) -> None:
    wanted = {s[sample_key] for s in samples}
    if not wanted:
        return
    owned = set(
        (
            await session.scalars(
                select(id_column).where(id_column.in_(wanted), host_column == host_id)
            )
        ).all()
    )
    for i, sample in enumerate(samples):
        if sample[sample_key] not in owned:
            raise DomainError(
                ErrorCode.NOT_FOUND,
                f"{what} {sample[sample_key]} is not on host {host_id}",
                f"{key}.{i}.{_field(sample_key)}",
            )


async def _bulk_insert(
    session: AsyncSession, model: type[Any], rows: Sequence[Mapping[str, Any]]
) -> None:
    """One INSERT ... SELECT FROM unnest(arrays) for all `rows` (same keys in each)."""
    if not rows:
        return
    table = model.__table__
    names = [c.name for c in table.columns if c.name != "id"]
    arrays = ", ".join(
        f"CAST(:c{i} AS {table.columns[n].type.compile(dialect=_DIALECT)}[])"
        for i, n in enumerate(names)
    )
    statement = text(
        f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest({arrays})"
    )
    await session.execute(
        statement, {f"c{i}": [row.get(n) for row in rows] for i, n in enumerate(names)}
    )


async def ingest(
    session: AsyncSession, viewer: Viewer, batch: MetricsBatch, *, max_samples: int, now: datetime
) -> Ingested:
    """Check the whole batch, then write it: one statement per table. Nothing is written when
    any check fails."""
    _may_report(viewer, batch.host_id)
    if batch.size == 0:
        raise invalid(WHOLE_INPUT, "a report needs at least one sample")
    if batch.size > max_samples:
        raise invalid(
            WHOLE_INPUT, f"a report carries at most {max_samples} samples, this one {batch.size}"
        )
    if not await session.scalar(select(exists().where(Host.id == batch.host_id))):
        raise DomainError(ErrorCode.NOT_FOUND, f"no host {batch.host_id!r}", HOST_ID)
    _check_values(HostMetric, batch.host_samples, "host_samples", now)
    _check_values(GpuMetric, batch.gpu_samples, "gpu_samples", now)
    _check_values(EnvironmentMetric, batch.environment_samples, "environment_samples", now)
    await _check_owned(session, batch.host_id, batch.gpu_samples, "gpu_samples", Gpu.id,
                       Gpu.host_id, "gpu_id", "GPU")  # fmt: skip
    await _check_owned(session, batch.host_id, batch.environment_samples, "environment_samples",
                       Environment.id, Environment.host_id, "env_id", "environment")  # fmt: skip

    def stamped(samples: Sequence[Sample], **extra: Any) -> list[dict[str, Any]]:
        return [{**s, **extra, "collected_at": s.get("collected_at") or now} for s in samples]

    await _bulk_insert(session, HostMetric, stamped(batch.host_samples, host_id=batch.host_id))
    await _bulk_insert(session, GpuMetric, stamped(batch.gpu_samples, host_id=batch.host_id))
    await _bulk_insert(session, EnvironmentMetric, stamped(batch.environment_samples))
    return Ingested(len(batch.host_samples), len(batch.gpu_samples), len(batch.environment_samples))
