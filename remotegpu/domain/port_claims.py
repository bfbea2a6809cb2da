"""Claiming external gateway ports: the lowest free port of a service's range, concurrently.

A claim is an active port_mappings row. The partial unique index on active external ports
(uq_port_mappings_active_external_port) is what finally keeps two mappings off one port; the
claim is built so that concurrent creates rarely even try the same port.

The search for free ports sees only committed mappings, so concurrent creates all find the
same lowest port. If each simply inserted it, they would queue on the unique index behind
the first one's commit, one after the other (as they did behind the fleet-wide advisory lock
this module replaces). Instead every candidate port is claimed under a transaction-level
advisory lock of its own, try-locked: a port that another transaction is claiming right now
is skipped, not waited for, and the next free port is tried. So a create gets the lowest port
of its range that is neither taken nor being claimed by a transaction still in flight.

Only when every free-looking port of the range is being claimed does a claim wait, for the
lowest of them (its claimer may still roll back and leave it free), so NO_PORTS means the range
really is full. Lock order (environments.py): ports are claimed after the host and GPU rows,
services in the order ssh, jupyter, rdp; custom ports (their own mutation) after the
environment row. A claim
waits for a port of one service only while holding ports of the services before it and ports
of its own service that it found taken (which nobody waits for: they no longer look free); a
transaction that claimed a port is done with that service and waits at most for later ones.
So port waits follow the service order and close no cycle (a read stale enough to break this
would end as a deadlock, which the mutation's retry absorbs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import TextClause, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.db.models import SystemConfig
from remotegpu.domain.errors import DomainError, ErrorCode

_LOCK_NAMESPACE = 0x706F7274  # "port": first key of pg_advisory_xact_lock(int, int)
_WINDOW = 32  # free ports looked at per search: more than the creates usually in flight

# The free ports in the first _WINDOW ports from the lowest free one at or above :start{s}
# ({s}: a suffix of the parameter names, so that one statement can search several ranges).
_FREE_PORTS_OF = """
    WITH first AS (
        SELECT min(p) AS p FROM (
            SELECT CAST(:start{s} AS int) AS p WHERE NOT EXISTS (
                SELECT 1 FROM port_mappings WHERE status = 'active' AND external_port = :start{s})
            UNION ALL
            SELECT m.external_port + 1 FROM port_mappings m
            WHERE m.status = 'active' AND m.external_port >= :start{s}
              AND m.external_port < :hi{s}
              AND NOT EXISTS (SELECT 1 FROM port_mappings n
                              WHERE n.status = 'active' AND n.external_port = m.external_port + 1)
        ) AS gaps
    )
    SELECT g.p FROM first, generate_series(first.p, LEAST(first.p + :window - 1, :hi{s})) AS g(p)
    WHERE NOT EXISTS (
        SELECT 1 FROM port_mappings WHERE status = 'active' AND external_port = g.p)
    ORDER BY g.p
"""
_FREE_PORTS = _FREE_PORTS_OF.format(s="")

# Insert the mapping on `port` if no committed active mapping holds it; no row back means the
# port was not claimed (someone else is claiming it, or has).
_INSERT = """
    INSERT INTO port_mappings (env_id, service_type, external_port, internal_port, status)
    SELECT :env_id, :service, c.p, :internal_port, 'active' FROM ({port}) AS c
    ON CONFLICT (external_port) WHERE status = 'active' DO NOTHING
    RETURNING id, external_port
"""
# The usual case in one round trip: the first free port whose lock is free, try-locked one
# after the other in ascending order. The candidates are materialized and the LIMIT stops the
# scan at the first lock obtained, so no other port is locked in passing.
_CLAIM_FIRST = text(
    f"WITH candidates AS MATERIALIZED ({_FREE_PORTS})"
    + _INSERT.format(
        port="SELECT p FROM candidates WHERE pg_try_advisory_xact_lock(:ns, p) LIMIT 1"
    )
)
_FREE = text(_FREE_PORTS)
_TRY_CLAIM = text(
    _INSERT.format(
        port="SELECT CAST(:port AS int) AS p WHERE pg_try_advisory_xact_lock(:ns, :port)"
    )
)
_LOCKED_CLAIM = text(_INSERT.format(port="SELECT CAST(:port AS int) AS p"))  # lock held


class Allocated(NamedTuple):
    id: int
    external_port: int


PORT_RANGE_KEYS = "%\\_port\\_range\\_%"  # LIKE pattern of the range settings' keys


async def port_ranges(session: AsyncSession) -> dict[str, tuple[int, int]]:
    """Each service's (first, last) port from system_configs, where both are set and valid."""
    rows = await session.execute(
        select(SystemConfig.config_key, SystemConfig.config_value).where(
            SystemConfig.config_key.like(PORT_RANGE_KEYS)
        )
    )
    return parse_port_ranges((key, value) for key, value in rows)


def parse_port_ranges(settings: Iterable[tuple[str, str | None]]) -> dict[str, tuple[int, int]]:
    """The port ranges in (config_key, config_value) pairs; other keys are ignored."""
    values: dict[str, int] = {}
    for key, value in settings:
        if "_port_range_" not in key:
            continue
        try:
            values[key] = int((value or "").strip())
        except ValueError:
            continue
    ranges: dict[str, tuple[int, int]] = {}
    for key, lo in values.items():
        service, _, bound = key.partition("_port_range_")
        hi = values.get(f"{service}_port_range_end")
        if bound == "start" and hi is not None and lo <= hi:
            ranges[service] = (lo, hi)
    return ranges


