"""A fleet of any size inserted by bulk SQL (per host 2 GPUs and 2 environments, each
environment with an owner, 2 port mappings, a GPU and a dataset mount): the statement-count
tests fill databases of different sizes with the same shape."""

from __future__ import annotations

import asyncpg

from remotegpu.db.urls import asyncpg_dsn

FILL = [
    """
    INSERT INTO customers (username, email, password_hash, user_type)
    SELECT 'qc-user-' || i, 'qc-user-' || i || '@example.com', 'x', 'external'
    FROM generate_series(1, $1) AS i
    """,
    """
    INSERT INTO hosts (id, name, ip_address, os_type, deployment_mode, total_cpu,
                       total_memory, total_gpu, status, created_at)
    SELECT 'qc-host-' || lpad(i::text, 5, '0'), 'qc host ' || i, '10.0.0.1', 'linux',
           'traditional', 64, 274877906944, 2, 'online',
           TIMESTAMPTZ '2024-01-01' + i * INTERVAL '1 minute'
    FROM generate_series(1, $1) AS i
    """,
    """
    INSERT INTO gpus (host_id, gpu_index, name, status, allocated_to)
    SELECT 'qc-host-' || lpad(i::text, 5, '0'), g, 'NVIDIA A100', 'allocated',
           'qc-env-' || i || '-' || g
    FROM generate_series(1, $1) AS i, generate_series(0, 1) AS g
    """,
    """
    INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,
                              created_at)
    SELECT 'qc-env-' || i || '-' || k, c.id, 'qc-host-' || lpad(i::text, 5, '0'),
           'env ' || i || '-' || k, 'pytorch:2.3', 'running', 4, 17179869184, 1,
           TIMESTAMPTZ '2024-02-01' + (i * 2 + k) * INTERVAL '1 minute'
    FROM generate_series(1, $1) AS i
    JOIN customers c ON c.username = 'qc-user-' || i
    CROSS JOIN generate_series(0, 1) AS k
    """,
    """
    INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)
    SELECT 'qc-env-' || i || '-' || k, CASE j WHEN 0 THEN 'ssh' ELSE 'jupyter' END,
           20000 + i * 4 + k * 2 + j, CASE j WHEN 0 THEN 22 ELSE 8888 END
    FROM generate_series(1, $1) AS i, generate_series(0, 1) AS k, generate_series(0, 1) AS j
    """,
    """
    INSERT INTO datasets (customer_id, name, storage_path, status)
    SELECT c.id, 'qc-dataset-' || i, 's3://qc/' || i, 'ready'
    FROM generate_series(1, $1) AS i
    JOIN customers c ON c.username = 'qc-user-' || i
    """,
    """
    INSERT INTO dataset_usage (env_id, dataset_id, mount_path)
    SELECT 'qc-env-' || i || '-' || k, d.id, '/data/' || i || '/' || k
    FROM generate_series(1, $1) AS i
    JOIN datasets d ON d.name = 'qc-dataset-' || i
    CROSS JOIN generate_series(0, 1) AS k
    """,
]


async def fill(url: str, hosts: int) -> dict[str, list[int]]:
    """Insert the fleet; return each host's GPU ids (in gpu_index order)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            for statement in FILL:
                await conn.execute(statement, hosts)
        await conn.execute("ANALYZE")
        rows = await conn.fetch(
            "SELECT host_id, array_agg(id ORDER BY gpu_index) AS ids FROM gpus GROUP BY host_id"
        )
    finally:
        await conn.close()
    return {r["host_id"]: list(r["ids"]) for r in rows}
