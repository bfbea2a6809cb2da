"""datasetMount and datasetUnmount over GraphQL on a small world built in SQL (see
tests/support/storage_world.py): payload, dataset_usage rows, audit row, invariants."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.support.db import assert_consistent, audit_rows
from tests.support.documents import mutation_document
from tests.support.storage_world import (
    DATASET_DELETE,
    World,
    add_dataset,
    add_environment,
    assert_error,
    make_world,
)

MOUNT_FIELDS = "rowId envId datasetId mountPath readonly open unmountedAt"

DATASET_MOUNT = mutation_document("datasetMount", f"mount {{ {MOUNT_FIELDS} }}")

DATASET_UNMOUNT = mutation_document("datasetUnmount", f"mount {{ {MOUNT_FIELDS} }}")


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


async def mounts(w: World) -> list[dict[str, Any]]:
    rows = await w.conn.fetch(
        "SELECT id, env_id, dataset_id, mount_path, readonly, unmounted_at FROM dataset_usage"
        " ORDER BY id"
    )
    return [dict(r) for r in rows]


async def mount(w: World, actor: int, env: str, dataset: int, path: str, **more: Any) -> Any:
    return await w.run(
        DATASET_MOUNT,
        "datasetMount",
        actor,
        environmentId=env,
        datasetId=dataset,
        mountPath=path,
        **more,
    )


# --- datasetMount -------------------------------------------------------------------------


async def test_dataset_mount_by_env_owner_mounts_normalised_path(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice)
    payload = await mount(w, w.alice, env, dataset, "/data//train/./")
    assert payload["errors"] == []
    assert payload["mount"]["envId"] == env
    assert payload["mount"]["datasetId"] == dataset
    assert payload["mount"]["mountPath"] == "/data/train"
    assert (payload["mount"]["readonly"], payload["mount"]["open"]) == (True, True)
    [row] = await mounts(w)
    assert (row["env_id"], row["dataset_id"], row["mount_path"]) == (env, dataset, "/data/train")
    assert (row["readonly"], row["unmounted_at"]) == (True, None)
    await w.assert_audited("dataset.mount", w.alice, 200, str(row["id"]))
    await assert_consistent(w.conn)


async def test_dataset_mount_read_write_and_shared_datasets_succeed(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice, workspace_id=w.team)
    public = await add_dataset(w.conn, w.eve, visibility="public")
    shared = await add_dataset(w.conn, w.carol, workspace_id=w.team, visibility="workspace")
    first = await mount(w, w.alice, env, public, "/mnt/public", readonly=False)
    second = await mount(w, w.alice, env, shared, "/mnt/shared")
    assert (first["errors"], second["errors"]) == ([], [])
    assert first["mount"]["readonly"] is False
    rows = await mounts(w)
    assert [(r["dataset_id"], r["mount_path"], r["readonly"]) for r in rows] == [
        (public, "/mnt/public", False),
        (shared, "/mnt/shared", True),
    ]
    await assert_consistent(w.conn)


async def test_dataset_mount_by_workspace_admin_into_member_env_succeeds(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice, workspace_id=w.team)
    dataset = await add_dataset(w.conn, w.alice, workspace_id=w.team, visibility="workspace")
    payload = await mount(w, w.bob, env, dataset, "/data")
    assert payload["errors"] == []
    [row] = await mounts(w)
    assert (row["env_id"], row["dataset_id"]) == (env, dataset)
    await w.assert_audited("dataset.mount", w.bob, 200, str(row["id"]))
    await assert_consistent(w.conn)


async def test_dataset_mount_into_admin_owned_env_of_other_private_dataset_succeeds(
    w: World,
) -> None:
    # The environment's owner is a platform admin: it reads every dataset, eve's private too.
    env = await add_environment(w.conn, w.host, w.admin)
    dataset = await add_dataset(w.conn, w.eve)
    payload = await mount(w, w.admin, env, dataset, "/data")
    assert payload["errors"] == []
    [row] = await mounts(w)
    assert (row["env_id"], row["dataset_id"]) == (env, dataset)
    await w.assert_audited("dataset.mount", w.admin, 200, str(row["id"]))
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    ("actor", "owner", "visibility"),
    [("admin", "eve", "private"), ("bob", "bob", "private"), ("alice", "eve", "workspace")],
    ids=["admin-mounts-private-of-other", "ws-admin-mounts-own-private", "foreign-workspace"],
)
async def test_dataset_mount_dataset_unreadable_by_env_owner_not_found(
    w: World, actor: str, owner: str, visibility: str
) -> None:
    env = await add_environment(w.conn, w.host, w.alice, workspace_id=w.team)
    foreign = None
    if visibility == "workspace":  # eve's own workspace: alice is no member
        foreign = await w.conn.fetchval(
            "INSERT INTO workspaces (owner_id, name, member_count) VALUES ($1, 'eve', 1)"
            " RETURNING id",
            w.eve,
        )
        await w.conn.execute(
            "INSERT INTO workspace_members (workspace_id, customer_id, role)"
            " VALUES ($1, $2, 'owner')",
            foreign,
            w.eve,
        )
    dataset = await add_dataset(
        w.conn, getattr(w, owner), workspace_id=foreign, visibility=visibility
    )
    payload = await mount(w, getattr(w, actor), env, dataset, "/data")
    assert_error(payload, "NOT_FOUND", ["input", "datasetId"])
    assert payload["mount"] is None
    assert await mounts(w) == []
    await w.assert_audited("dataset.mount", getattr(w, actor), 404)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(("actor", "code"), [("carol", "FORBIDDEN"), ("eve", "NOT_FOUND")])
async def test_dataset_mount_by_viewer_not_acting_on_env_refused(
    w: World, actor: str, code: str
) -> None:
    env = await add_environment(w.conn, w.host, w.alice, workspace_id=w.team)
    dataset = await add_dataset(w.conn, w.alice, visibility="public")
    payload = await mount(w, getattr(w, actor), env, dataset, "/data")
    assert_error(payload, code, ["input", "environmentId"])
    assert await mounts(w) == []
    await w.assert_audited("dataset.mount", getattr(w, actor), 403 if code == "FORBIDDEN" else 404)


async def test_dataset_mount_missing_environment_not_found(w: World) -> None:
    dataset = await add_dataset(w.conn, w.alice)
    payload = await mount(w, w.admin, "env-missing", dataset, "/data")
    assert_error(payload, "NOT_FOUND", ["input", "environmentId"])
    assert await mounts(w) == []


@pytest.mark.parametrize("status", ["uploading", "error"])
async def test_dataset_mount_dataset_not_ready_invalid(w: World, status: str) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice, status=status)
    payload = await mount(w, w.alice, env, dataset, "/data")
    assert_error(payload, "INVALID_INPUT", ["input", "datasetId"])
    assert "not ready" in payload["errors"][0]["message"]
    assert await mounts(w) == []
    await w.assert_audited("dataset.mount", w.alice, 422)


async def test_dataset_mount_into_deleted_environment_invalid(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice, status="deleted")
    dataset = await add_dataset(w.conn, w.alice)
    payload = await mount(w, w.alice, env, dataset, "/data")
    assert_error(payload, "INVALID_INPUT", ["input", "environmentId"])
    assert await mounts(w) == []
    await w.assert_audited("dataset.mount", w.alice, 422)
    await assert_consistent(w.conn)


@pytest.mark.parametrize(
    "path",
    [
        "data",
        "./data",
        "",
        "/",
        "//",
        "/etc",
        "/etc/ssl",
        "/usr/local/lib",
        "/proc/1",
        "/root/",
        "/sys",
        "/bin",
        "/boot",
        "/dev/nvidia0",
        "/sbin",
        "/data/../etc",
        "/data/..",
        # A NUL byte never reaches the domain: the request is refused before validation
        # (tests/api/test_input_validation.py::test_query_text_nul_or_surrogate_refused_...).
        "/" + "d" * 512,
    ],
)
async def test_dataset_mount_bad_path_invalid(w: World, path: str) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice)
    payload = await mount(w, w.alice, env, dataset, path)
    assert_error(payload, "INVALID_INPUT", ["input", "mountPath"])
    assert await mounts(w) == []
    await w.assert_audited("dataset.mount", w.alice, 422)


@pytest.mark.parametrize(
    ("path", "stored"),
    [("/usrdata", "/usrdata"), ("/home/me/etc", "/home/me/etc"), ("/mnt/./x/", "/mnt/x"),
     ("/data/..v1", "/data/..v1")],
)  # fmt: skip
async def test_dataset_mount_path_near_system_directory_accepted(
    w: World, path: str, stored: str
) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice)
    payload = await mount(w, w.alice, env, dataset, path)
    assert payload["errors"] == []
    assert payload["mount"]["mountPath"] == stored
    [row] = await mounts(w)
    assert row["mount_path"] == stored


async def test_dataset_mount_same_path_twice_conflict_until_unmounted(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    first = await add_dataset(w.conn, w.alice)
    second = await add_dataset(w.conn, w.alice)
    assert (await mount(w, w.alice, env, first, "/data"))["errors"] == []
    payload = await mount(w, w.alice, env, second, "/data/")  # the same path once normalised
    assert_error(payload, "CONFLICT", ["input", "mountPath"])
    assert len(await mounts(w)) == 1
    rows = await audit_rows(w.conn, "dataset.mount")
    assert [r["status_code"] for r in rows] == [200, 409]
    # Another environment may use the path; so may this one once the first mount is closed.
    other_env = await add_environment(w.conn, w.host, w.alice)
    assert (await mount(w, w.alice, other_env, second, "/data"))["errors"] == []
    await w.conn.execute(
        "UPDATE dataset_usage SET unmounted_at = NOW() WHERE dataset_id = $1", first
    )
    assert (await mount(w, w.alice, env, second, "/data"))["errors"] == []
    assert await w.count("dataset_usage") == 3
    await assert_consistent(w.conn)


async def test_dataset_mount_concurrent_same_path_one_wins(w: World) -> None:
    """Mounts into one environment serialise on its row lock: one of several concurrent
    mounts at one path succeeds, the others see it and get CONFLICT."""
    env = await add_environment(w.conn, w.host, w.alice)
    datasets = [await add_dataset(w.conn, w.alice) for _ in range(6)]
    payloads = await asyncio.gather(*(mount(w, w.alice, env, d, "/data") for d in datasets))
    outcomes = sorted(e["code"] for p in payloads for e in p["errors"])
    assert outcomes == ["CONFLICT"] * 5
    assert len([p for p in payloads if p["mount"] is not None]) == 1
    assert len(await mounts(w)) == 1
    await assert_consistent(w.conn)


async def test_dataset_mount_racing_delete_never_leaves_a_dangling_mount(w: World) -> None:
    """The mount share-locks the dataset and the delete locks it for update: either the mount
    commits first and the delete sees it (IN_USE), or the delete wins and the mount finds no
    dataset (NOT_FOUND). Never both succeed."""
    for _ in range(5):
        env = await add_environment(w.conn, w.host, w.alice)
        dataset = await add_dataset(w.conn, w.alice)
        mounted, deleted = await asyncio.gather(
            mount(w, w.alice, env, dataset, "/data"),
            w.run(DATASET_DELETE, "datasetDelete", w.alice, datasetId=dataset),
        )
        outcome = (
            [e["code"] for e in mounted["errors"]],
            [e["code"] for e in deleted["errors"]],
        )
        assert outcome in ((["NOT_FOUND"], []), ([], ["IN_USE"])), outcome
    await assert_consistent(w.conn)


# --- datasetUnmount -----------------------------------------------------------------------


async def test_dataset_unmount_by_owner_closes_mount(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice)
    mount_id = (await mount(w, w.alice, env, dataset, "/data"))["mount"]["rowId"]
    payload = await w.run(DATASET_UNMOUNT, "datasetUnmount", w.alice, mountId=mount_id)
    assert payload["errors"] == []
    assert payload["mount"]["rowId"] == mount_id
    assert payload["mount"]["open"] is False
    assert payload["mount"]["unmountedAt"] is not None
    [row] = await mounts(w)
    assert row["unmounted_at"] is not None
    await w.assert_audited("dataset.unmount", w.alice, 200, str(mount_id))
    await assert_consistent(w.conn)


async def test_dataset_unmount_twice_invalid_transition(w: World) -> None:
    env = await add_environment(w.conn, w.host, w.alice)
    dataset = await add_dataset(w.conn, w.alice)
    mount_id = (await mount(w, w.alice, env, dataset, "/data"))["mount"]["rowId"]
    await w.run(DATASET_UNMOUNT, "datasetUnmount", w.alice, mountId=mount_id)
    [before] = await mounts(w)
    payload = await w.run(DATASET_UNMOUNT, "datasetUnmount", w.alice, mountId=mount_id)
    assert_error(payload, "INVALID_TRANSITION", ["input", "mountId"])
    assert await mounts(w) == [before]
    rows = await audit_rows(w.conn, "dataset.unmount")
    assert [r["status_code"] for r in rows] == [200, 409]


@pytest.mark.parametrize(
    ("actor", "code"), [("carol", "FORBIDDEN"), ("eve", "NOT_FOUND"), ("bob", None)]
)
async def test_dataset_unmount_by_others(w: World, actor: str, code: str | None) -> None:
    env = await add_environment(w.conn, w.host, w.alice, workspace_id=w.team)
    dataset = await add_dataset(w.conn, w.alice)
    mount_id = (await mount(w, w.alice, env, dataset, "/data"))["mount"]["rowId"]
    payload = await w.run(DATASET_UNMOUNT, "datasetUnmount", getattr(w, actor), mountId=mount_id)
    [row] = await mounts(w)
    if code is None:  # bob administers the workspace
        assert payload["errors"] == []
        assert row["unmounted_at"] is not None
        await w.assert_audited("dataset.unmount", w.bob, 200)
    else:
        assert_error(payload, code, ["input", "mountId"])
        assert row["unmounted_at"] is None
        await w.assert_audited(
            "dataset.unmount", getattr(w, actor), 403 if code == "FORBIDDEN" else 404
        )


async def test_dataset_unmount_missing_mount_not_found(w: World) -> None:
    payload = await w.run(DATASET_UNMOUNT, "datasetUnmount", w.admin, mountId=99999)
    assert_error(payload, "NOT_FOUND", ["input", "mountId"])
    await w.assert_audited("dataset.unmount", w.admin, 404, "99999")
