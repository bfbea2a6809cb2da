"""The fleet rules (domain-rules.md, "Hosts and GPUs") through the GraphQL mutations.

Each test runs on a fresh migrated database with its rows made by SQL, and checks the
payload, the rows afterwards, the audit row, and that the invariant checker stays silent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.db.engine import create_engine, create_session_factory, transaction
from remotegpu.domain import hosts
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.host_inputs import GpuChanges
from remotegpu.domain.invariants import find_violations_on
from remotegpu.settings import Settings
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import audit_rows
from tests.support.documents import mutation_documents
from tests.support.results import only_error

HOST_FIELDS = """
host {
  rowId name status healthStatus totalCpu totalMemory totalDisk totalGpu usedCpu
  ipAddress publicIp hostname osType deploymentMode k8sNodeName labels tags
  sshPort winrmPort agentPort lastHeartbeat
  gpus(first: 10) { nodes { gpuIndex uuid name status healthStatus memoryTotal } }
}
errors { field code message }
"""
REGISTER = (
    f"mutation R($input: HostRegisterInput!) {{ hostRegister(input: $input) {{ {HOST_FIELDS} }} }}"
)
UPDATE = f"mutation U($input: HostUpdateInput!) {{ hostUpdate(input: $input) {{ {HOST_FIELDS} }} }}"
ENTER, EXIT, DELETE, GPU_UPDATE, HEARTBEAT = mutation_documents(
    """
    hostMaintenanceEnter: host { rowId status }
    hostMaintenanceExit: host { rowId status }
    hostDelete: deletedHostId
    gpuUpdate: gpu { rowId status healthStatus powerLimit temperatureLimit }
    hostHeartbeat: host { rowId status healthStatus lastHeartbeat ipAddress }
    """
)

GIB = 1024**3


@pytest.fixture
async def people(db: asyncpg.Connection) -> dict[str, Viewer]:
    """An admin, a customer with an environment on host-a, and a stranger to every host."""
    ids = {}
    for name, user_type in (("root", "admin"), ("alice", "external"), ("bob", "external")):
        ids[name] = await db.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type)"
            " VALUES ($1::text, $1::text || '@example.com', 'x', $2) RETURNING id",
            name,
            user_type,
        )
        await db.execute(
            "INSERT INTO resource_quotas (user_id, cpu_quota, memory_quota, gpu_quota,"
            " environment_quota) VALUES ($1, 64, 262144, 8, 10)",
            ids[name],
        )
    await db.execute("INSERT INTO images (name) VALUES ('pytorch:2')")
    return {
        "admin": admin_viewer(ids["root"]),
        "alice": customer_viewer(ids["alice"]),
        "bob": customer_viewer(ids["bob"]),
        "agent": agent_viewer(ids["root"], "host-a"),
        "other_agent": agent_viewer(ids["root"], "host-b"),
        "admin_read_only": Viewer(
            customer_id=ids["root"],
            username="root",
            user_type="admin",
            scopes=frozenset({Scope.READ}),
        ),
    }


async def add_host(
    db: asyncpg.Connection,
    host_id: str,
    *,
    status: str = "online",
    gpus: int = 2,
    heartbeat: datetime | None = None,
) -> list[int]:
    await db.execute(
        "INSERT INTO hosts (id, name, ip_address, os_type, deployment_mode, status,"
        " health_status, total_cpu, total_memory, total_disk, total_gpu, last_heartbeat)"
        " VALUES ($1, $1, '10.0.0.1', 'linux', 'traditional', $2, 'healthy', 16, $3, $3, $4, $5)",
        host_id,
        status,
        64 * GIB,
        gpus,
        heartbeat,
    )
    return [
        await db.fetchval(
            "INSERT INTO gpus (host_id, gpu_index, uuid, name) VALUES ($1, $2, $3, 'A100')"
            " RETURNING id",
            host_id,
            index,
            f"GPU-{host_id}-{index}",
        )
        for index in range(gpus)
    ]


async def add_environment(
    db: asyncpg.Connection, env_id: str, viewer: Viewer, host_id: str, status: str
) -> None:
    """An environment; a running one holds 4 CPUs, 8 GiB, 10 GiB disk, one GPU and ports."""
    running = status == "running"
    await db.execute(
        "INSERT INTO environments (id, user_id, host_id, name, image, status, cpu, memory, gpu,"
        " storage) VALUES ($1, $2, $3, $1, 'pytorch:2', $4, 4, $5, $6, $7)",
        env_id,
        viewer.customer_id,
        host_id,
        status,
        8 * GIB,
        1 if running else 0,
        10 * GIB,
    )
    if not running:
        return
    number = await db.fetchval("SELECT count(*) FROM port_mappings")
    ssh, jupyter = 30000 + number, 50001 + number
    await db.execute(
        "INSERT INTO port_mappings (env_id, service_type, external_port, internal_port)"
        " VALUES ($1, 'ssh', $2, 22), ($1, 'jupyter', $3, 8888)",
        env_id,
        ssh,
        jupyter,
    )
    await db.execute(
        "UPDATE environments SET ssh_port = $2, jupyter_port = $3 WHERE id = $1",
        env_id,
        ssh,
        jupyter,
    )
    await db.execute(
        "UPDATE gpus SET status = 'allocated', allocated_to = $1, allocated_at = NOW()"
        " WHERE id = (SELECT min(id) FROM gpus WHERE host_id = $2 AND status = 'available')",
        env_id,
        host_id,
    )
    await db.execute(
        "UPDATE hosts SET used_cpu = used_cpu + 4, used_memory = used_memory + $2,"
        " used_disk = used_disk + $3, used_gpu = used_gpu + 1 WHERE id = $1",
        host_id,
        8 * GIB,
        10 * GIB,
    )


async def host_row(db: asyncpg.Connection, host_id: str) -> dict[str, Any] | None:
    row = await db.fetchrow("SELECT * FROM hosts WHERE id = $1", host_id)
    return None if row is None else dict(row)


def register_input(**overrides: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "id": "host-new-01",
        "name": "New host",
        "hostname": "new01.example.internal",
        "ipAddress": "10.1.2.3",
        "publicIp": "2001:db8::1",
        "osType": "LINUX",
        "osVersion": "Ubuntu 22.04",
        "deploymentMode": "TRADITIONAL",
        "totalCpu": 32,
        "totalMemory": str(128 * GIB),
        "totalDisk": str(2048 * GIB),
        "labels": {"region": "cn-east-1", "rack": "r1"},
        "tags": ["a100", "fast"],
        "gpus": [
            {"index": 0, "uuid": "GPU-new-0", "name": "A100", "memoryTotal": str(80 * GIB)},
            {"index": 1, "uuid": "GPU-new-1", "name": "A100", "memoryTotal": str(80 * GIB)},
        ],
    }
    value.update(overrides)
    return value


# --- hostRegister -----------------------------------------------------------------------------


async def test_host_register_by_admin_inserts_offline_host_and_available_gpus(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    data = await run.ok(REGISTER, {"input": register_input()}, people["admin"])
    payload = data["hostRegister"]
    assert payload["errors"] == []
    host = payload["host"]
    assert host["rowId"] == "host-new-01"
    assert (host["status"], host["healthStatus"]) == ("OFFLINE", "UNKNOWN")
    assert (host["totalGpu"], host["usedCpu"], host["totalMemory"]) == (2, 0, str(128 * GIB))
    assert host["labels"] == {"region": "cn-east-1", "rack": "r1"}
    assert host["publicIp"] == "2001:db8::1"
    assert [g["uuid"] for g in host["gpus"]["nodes"]] == ["GPU-new-0", "GPU-new-1"]
    assert {(g["status"], g["healthStatus"]) for g in host["gpus"]["nodes"]} == {
        ("AVAILABLE", "HEALTHY")
    }
    row = await host_row(db, "host-new-01")
    assert row is not None
    assert (row["status"], row["total_gpu"], row["used_gpu"], row["tags"]) == (
        "offline",
        2,
        0,
        ["a100", "fast"],
    )
    assert await db.fetchval("SELECT count(*) FROM gpus WHERE host_id = 'host-new-01'") == 2
    assert await audit_rows(db, "host.register") == [
        {
            "customer_id": people["admin"].customer_id,
            "resource_type": "host",
            "resource_id": "host-new-01",
            "status_code": 200,
            "error_message": None,
        }
    ]
    assert await find_violations_on(db) == []


async def test_host_register_kubernetes_with_node_name_succeeds(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    value = register_input(deploymentMode="KUBERNETES", k8sNodeName="node-7", gpus=[])
    payload = (await run.ok(REGISTER, {"input": value}, people["admin"]))["hostRegister"]
    assert payload["errors"] == []
    assert (payload["host"]["k8sNodeName"], payload["host"]["totalGpu"]) == ("node-7", 0)
    assert await find_violations_on(db) == []


async def test_host_register_existing_id_conflict(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-new-01", gpus=1)
    payload = (await run.ok(REGISTER, {"input": register_input()}, people["admin"]))["hostRegister"]
    assert payload["host"] is None
    error = only_error(payload)
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "id"])
    assert await db.fetchval("SELECT count(*) FROM gpus") == 1
    assert (await host_row(db, "host-new-01") or {})["name"] == "host-new-01"
    [entry] = await audit_rows(db, "host.register")
    assert (entry["status_code"], entry["resource_id"]) == (409, "host-new-01")
    assert entry["error_message"].startswith("CONFLICT")
    assert await find_violations_on(db) == []


async def test_host_register_gpu_uuid_taken_conflict_and_nothing_written(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a", gpus=1)
    await db.execute("UPDATE gpus SET uuid = 'GPU-new-1'")
    payload = (await run.ok(REGISTER, {"input": register_input()}, people["admin"]))["hostRegister"]
    error = only_error(payload)
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "gpus", "1", "uuid"])
    assert await host_row(db, "host-new-01") is None
    assert await db.fetchval("SELECT count(*) FROM gpus") == 1
    assert [e["status_code"] for e in await audit_rows(db, "host.register")] == [409]
    assert await find_violations_on(db) == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"id": "Host_01"}, ["input", "id"]),
        ({"id": "ab"}, ["input", "id"]),
        ({"name": "  "}, ["input", "name"]),
        ({"name": "n" * 129}, ["input", "name"]),
        ({"ipAddress": "10.0.0.300"}, ["input", "ipAddress"]),
        ({"publicIp": "example.com"}, ["input", "publicIp"]),
        ({"totalCpu": 0}, ["input", "totalCpu"]),
        ({"totalMemory": "0"}, ["input", "totalMemory"]),
        ({"sshPort": 70000}, ["input", "sshPort"]),
        ({"deploymentMode": "KUBERNETES"}, ["input", "k8sNodeName"]),
        ({"labels": ["not", "an", "object"]}, ["input", "labels"]),
        ({"labels": {"region": 7}}, ["input", "labels"]),
        ({"tags": ["ok", ""]}, ["input", "tags", "1"]),
        (
            {"gpus": [{"index": 0, "uuid": "GPU-x"}, {"index": 0, "uuid": "GPU-y"}]},
            ["input", "gpus", "1", "index"],
        ),
        (
            {"gpus": [{"index": 0, "uuid": "GPU-x"}, {"index": 1, "uuid": "GPU-x"}]},
            ["input", "gpus", "1", "uuid"],
        ),
        ({"gpus": [{"index": -1, "uuid": "GPU-x"}]}, ["input", "gpus", "0", "index"]),
    ],
)
async def test_host_register_invalid_input_rejected(
    run: GraphQLRunner,
    db: asyncpg.Connection,
    people: dict[str, Viewer],
    overrides: dict[str, Any],
    field: list[str],
) -> None:
    payload = (await run.ok(REGISTER, {"input": register_input(**overrides)}, people["admin"]))[
        "hostRegister"
    ]
    error = only_error(payload)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", field)
    assert await db.fetchval("SELECT count(*) FROM hosts") == 0
    assert await db.fetchval("SELECT count(*) FROM gpus") == 0
    assert [e["status_code"] for e in await audit_rows(db, "host.register")] == [422]


@pytest.mark.parametrize("who", ["alice", "agent"])
async def test_host_register_by_non_admin_forbidden(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], who: str
) -> None:
    payload = (await run.ok(REGISTER, {"input": register_input()}, people[who]))["hostRegister"]
    assert only_error(payload)["code"] == "FORBIDDEN"
    assert await db.fetchval("SELECT count(*) FROM hosts") == 0
    assert [e["status_code"] for e in await audit_rows(db, "host.register")] == [403]


# --- who may manage a host --------------------------------------------------------------------

ADMIN_MUTATIONS = [
    (UPDATE, "hostUpdate", "host.update", {"name": "renamed"}),
    (ENTER, "hostMaintenanceEnter", "host.maintenance_enter", {}),
    (EXIT, "hostMaintenanceExit", "host.maintenance_exit", {}),
    (DELETE, "hostDelete", "host.delete", {}),
]


@pytest.mark.parametrize(("document", "name", "action", "extra"), ADMIN_MUTATIONS)
@pytest.mark.parametrize(
    ("who", "host_id", "code"),
    [
        ("bob", "host-a", "NOT_FOUND"),  # no environment there: cannot see the host
        ("alice", "host-a", "FORBIDDEN"),  # her environment runs there: sees it
        ("alice", "host-b", "NOT_FOUND"),
        ("admin", "host-zz", "NOT_FOUND"),
        ("agent", "host-a", "FORBIDDEN"),  # agent tokens have no write scope
    ],
)
async def test_host_admin_mutation_by_non_admin_refused_and_nothing_changed(
    run: GraphQLRunner,
    db: asyncpg.Connection,
    people: dict[str, Viewer],
    document: str,
    name: str,
    action: str,
    extra: dict[str, Any],
    who: str,
    host_id: str,
    code: str,
) -> None:
    await add_host(
        db, "host-a", status="maintenance" if name == "hostMaintenanceExit" else "online"
    )
    await add_host(db, "host-b", gpus=0)
    await add_environment(db, "env-alice", people["alice"], "host-a", "running")
    before = await db.fetch("SELECT * FROM hosts ORDER BY id")
    payload = (await run.ok(document, {"input": {"hostId": host_id, **extra}}, people[who]))[name]
    error = only_error(payload)
    assert error["code"] == code
    assert await db.fetch("SELECT * FROM hosts ORDER BY id") == before
    [entry] = await audit_rows(db, action)
    assert (entry["resource_id"], entry["customer_id"]) == (host_id, people[who].customer_id)
    assert entry["status_code"] in (403, 404)
    assert await find_violations_on(db) == []


# --- hostUpdate -------------------------------------------------------------------------------


async def test_host_update_by_admin_changes_fields_and_totals_down_to_usage(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a")
    await add_environment(db, "env-alice", people["alice"], "host-a", "running")
    changes = {
        "hostId": "host-a",
        "name": "Renamed",
        "ipAddress": "fd00::5",
        "labels": {"region": "eu-west-1"},
        "tags": ["x"],
        "sshPort": 2222,
        "totalCpu": 4,  # exactly what the running environment uses
        "totalMemory": str(8 * GIB),
    }
    payload = (await run.ok(UPDATE, {"input": changes}, people["admin"]))["hostUpdate"]
    assert payload["errors"] == []
    host = payload["host"]
    assert (host["name"], host["ipAddress"], host["sshPort"], host["totalCpu"]) == (
        "Renamed",
        "fd00::5",
        2222,
        4,
    )
    row = await host_row(db, "host-a")
    assert row is not None
    assert (row["total_memory"], row["tags"], row["used_cpu"]) == (8 * GIB, ["x"], 4)
    assert row["labels"] == '{"region": "eu-west-1"}'
    assert row["total_disk"] == 64 * GIB  # not given: unchanged
    assert [e["status_code"] for e in await audit_rows(db, "host.update")] == [200]
    assert await find_violations_on(db) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"totalCpu": 3}, "totalCpu"),
        ({"totalMemory": str(8 * GIB - 1)}, "totalMemory"),
        ({"totalDisk": str(GIB)}, "totalDisk"),
        ({"ipAddress": "999.1.1.1"}, "ipAddress"),
        ({"labels": "flat"}, "labels"),
    ],
)
async def test_host_update_below_usage_or_bad_value_invalid_input(
    run: GraphQLRunner,
    db: asyncpg.Connection,
    people: dict[str, Viewer],
    changes: dict[str, Any],
    field: str,
) -> None:
    await add_host(db, "host-a")
    await add_environment(db, "env-alice", people["alice"], "host-a", "running")
    before = await host_row(db, "host-a")
    payload = (await run.ok(UPDATE, {"input": {"hostId": "host-a", **changes}}, people["admin"]))[
        "hostUpdate"
    ]
    error = only_error(payload)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", field])
    assert payload["host"] is None
    assert await host_row(db, "host-a") == before
    assert [e["status_code"] for e in await audit_rows(db, "host.update")] == [422]
    assert await find_violations_on(db) == []


# --- maintenance ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["online", "offline"])
async def test_host_maintenance_enter_keeps_running_environments(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], status: str
) -> None:
    await add_host(db, "host-a", status=status)
    await add_environment(db, "env-alice", people["alice"], "host-a", "running")
    payload = (await run.ok(ENTER, {"input": {"hostId": "host-a"}}, people["admin"]))[
        "hostMaintenanceEnter"
    ]
    assert payload == {"host": {"rowId": "host-a", "status": "MAINTENANCE"}, "errors": []}
    assert (await host_row(db, "host-a") or {})["status"] == "maintenance"
    assert await db.fetchval("SELECT status FROM environments") == "running"
    assert [e["status_code"] for e in await audit_rows(db, "host.maintenance_enter")] == [200]
    assert await find_violations_on(db) == []


async def test_host_maintenance_enter_twice_invalid_transition(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a", status="maintenance")
    payload = (await run.ok(ENTER, {"input": {"hostId": "host-a"}}, people["admin"]))[
        "hostMaintenanceEnter"
    ]
    assert only_error(payload)["code"] == "INVALID_TRANSITION"
    assert (await host_row(db, "host-a") or {})["status"] == "maintenance"
    assert [e["status_code"] for e in await audit_rows(db, "host.maintenance_enter")] == [409]


async def test_host_maintenance_exit_goes_offline(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a", status="maintenance")
    payload = (await run.ok(EXIT, {"input": {"hostId": "host-a"}}, people["admin"]))[
        "hostMaintenanceExit"
    ]
    assert payload == {"host": {"rowId": "host-a", "status": "OFFLINE"}, "errors": []}
    assert (await host_row(db, "host-a") or {})["status"] == "offline"
    assert [e["status_code"] for e in await audit_rows(db, "host.maintenance_exit")] == [200]
    assert await find_violations_on(db) == []


@pytest.mark.parametrize("status", ["online", "offline"])
async def test_host_maintenance_exit_not_in_maintenance_invalid_transition(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], status: str
) -> None:
    await add_host(db, "host-a", status=status)
    payload = (await run.ok(EXIT, {"input": {"hostId": "host-a"}}, people["admin"]))[
        "hostMaintenanceExit"
    ]
    assert only_error(payload)["code"] == "INVALID_TRANSITION"
    assert (await host_row(db, "host-a") or {})["status"] == status
    assert [e["status_code"] for e in await audit_rows(db, "host.maintenance_exit")] == [409]


# --- hostDelete -------------------------------------------------------------------------------


async def test_host_delete_removes_gpus_samples_and_revokes_agent_tokens(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    [gpu_id] = await add_host(db, "host-a", gpus=1)
    await add_host(db, "host-b", gpus=1)
    await db.execute("INSERT INTO host_metrics (host_id) VALUES ('host-a'), ('host-b')")
    await db.execute("INSERT INTO gpu_metrics (gpu_id, host_id) VALUES ($1, 'host-a')", gpu_id)
    await db.execute(
        "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes, host_id)"
        " VALUES ($1, 'agent', 'abcd', repeat('a', 64), '{agent}', 'host-a')",
        people["admin"].customer_id,
    )
    payload = (await run.ok(DELETE, {"input": {"hostId": "host-a"}}, people["admin"]))["hostDelete"]
    assert payload == {"deletedHostId": "host-a", "errors": []}
    assert await host_row(db, "host-a") is None
    assert await db.fetchval("SELECT array_agg(host_id) FROM gpus") == ["host-b"]
    assert await db.fetchval("SELECT array_agg(host_id) FROM host_metrics") == ["host-b"]
    assert await db.fetchval("SELECT count(*) FROM gpu_metrics") == 0
    assert await db.fetchval("SELECT revoked_at IS NOT NULL FROM api_tokens") is True
    assert [e["status_code"] for e in await audit_rows(db, "host.delete")] == [200]
    assert await find_violations_on(db) == []


async def test_host_delete_with_only_deleted_environments_succeeds(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a", gpus=0)
    await add_environment(db, "env-old", people["alice"], "host-a", "deleted")
    payload = (await run.ok(DELETE, {"input": {"hostId": "host-a"}}, people["admin"]))["hostDelete"]
    assert payload == {"deletedHostId": "host-a", "errors": []}
    assert await host_row(db, "host-a") is None
    # The deleted environment stays for billing and still names the host: history, not a
    # broken reference.
    assert await find_violations_on(db) == []


@pytest.mark.parametrize("status", ["creating", "running", "stopped", "error", "deleting"])
async def test_host_delete_with_environment_not_deleted_in_use(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], status: str
) -> None:
    await add_host(db, "host-a")
    await add_environment(db, "env-alice", people["alice"], "host-a", status)
    payload = (await run.ok(DELETE, {"input": {"hostId": "host-a"}}, people["admin"]))["hostDelete"]
    error = only_error(payload)
    assert (error["code"], error["field"]) == ("IN_USE", ["input", "hostId"])
    assert payload["deletedHostId"] is None
    assert await host_row(db, "host-a") is not None
    assert await db.fetchval("SELECT count(*) FROM gpus WHERE host_id = 'host-a'") == 2
    assert [e["status_code"] for e in await audit_rows(db, "host.delete")] == [409]


# --- gpuUpdate --------------------------------------------------------------------------------


async def test_gpu_update_by_admin_sets_status_health_and_limits(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    gpu_id, _ = await add_host(db, "host-a")
    changes = {"id": gpu_id, "status": "MAINTENANCE", "healthStatus": "DEGRADED"}
    changes |= {"powerLimit": 300, "temperatureLimit": 85}
    payload = (await run.ok(GPU_UPDATE, {"input": changes}, people["admin"]))["gpuUpdate"]
    assert payload["errors"] == []
    assert payload["gpu"] == {
        "rowId": gpu_id,
        "status": "MAINTENANCE",
        "healthStatus": "DEGRADED",
        "powerLimit": 300,
        "temperatureLimit": 85,
    }
    row = await db.fetchrow("SELECT * FROM gpus WHERE id = $1", gpu_id)
    assert (row["status"], row["health_status"], row["power_limit"]) == (
        "maintenance",
        "degraded",
        300,
    )
    back = {"id": gpu_id, "status": "AVAILABLE"}
    assert (await run.ok(GPU_UPDATE, {"input": back}, people["admin"]))["gpuUpdate"]["errors"] == []
    assert await db.fetchval("SELECT status FROM gpus WHERE id = $1", gpu_id) == "available"
    assert [e["resource_id"] for e in await audit_rows(db, "gpu.update")] == [str(gpu_id)] * 2
    assert await find_violations_on(db) == []


@pytest.mark.parametrize(
    ("who", "code"), [("admin", "IN_USE"), ("alice", "FORBIDDEN"), ("bob", "NOT_FOUND")]
)
async def test_gpu_update_allocated_gpu_refused(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], who: str, code: str
) -> None:
    gpu_id, _ = await add_host(db, "host-a")
    await add_environment(db, "env-alice", people["alice"], "host-a", "running")
    before = await db.fetch("SELECT * FROM gpus ORDER BY id")
    changes = {"id": gpu_id, "status": "ERROR", "powerLimit": 100}
    payload = (await run.ok(GPU_UPDATE, {"input": changes}, people[who]))["gpuUpdate"]
    error = only_error(payload)
    assert (error["code"], error["field"], payload["gpu"]) == (code, ["input", "id"], None)
    assert await db.fetch("SELECT * FROM gpus ORDER BY id") == before
    assert [e["status_code"] for e in await audit_rows(db, "gpu.update")] == [
        {"IN_USE": 409, "FORBIDDEN": 403, "NOT_FOUND": 404}[code]
    ]
    assert await find_violations_on(db) == []


async def test_gpu_update_missing_gpu_not_found(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    payload = (await run.ok(GPU_UPDATE, {"input": {"id": 999}}, people["admin"]))["gpuUpdate"]
    assert only_error(payload)["code"] == "NOT_FOUND"
    assert [e["status_code"] for e in await audit_rows(db, "gpu.update")] == [404]


async def test_gpu_update_status_allocated_never_accepted(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], migrated_url: str
) -> None:
    gpu_id, _ = await add_host(db, "host-a")
    result = await run(
        GPU_UPDATE, {"input": {"id": gpu_id, "status": "ALLOCATED"}}, people["admin"]
    )
    assert "errors" in result  # not a value of GpuAdminStatus: rejected before any resolver
    engine = create_engine(migrated_url, Settings())
    try:
        with pytest.raises(DomainError) as raised:
            async with transaction(create_session_factory(engine)) as session:
                await hosts.update_gpu(
                    session, people["admin"], gpu_id, GpuChanges(status="allocated")
                )
    finally:
        await engine.dispose()
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "status")
    assert await db.fetchval("SELECT status FROM gpus WHERE id = $1", gpu_id) == "available"


# --- hostHeartbeat ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "after"),
    [("offline", "online"), ("online", "online"), ("maintenance", "maintenance")],
)
async def test_host_heartbeat_by_own_agent_records_time_health_and_status(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer], status: str, after: str
) -> None:
    await add_host(db, "host-a", status=status)
    value = {"hostId": "host-a", "healthStatus": "DEGRADED"}
    payload = (await run.ok(HEARTBEAT, {"input": value}, people["agent"]))["hostHeartbeat"]
    assert payload["errors"] == []
    host = payload["host"]
    assert (host["status"], host["healthStatus"]) == (after.upper(), "DEGRADED")
    assert host["ipAddress"] == "10.0.0.1"  # the host's own agent sees its inventory
    row = await host_row(db, "host-a")
    assert row is not None
    assert (row["status"], row["health_status"]) == (after, "degraded")
    assert datetime.now(UTC) - row["last_heartbeat"] < timedelta(seconds=60)
    # Heartbeats are not audited one by one; the change offline -> online is.
    assert await audit_rows(db, "host.heartbeat") == []
    came_online = await audit_rows(db, "host.online")
    expected = [(200, "host-a")] if status == "offline" else []
    assert [(e["status_code"], e["resource_id"]) for e in came_online] == expected
    assert await find_violations_on(db) == []


async def test_host_heartbeat_by_admin_accepted(
    run: GraphQLRunner, db: asyncpg.Connection, people: dict[str, Viewer]
) -> None:
    await add_host(db, "host-a", status="offline")
    value = {"hostId": "host-a", "healthStatus": "HEALTHY"}
    payload = (await run.ok(HEARTBEAT, {"input": value}, people["admin"]))["hostHeartbeat"]
    assert (payload["errors"], payload["host"]["status"]) == ([], "ONLINE")
    assert (await host_row(db, "host-a") or {})["status"] == "online"


@pytest.mark.parametrize(
    ("who", "host_id", "code"),
    [
        ("other_agent", "host-a", "NOT_FOUND"),  # an agent of another host
        ("agent", "host-zz", "NOT_FOUND"),
        ("admin", "host-zz", "NOT_FOUND"),
        ("bob", "host-a", "NOT_FOUND"),
        ("alice", "host-a", "FORBIDDEN"),
        ("admin_read_only", "host-a", "FORBIDDEN"),
    ],
)
async def test_host_heartbeat_by_others_refused_and_nothing_changed(
    run: GraphQLRunner,
    db: asyncpg.Connection,
    people: dict[str, Viewer],
    who: str,
    host_id: str,
    code: str,
) -> None:
    await add_host(db, "host-a", status="offline")
    await add_host(db, "host-b", status="offline", gpus=0)
    await add_environment(db, "env-alice", people["alice"], "host-a", "deleting")
    before = await db.fetch("SELECT * FROM hosts ORDER BY id")
    value = {"hostId": host_id, "healthStatus": "HEALTHY"}
    payload = (await run.ok(HEARTBEAT, {"input": value}, people[who]))["hostHeartbeat"]
    assert (only_error(payload)["code"], payload["host"]) == (code, None)
    assert await db.fetch("SELECT * FROM hosts ORDER BY id") == before
    [entry] = await audit_rows(db, "host.heartbeat")
    assert entry["status_code"] == {"NOT_FOUND": 404, "FORBIDDEN": 403}[code]


# --- silence: mark_silent_hosts_offline -------------------------------------------------------


async def test_mark_silent_hosts_offline_only_online_hosts_past_silence(
    db: asyncpg.Connection, migrated_url: str
) -> None:
    now = datetime.now(UTC)
    await add_host(db, "silent", heartbeat=now - timedelta(seconds=181), gpus=0)
    await add_host(db, "never", heartbeat=None, gpus=0)
    await add_host(db, "fresh", heartbeat=now - timedelta(seconds=179), gpus=0)
    await add_host(db, "maint", status="maintenance", heartbeat=now - timedelta(hours=1), gpus=0)
    await add_host(db, "down", status="offline", heartbeat=now - timedelta(hours=1), gpus=0)
    engine = create_engine(migrated_url, Settings())
    try:
        async with transaction(create_session_factory(engine)) as session:
            gone = await hosts.mark_silent_hosts_offline(session, now)
    finally:
        await engine.dispose()
    assert gone == ["never", "silent"]
    statuses = dict(await db.fetch("SELECT id, status FROM hosts"))
    assert statuses == {
        "silent": "offline",
        "never": "offline",
        "fresh": "online",
        "maint": "maintenance",
        "down": "offline",
    }
    assert await find_violations_on(db) == []
