"""environmentCreate: the core transaction, in as few statements as its rules allow.

What it checks and in which order is domain-rules.md's (image, owner, workspace, quota,
placement, GPUs, ports); the lock order is environments.py's. The statements, in the usual
case (no idempotency key; placement by best fit):

1. preflight: the image's status, the owner (FOR SHARE), the workspace (FOR SHARE) and the
   viewer's role in it, the owner's quota row (FOR UPDATE), and the settings the create reads
   (max_environments_per_user, the port ranges);
2. the owner's usage, after the quota lock (quotas.check_usage says why it is a statement of
   its own);
3. and 4. a savepoint, then placement, GPUs and host counters (placement.place_and_take);
5. the port claims (port_claims.claim_ports);
6. the environment row;
7. the notification, its event and the environment.created event (notifications.py's
   notify_and_emit);
then, in the mutation runner, the audit row. Each step falls back to the step-by-step path of
its module when its one statement could not finish the job (a race), so every typed error
stays.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment
from remotegpu.domain import placement
from remotegpu.domain.environment_access import CREATORS
from remotegpu.domain.environment_inputs import CreateSpec, validated_spec
from remotegpu.domain.errors import WHOLE_INPUT, DomainError, ErrorCode
from remotegpu.domain.events import EventType
from remotegpu.domain.idempotency import claim_key, request_hash
from remotegpu.domain.notifications import NotificationKind, notify_and_emit
from remotegpu.domain.port_claims import PORT_RANGE_KEYS, claim_ports, parse_port_ranges
from remotegpu.domain.ports import INTERNAL_PORTS
from remotegpu.domain.quotas import Limits, Request, check_usage, parse_int

CAP_KEY = "max_environments_per_user"

# Locks in the lock order: the quota's scan is gated on the owner's and the workspace's CTEs
# (a one-time filter, evaluated before the scan), so those two are locked first.
_PREFLIGHT = text(
    """
    WITH owner AS MATERIALIZED (
        SELECT status, deleted_at FROM customers WHERE id = :owner_id FOR SHARE
    ), workspace AS MATERIALIZED (
        SELECT status FROM workspaces WHERE id = :workspace_id FOR SHARE
    ), quota AS MATERIALIZED (
        SELECT cpu_quota, memory_quota, gpu_quota, storage_quota, environment_quota
        FROM resource_quotas
        WHERE user_id = :owner_id
          AND (SELECT count(*) FROM owner) + (SELECT count(*) FROM workspace) >= 0
        ORDER BY id LIMIT 1
        FOR UPDATE
    )
    SELECT
        (SELECT status FROM images WHERE name = :image) AS image_status,
        EXISTS (SELECT 1 FROM owner) AS owner_found,
        (SELECT status FROM owner) AS owner_status,
        (SELECT deleted_at IS NOT NULL FROM owner) AS owner_deleted,
        EXISTS (SELECT 1 FROM workspace) AS workspace_found,
        (SELECT status FROM workspace) AS workspace_status,
        (SELECT role FROM workspace_members
         WHERE workspace_id = :workspace_id AND customer_id = :viewer_id AND status = 'active')
            AS role,
        EXISTS (SELECT 1 FROM quota) AS quota_found,
        quota.*,
        ARRAY(SELECT config_key FROM system_configs
              WHERE config_key = :cap_key OR config_key LIKE :range_keys
              ORDER BY config_key) AS config_keys,
        ARRAY(SELECT config_value FROM system_configs
              WHERE config_key = :cap_key OR config_key LIKE :range_keys
              ORDER BY config_key) AS config_values
    FROM (SELECT 1) AS one LEFT JOIN quota ON true
    """
)

# The table's INSERT, not the ORM entity's: built and compiled once, where an ORM insert with
# .values() is built, keyed and run through the ORM's bulk machinery on every create.
_environments: Table = Environment.__table__  # type: ignore[assignment]
_INSERT = insert(_environments)

_QUOTA_FIELDS: dict[str, str | None] = {
    "cpu": "cpu",
    "memory": "memory",
    "gpu": "gpu_count",
    "storage": "storage",
    "count": None,
}


def new_environment_id() -> str:
    """'env-' + 12 random lowercase hex characters."""
    return "env-" + secrets.token_hex(6)


def _fingerprint(spec: CreateSpec, owner_id: int) -> str:
    request = asdict(spec)
    request.pop("idempotency_key")
    request["owner_id"] = owner_id
    return request_hash(request)


def _check_preflight(
    row: Any, viewer: Viewer, spec: CreateSpec, owner_id: int, owner_field: str | None
) -> None:
    """The image exists and is active; the owner exists and is active; the workspace, if
    given, exists, the viewer may create there (admins always) and it is active. Read from
    the preflight row, whose FOR SHARE locks make a concurrent owner delete or workspace
    archive wait for this create and then see its environment."""
    if row.image_status is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"image {spec.image} not found", "image")
    if row.image_status != "active":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"image {spec.image} is {row.image_status} and cannot start new environments",
            "image",
        )
    if not row.owner_found or row.owner_deleted or row.owner_status == "deleted":
        raise DomainError(ErrorCode.NOT_FOUND, f"customer {owner_id} not found", owner_field)
    if row.owner_status != "active":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"customer {owner_id} is {row.owner_status}",
            owner_field or WHOLE_INPUT,
        )
    if spec.workspace_id is None:
        return
    field = "workspace_id"
    if not row.workspace_found or (not viewer.is_admin and row.role is None):
        raise DomainError(ErrorCode.NOT_FOUND, f"workspace {spec.workspace_id} not found", field)
    if not viewer.is_admin and row.role not in CREATORS:
        raise DomainError(
            ErrorCode.FORBIDDEN, f"a workspace {row.role} may not create environments there", field
        )
    if row.workspace_status != "active":
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"workspace {spec.workspace_id} is {row.workspace_status}",
            field,
        )


async def create_environment(session: AsyncSession, viewer: Viewer, spec: CreateSpec) -> str:
    """environmentCreate: everything in the caller's one transaction; returns the env id."""
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    spec = validated_spec(spec)
    owner_id = viewer.customer_id if spec.owner_id is None else spec.owner_id
    owner_field = None if spec.owner_id is None else "owner_id"
    if owner_id != viewer.customer_id and not viewer.is_admin:
        raise DomainError(
            ErrorCode.FORBIDDEN, "only platform admins create for other customers", owner_field
        )
    env_id = new_environment_id()
    if spec.idempotency_key is not None:
        earlier = await claim_key(
            session,
            customer_id=viewer.customer_id,
            operation="environmentCreate",
            key=spec.idempotency_key,
            fingerprint=_fingerprint(spec, owner_id),
            resource_id=env_id,
            field="idempotency_key",
        )
        if earlier is not None:
            return earlier

    row = (
        await session.execute(
            _PREFLIGHT,
            {
                "owner_id": owner_id,
                "workspace_id": spec.workspace_id,
                "viewer_id": viewer.customer_id,
                "image": spec.image,
                "cap_key": CAP_KEY,
                "range_keys": PORT_RANGE_KEYS,
            },
        )
    ).one()
    _check_preflight(row, viewer, spec, owner_id, owner_field)
    if not row.quota_found:
        raise DomainError(ErrorCode.QUOTA_EXCEEDED, "the owner has no resource quota")
    settings = list(zip(row.config_keys, row.config_values, strict=True))
    storage = spec.storage or 0
    request = Request(spec.cpu, spec.memory, spec.gpu_count, storage)
    cap = parse_int(dict(settings).get(CAP_KEY))
    limits = Limits.from_row(row)
    await check_usage(session, owner_id, limits, cap, request, new=True, fields=_QUOTA_FIELDS)

    gpu_field = "gpu_count"
    if spec.host_id is not None:
        host = await placement.lock_host_for(session, spec.host_id, request, field="host_id")
        await placement.allocate_gpus(session, host.id, env_id, spec.gpu_count, field=gpu_field)
        await placement.add_usage(session, host.id, request, +1)
    else:
        host = await placement.place_and_take(session, request, env_id, field=gpu_field)
    # Ports after placement, so that a create refused for capacity never holds one (and the
    # ports taken stay the lowest of their range).
    services = ("ssh", "jupyter", "rdp") if host.os_type == "windows" else ("ssh", "jupyter")
    ports = await claim_ports(
        session, env_id, [(s, INTERNAL_PORTS[s]) for s in services], parse_port_ranges(settings)
    )
    await session.execute(
        _INSERT,
        {
            "id": env_id,
            "user_id": owner_id,
            "host_id": host.id,
            "name": spec.name,
            "description": spec.description,
            "image": spec.image,
            "status": "creating",
            "cpu": spec.cpu,
            "memory": spec.memory,
            "gpu": spec.gpu_count,
            "storage": storage,
            "ssh_port": ports.get("ssh"),
            "jupyter_port": ports.get("jupyter"),
            "rdp_port": ports.get("rdp"),
            "workspace_id": spec.workspace_id,
        },
    )
    payload = {"id": env_id, "name": spec.name, "status": "creating", "host_id": host.id}
    await notify_and_emit(
        session,
        owner_id,
        NotificationKind.ENVIRONMENT,
        f"Environment {spec.name} is being created",
        f"Environment {env_id} is being created on host {host.id}.",
        "info",
        EventType.ENVIRONMENT_CREATED,
        resource_type="environment",
        resource_id=env_id,
        payload={
            **payload,
            "owner_id": owner_id,
            "workspace_id": spec.workspace_id,
            "image": spec.image,
            "cpu": spec.cpu,
            "memory": spec.memory,
            "gpu": spec.gpu_count,
            "storage": storage,
        },
    )
    return env_id
