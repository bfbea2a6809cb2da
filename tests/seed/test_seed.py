"""The demo seeder fills a migrated database consistently and deterministically, and the
invariant checker both accepts its output and catches each kind of broken row."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from remotegpu.db.migrate import migrate
from remotegpu.db.urls import asyncpg_dsn, with_database
from remotegpu.domain.invariants import find_violations, find_violations_on
from remotegpu.seed import SCALES, SeedError, seed_database
from remotegpu.seed.passwords import DEMO_PASSWORD, PRECOMPUTED_DEMO_HASH, demo_password_hash

TABLES = (
    "system_configs", "customers", "workspaces", "workspace_members", "resource_quotas",
    "hosts", "gpus", "environments", "port_mappings", "datasets", "dataset_versions", "models",
    "model_versions", "images", "host_metrics", "gpu_metrics", "environment_metrics",
    "billing_records", "invoices", "training_jobs", "inference_services", "notifications",
    "audit_logs", "alert_rules", "alert_records", "webhooks", "webhook_logs", "issues",
    "requirements", "comments", "dataset_usage", "artifacts",
)  # fmt: skip
SMALL = SCALES["small"]


async def _fetch(url: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows: list[asyncpg.Record] = await conn.fetch(sql)
        return rows
    finally:
        await conn.close()


async def _table_hashes(url: str) -> dict[str, str]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return {
            table: await conn.fetchval(
                f"SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t.id)), '')"
                f" FROM {table} t"
            )
            for table in TABLES
        }
    finally:
        await conn.close()


async def _create_migrated(server_url: str) -> str:
    """Another migrated database on the same server as `server_url`."""
    name = f"rgpu_seed_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(asyncpg_dsn(server_url))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = with_database(server_url, name)
    await migrate(url)
    return url


async def _drop(server_url: str, url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(server_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
async def other_migrated_url(migrated_url: str) -> AsyncIterator[str]:
    url = await _create_migrated(migrated_url)
    yield url
    await _drop(migrated_url, url)


@pytest.fixture(scope="module")
async def seeded_once(admin_url: str) -> AsyncIterator[str]:
    """One seeded small platform shared by the mutation tests (each rolls back)."""
    url = await _create_migrated(admin_url)
    await seed_database(url, SMALL, seed=42, if_empty=False)
    yield url
    await _drop(admin_url, url)


async def test_seed_small_satisfies_every_invariant(migrated_url: str) -> None:
    report = await seed_database(migrated_url, SMALL, seed=42, if_empty=False)
    assert "customers" in report
    assert "database size" in report
    assert await find_violations(migrated_url) == []


async def test_seed_small_populates_all_32_tables(seeded_once: str) -> None:
    counts = {
        table: (await _fetch(seeded_once, f"SELECT count(*) AS n FROM {table}"))[0]["n"]
        for table in TABLES
    }
    assert len(TABLES) == 32
    assert {table: n for table, n in counts.items() if n == 0} == {}
    metric_samples = counts["host_metrics"] + counts["gpu_metrics"] + counts["environment_metrics"]
    assert metric_samples >= SMALL.metric_samples
    assert counts["environments"] == SMALL.environments
    assert counts["customers"] == SMALL.customers
    assert counts["gpus"] >= SMALL.gpus


async def test_seed_same_seed_identical_other_seed_different(
    migrated_url: str, other_migrated_url: str
) -> None:
    await seed_database(migrated_url, SMALL, seed=7, if_empty=False)
    await seed_database(other_migrated_url, SMALL, seed=7, if_empty=False)
    first = await _table_hashes(migrated_url)
    assert first == await _table_hashes(other_migrated_url)

    third = await _create_migrated(migrated_url)
    try:
        await seed_database(third, SMALL, seed=8, if_empty=False)
        different = await _table_hashes(third)
    finally:
        await _drop(migrated_url, third)
    assert different["environments"] != first["environments"]
    assert different["gpu_metrics"] != first["gpu_metrics"]


async def test_seed_non_empty_database_is_refused(migrated_url: str) -> None:
    await seed_database(migrated_url, SMALL, seed=1, if_empty=False)
    with pytest.raises(SeedError, match="already has"):
        await seed_database(migrated_url, SMALL, seed=2, if_empty=False)


async def test_seed_if_empty_on_seeded_database_skips(migrated_url: str) -> None:
    await seed_database(migrated_url, SMALL, seed=1, if_empty=False)
    before = await _table_hashes(migrated_url)
    report = await seed_database(migrated_url, SMALL, seed=2, if_empty=True)
    assert "skipped" in report
    assert await _table_hashes(migrated_url) == before


async def test_seed_unmigrated_database_is_refused(other_migrated_url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(other_migrated_url))
    try:
        await conn.execute("DROP TABLE customers")
    finally:
        await conn.close()
    with pytest.raises(SeedError, match="not migrated"):
        await seed_database(other_migrated_url, SMALL, seed=1, if_empty=False)


async def test_seed_demo_accounts_share_the_demo_password(seeded_once: str) -> None:
    rows = await _fetch(
        seeded_once,
        "SELECT username, user_type, email, password_hash FROM customers WHERE id <= 3 ORDER BY id",
    )
    assert [(r["username"], r["user_type"]) for r in rows] == [
        ("admin", "admin"),
        ("alice", "external"),
        ("bob", "internal"),
    ]
    assert rows[0]["email"] == "admin@remotegpu.example"
    assert {r["password_hash"] for r in rows} == {PRECOMPUTED_DEMO_HASH}
    assert demo_password_hash() == PRECOMPUTED_DEMO_HASH


def test_seed_demo_hash_verifies_the_demo_password() -> None:
    argon2 = pytest.importorskip("argon2")
    assert argon2.PasswordHasher().verify(PRECOMPUTED_DEMO_HASH, DEMO_PASSWORD)


async def test_seed_open_mounts_are_readable_ready_datasets(seeded_once: str) -> None:
    rows = await _fetch(
        seeded_once,
        """SELECT u.id FROM dataset_usage u
           JOIN environments e ON e.id = u.env_id JOIN datasets d ON d.id = u.dataset_id
           WHERE u.unmounted_at IS NULL AND (d.status <> 'ready' OR NOT (
               d.customer_id = e.user_id OR d.visibility = 'public'
               OR (d.visibility = 'workspace' AND EXISTS (
                   SELECT 1 FROM workspace_members m WHERE m.workspace_id = d.workspace_id
                   AND m.customer_id = e.user_id AND m.status = 'active'))))""",
    )
    assert rows == []


async def test_seed_fleet_shape(seeded_once: str) -> None:
    rows = await _fetch(
        seeded_once,
        """SELECT
             (SELECT count(DISTINCT labels->>'region') FROM hosts) AS regions,
             (SELECT count(DISTINCT status) FROM hosts) AS host_statuses,
             (SELECT count(DISTINCT status) FROM environments) AS env_statuses,
             (SELECT count(*) FROM port_mappings WHERE service_type = 'rdp'
                AND status = 'active') AS rdp,
             (SELECT count(DISTINCT role) FROM workspace_members) AS roles,
             (SELECT count(*) FROM alert_rules WHERE customer_id IS NULL) AS platform_rules,
             (SELECT count(*) FROM gpus WHERE name = 'NVIDIA A100-SXM4-80GB'
                AND (memory_total <> 81920::bigint * 1048576 OR cuda_cores <> 6912
                     OR compute_capability <> '8.0' OR power_limit <> 400)) AS bad_a100""",
    )
    shape = dict(rows[0])
    assert shape["regions"] >= 4
    assert shape["host_statuses"] == 3
    assert shape["env_statuses"] == 5
    assert shape["rdp"] > 0
    assert shape["roles"] == 4
    assert shape["platform_rules"] > 0
    assert shape["bad_a100"] == 0


# (expected check, statements that break exactly that rule)
BREAKAGES: dict[str, tuple[str, ...]] = {
    "hosts:used-counters": (
        "UPDATE hosts SET used_gpu = used_gpu + 1 WHERE id = (SELECT min(id) FROM hosts)",
    ),
    "workspaces:member-count": (
        """DELETE FROM workspace_members WHERE id = (SELECT max(id) FROM workspace_members
           WHERE status = 'active' AND role <> 'owner')""",
    ),
    "ports:unique-active": (
        # The partial unique index would refuse it; the checker must not depend on it.
        "DROP INDEX uq_port_mappings_active_external_port",
        """UPDATE port_mappings SET external_port = (SELECT external_port FROM port_mappings
               WHERE status = 'active' AND service_type = 'ssh' ORDER BY id LIMIT 1)
           WHERE id = (SELECT id FROM port_mappings WHERE status = 'active'
               AND service_type = 'ssh' ORDER BY id OFFSET 1 LIMIT 1)""",
    ),
    "ports:in-range": (
        """UPDATE port_mappings SET external_port = 61000 WHERE id =
           (SELECT min(id) FROM port_mappings WHERE status = 'active')""",
    ),
    "ports:environment-columns": (
        """UPDATE environments SET jupyter_port = jupyter_port + 5000 WHERE id =
           (SELECT min(id) FROM environments WHERE status = 'running')""",
    ),
    "ports:released-when-deleted": (
        """UPDATE port_mappings SET status = 'active', external_port = 39999 WHERE id =
           (SELECT min(id) FROM port_mappings WHERE status = 'released'
            AND service_type = 'ssh')""",
    ),
    "gpus:allocated-to-live-environment": (
        """UPDATE environments SET status = 'stopped' WHERE id =
           (SELECT min(allocated_to) FROM gpus WHERE status = 'allocated')""",
    ),
    "environments:gpu-count": (
        """UPDATE gpus SET status = 'available', allocated_to = NULL, allocated_at = NULL
           WHERE id = (SELECT min(id) FROM gpus WHERE status = 'allocated')""",
    ),
    "ref:environments.host_id": (
        """UPDATE environments SET host_id = 'host-missing-0001' WHERE id =
           (SELECT min(id) FROM environments WHERE status = 'stopped')""",
    ),
    "ref:inference_services.model_version": (
        "UPDATE inference_services SET model_version = 'v9.9'"
        " WHERE id = (SELECT min(id) FROM inference_services WHERE model_id IS NOT NULL)",
    ),
    "ref:comments.resource": (
        "DELETE FROM issues WHERE id IN (SELECT resource_id FROM comments"
        " WHERE resource_type = 'issue')",
    ),
    "ref:artifacts.source": ("UPDATE artifacts SET customer_id = customer_id + 1 WHERE id = 1",),
    "ref:gpu_metrics.host": (
        "UPDATE gpu_metrics SET host_id = (SELECT max(id) FROM hosts) WHERE id = "
        "(SELECT min(m.id) FROM gpu_metrics m JOIN gpus g ON g.id = m.gpu_id"
        " WHERE g.host_id <> (SELECT max(id) FROM hosts))",
    ),
    "quota:one-per-customer": ("DELETE FROM resource_quotas WHERE user_id = 2",),
    "quota:live-environments": (
        """UPDATE resource_quotas SET cpu_quota = 0 WHERE user_id =
           (SELECT min(user_id) FROM environments WHERE status = 'running')""",
    ),
    "workspaces:one-owner": (
        """UPDATE workspace_members SET role = 'owner' WHERE id = (SELECT min(id)
           FROM workspace_members WHERE role = 'admin')""",
    ),
    "storage:dataset-sizes": ("UPDATE dataset_versions SET size = size + 1 WHERE id = 1",),
    "storage:model-sizes": ("UPDATE models SET total_size = total_size + 1 WHERE id = 1",),
    "mounts:duplicate-path": (
        """INSERT INTO dataset_usage (env_id, dataset_id, mount_path)
           SELECT env_id, dataset_id, mount_path FROM dataset_usage
           WHERE unmounted_at IS NULL ORDER BY id LIMIT 1""",
    ),
    "mounts:open-in-deleted-environment": (
        """UPDATE environments SET status = 'deleted' WHERE id = (SELECT min(u.env_id)
           FROM dataset_usage u JOIN environments e ON e.id = u.env_id
           WHERE u.unmounted_at IS NULL AND e.status = 'stopped')""",
    ),
    "billing:invoice-total": ("UPDATE invoices SET total_amount = total_amount + 1 WHERE id = 1",),
    "billing:amount": ("UPDATE billing_records SET amount = amount * 2 + 1 WHERE id = 1",),
    "numbering:issues": ("UPDATE issues SET issue_no = issue_no || '0' WHERE id = 1",),
    "alerts:one-firing": (
        "DROP INDEX uq_alert_records_firing",
        """INSERT INTO alert_records (rule_id, resource_type, resource_id, metric_type,
               current_value, threshold, severity, status)
           SELECT rule_id, resource_type, resource_id, metric_type, current_value, threshold,
               severity, 'firing' FROM alert_records WHERE status = 'firing' LIMIT 1""",
    ),
    "customers:soft-delete": ("UPDATE customers SET deleted_at = NULL WHERE status = 'deleted'",),
}


@pytest.mark.parametrize("expected", sorted(BREAKAGES))
async def test_checker_reports_broken_rule(seeded_once: str, expected: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_once))
    try:
        transaction = conn.transaction()
        await transaction.start()
        try:
            assert await find_violations_on(conn) == []
            for statement in BREAKAGES[expected]:
                await conn.execute(statement)
            problems = await find_violations_on(conn)
        finally:
            await transaction.rollback()
    finally:
        await conn.close()
    assert any(problem.startswith(f"[{expected}]") for problem in problems), problems
