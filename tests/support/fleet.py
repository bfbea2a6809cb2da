"""SQL builders of a small fleet on a fresh migrated database (no seeder, no API).

    conn = await asyncpg.connect(asyncpg_dsn(migrated_url))
    image = await add_image(conn)
    host = await add_host(conn, gpus=4)               # online, healthy, 4 available GPUs
    alice = await add_customer(conn, gpu=2)           # active, with a resource_quotas row
    team = await add_workspace(conn, alice, {bob: "member"})

Every builder leaves the database consistent (find_violations_on(conn) == []): hosts with
total_gpu equal to their GPU rows and zero used_* counters, customers with exactly one quota,
workspaces with one owner member and member_count = active members.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

IMAGE = "pytorch/pytorch:2.3.0-cuda12.1"
MIB = 1024**2
GIB = 1024**3
TIB = 1024**4


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def environment_input(name: str, **extra: Any) -> dict[str, Any]:
    """An environmentCreate input of the smallest environment (1 CPU, 1 GiB, no GPU) of IMAGE;
    `extra` adds or overrides fields."""
    return {"name": name, "image": IMAGE, "cpu": 1, "memory": str(GIB), "gpuCount": 0, **extra}


async def add_image(conn: asyncpg.Connection, name: str = IMAGE, status: str = "active") -> str:
    await conn.execute(
        "INSERT INTO images (name, display_name, status, is_official) VALUES ($1, $1, $2, true)"
        " ON CONFLICT (name) DO UPDATE SET status = EXCLUDED.status",
        name,
        status,
    )
    return name


async def add_host(
    conn: asyncpg.Connection,
    *,
    host_id: str | None = None,
    gpus: int = 4,
    cpu: int = 64,
    memory: int = 512 * GIB,
    disk: int | None = 10 * TIB,
    os_type: str = "linux",
    status: str = "online",
    health: str = "healthy",
    gpu_health: str = "healthy",
) -> str:
    """A host with `gpus` available GPUs (indexes 0..gpus-1) and nothing in use; its id."""
    host_id = host_id or unique("host")
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO hosts (id, name, hostname, ip_address, os_type, deployment_mode, status,"
            " health_status, total_cpu, total_memory, total_disk, total_gpu, used_cpu,"
            " used_memory, used_disk, used_gpu, last_heartbeat)"
            " VALUES ($1, $1, $1, '10.20.0.1', $2, 'traditional', $3, $4, $5, $6, $7, $8,"
            " 0, 0, 0, 0, NOW())",
            host_id,
            os_type,
            status,
            health,
            cpu,
            memory,
            disk,
            gpus,
        )
        await conn.execute(
            "INSERT INTO gpus (host_id, gpu_index, uuid, name, brand, memory_total, status,"
            " health_status)"
            " SELECT $1, i, 'GPU-' || $1::varchar || '-' || i, 'NVIDIA A100-SXM4-80GB', 'NVIDIA',"
            " 85899345920, 'available', $3 FROM generate_series(0, $2 - 1) AS i",
            host_id,
            gpus,
            gpu_health,
        )
    return host_id


async def add_customer(
    conn: asyncpg.Connection,
    *,
    user_type: str = "external",
    status: str = "active",
    cpu: int = 64,
    memory_mb: int = 256 * 1024,
    gpu: int = 8,
    storage: int = 10 * TIB,
    environments: int = 10,
) -> int:
    """A customer with one resource_quotas row (the given limits); its id."""
    name = unique(user_type)
    deleted = "NOW()" if status == "deleted" else "NULL"
    async with conn.transaction():
        customer_id: int = await conn.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type, status, deleted_at)"
            " VALUES ($1::varchar, $1::varchar || '@example.com', 'not-a-login', $2, $3,"
            f" {deleted})"
            " RETURNING id",
            name,
            user_type,
            status,
        )
        await conn.execute(
            "INSERT INTO resource_quotas (user_id, quota_level, cpu_quota, memory_quota,"
            " gpu_quota, storage_quota, environment_quota)"
            " VALUES ($1, 'custom', $2, $3, $4, $5, $6)",
            customer_id,
            cpu,
            memory_mb,
            gpu,
            storage,
            environments,
        )
    return customer_id


async def add_workspace(
    conn: asyncpg.Connection,
    owner_id: int,
    members: dict[int, str] | None = None,
    *,
    status: str = "active",
) -> int:
    """A team workspace owned by `owner_id`, with `members` ({customer id: role}) active."""
    members = {owner_id: "owner", **(members or {})}
    async with conn.transaction():
        workspace_id: int = await conn.fetchval(
            "INSERT INTO workspaces (owner_id, name, type, member_count, status)"
            " VALUES ($1, $2, 'team', $3, $4) RETURNING id",
            owner_id,
            unique("team"),
            len(members),
            status,
        )
        await conn.executemany(
            "INSERT INTO workspace_members (workspace_id, customer_id, role, status)"
            " VALUES ($1, $2, $3, 'active')",
            [(workspace_id, customer, role) for customer, role in members.items()],
        )
    return workspace_id


async def set_config(conn: asyncpg.Connection, key: str, value: object) -> None:
    await conn.execute(
        "INSERT INTO system_configs (config_key, config_value, config_type, description)"
        " VALUES ($1::varchar, $2, 'integer', $1::varchar) ON CONFLICT (config_key)"
        " DO UPDATE SET config_value = EXCLUDED.config_value",
        key,
        str(value),
    )


async def host_usage(conn: asyncpg.Connection, host_id: str) -> dict[str, Any]:
    """used_cpu/used_memory/used_disk/used_gpu and the number of allocated GPUs of a host."""
    row = await conn.fetchrow(
        "SELECT used_cpu, used_memory, used_disk, used_gpu,"
        " (SELECT count(*) FROM gpus g WHERE g.host_id = h.id AND g.status = 'allocated')"
        " AS allocated FROM hosts h WHERE id = $1",
        host_id,
    )
    assert row is not None
    return dict(row)