async def _free_ports(session: AsyncSession, start: int, hi: int) -> list[int]:
    rows = await session.scalars(_FREE, {"start": start, "hi": hi, "window": _WINDOW})
    return list(rows)


async def allocate_port(
    session: AsyncSession,
    env_id: str,
    service: str,
    internal_port: int,
    ranges: dict[str, tuple[int, int]] | None = None,
) -> Allocated:
    """Insert an active mapping on the lowest free, unclaimed port of `service`'s range.

    NO_PORTS when the range is full or not configured. `ranges`: port_ranges(), when the
    caller claims several services. Call in the order ssh, jupyter, rdp, custom when claiming
    several services in one transaction.
    """
    span = (ranges if ranges is not None else await port_ranges(session)).get(service)
    if span is None:
        raise DomainError(ErrorCode.NO_PORTS, f"no {service} port range is configured")
    lo, hi = span
    values = {"env_id": env_id, "service": service, "internal_port": internal_port}
    values |= {"ns": _LOCK_NAMESPACE, "hi": hi, "window": _WINDOW}
    row = (await session.execute(_CLAIM_FIRST, {**values, "start": lo})).first()
    if row is not None:
        return Allocated(row.id, row.external_port)
    # Every port of the first window was being claimed (or was taken meanwhile): go on, port
    # by port, through the rest of the range.
    start = lo
    while start <= hi:
        candidates = await _free_ports(session, start, hi)
        if not candidates:
            break
        for port in candidates:
            claimed = await session.scalar(_TRY_CLAIM, {**values, "port": port})
            if claimed is not None:
                return Allocated(claimed, port)
        start = candidates[-1] + 1
    # Every port above was taken or being claimed; wait for the claimers, lowest port first.
    while candidates := await _free_ports(session, lo, hi):
        port = candidates[0]
        await session.execute(select(func.pg_advisory_xact_lock(_LOCK_NAMESPACE, port)))
        claimed = await session.scalar(_LOCKED_CLAIM, {**values, "port": port})
        if claimed is not None:
            return Allocated(claimed, port)
    raise DomainError(ErrorCode.NO_PORTS, f"every {service} port in {lo}..{hi} is taken")


# One claim of a chain: the first free port of service {i} whose lock is free, if the claim
# before it ({gate}) got a port. CASE, not AND: the gate must be decided before any try-lock.
_CHAINED_CLAIM = """
    candidates_{i} AS MATERIALIZED ({free}),
    claim_{i} AS (
        INSERT INTO port_mappings (env_id, service_type, external_port, internal_port, status)
        SELECT :env_id, :service_{i}, c.p, :internal_port_{i}, 'active' FROM (
            SELECT p FROM candidates_{i}
            WHERE CASE WHEN {gate} THEN pg_try_advisory_xact_lock(:ns, p) ELSE false END
            LIMIT 1
        ) AS c
        ON CONFLICT (external_port) WHERE status = 'active' DO NOTHING
        RETURNING service_type, external_port
    )"""


def _chained_claims(count: int) -> TextClause:
    """The first try of `count` services' claims in one statement (one round trip)."""
    parts = [
        _CHAINED_CLAIM.format(
            i=i,
            free=_FREE_PORTS_OF.format(s=f"_{i}"),
            gate="true" if i == 0 else f"EXISTS (SELECT 1 FROM claim_{i - 1})",
        )
        for i in range(count)
    ]
    results = " UNION ALL ".join(
        f"SELECT service_type, external_port FROM claim_{i}" for i in range(count)
    )
    return text("WITH" + ",".join(parts) + "\n" + results)


_CHAINS = {count: _chained_claims(count) for count in (1, 2, 3)}


async def claim_ports(
    session: AsyncSession,
    env_id: str,
    services: Sequence[tuple[str, int]],
    ranges: dict[str, tuple[int, int]],
) -> dict[str, int]:
    """Active mappings on the lowest free, unclaimed port of each (service, internal port), in
    the given order (the lock order: ssh, jupyter, rdp); each service's external port.

    The usual case is one statement: each claim as allocate_port's first try, and each only if
    the one before it got a port, so that a later service is never held while an earlier one
    still has to be waited for. The services from the first that found every port of its
    window claimed on are claimed one by one with allocate_port.
    """
    for service, _ in services:
        if service not in ranges:
            raise DomainError(ErrorCode.NO_PORTS, f"no {service} port range is configured")
    values: dict[str, object] = {"env_id": env_id, "ns": _LOCK_NAMESPACE, "window": _WINDOW}
    for i, (service, internal_port) in enumerate(services):
        lo, hi = ranges[service]
        values |= {f"service_{i}": service, f"internal_port_{i}": internal_port}
        values |= {f"start_{i}": lo, f"hi_{i}": hi}
    claimed: dict[str, int] = dict(
        (row[0], row[1]) for row in await session.execute(_CHAINS[len(services)], values)
    )
    for service, internal_port in services:
        if service not in claimed:
            port = await allocate_port(session, env_id, service, internal_port, ranges)
            claimed[service] = port.external_port
    return claimed
