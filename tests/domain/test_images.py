"""The image rules (domain-rules.md, "Images") through the GraphQL mutations.

Each test runs on its own copy of the seeded small fleet and checks the payload, the rows
afterwards, the audit row, and that the invariant checker stays silent.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import assert_consistent, only_audit
from tests.support.documents import mutation_document
from tests.support.results import only_error, payload

IMAGE_FIELDS = """
image {
  rowId name displayName description category framework frameworkVersion cudaVersion
  pythonVersion isOfficial size registryUrl status
}
errors { field code message }
"""
CREATE = f"""
mutation C($input: ImageCreateInput!) {{ imageCreate(input: $input) {{ {IMAGE_FIELDS} }} }}
"""
UPDATE = f"""
mutation U($input: ImageUpdateInput!) {{ imageUpdate(input: $input) {{ {IMAGE_FIELDS} }} }}
"""
DEPRECATE = f"""
mutation D($input: ImageDeprecateInput!) {{ imageDeprecate(input: $input) {{ {IMAGE_FIELDS} }} }}
"""
DELETE = mutation_document("imageDelete", "deletedImageId")
IMAGES = "{ images(first: 100) { nodes { rowId } } }"

NEW_IMAGE: dict[str, Any] = {
    "name": "registry.example.com/ml/pytorch:2.5-cuda12.6",
    "displayName": "PyTorch 2.5 (CUDA 12.6)",
    "description": "Fresh build",
    "category": "pytorch",
    "framework": "pytorch",
    "frameworkVersion": "2.5.1",
    "cudaVersion": "12.6",
    "pythonVersion": "3.12",
    "isOfficial": True,
    "size": str(10 * 1024**3),
    "registryUrl": "registry.example.com/ml/pytorch:2.5-cuda12.6",
}


@pytest.fixture
async def conn(gql: GraphQLRunner) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(asyncpg_dsn(gql.url))
    yield connection
    await connection.close()


@pytest.fixture
async def admin(conn: asyncpg.Connection) -> Viewer:
    admin_id = await conn.fetchval(
        "SELECT min(id) FROM customers WHERE user_type = 'admin' AND status = 'active'"
    )
    return admin_viewer(admin_id)


@pytest.fixture
async def customer(conn: asyncpg.Connection) -> Viewer:
    customer_id = await conn.fetchval(
        "SELECT min(id) FROM customers WHERE user_type = 'external' AND status = 'active'"
    )
    return customer_viewer(customer_id)


@pytest.fixture
async def staff(conn: asyncpg.Connection) -> Viewer:
    """Internal users are staff for tickets and workloads, not image admins."""
    staff_id = await conn.fetchval(
        "SELECT min(id) FROM customers WHERE user_type = 'internal' AND status = 'active'"
    )
    return customer_viewer(staff_id, "internal")


async def images_table(conn: asyncpg.Connection) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in await conn.fetch("SELECT * FROM images ORDER BY id")]


async def create_image(gql: GraphQLRunner, admin: Viewer, **overrides: Any) -> dict[str, Any]:
    data = payload(await gql(CREATE, {"input": {**NEW_IMAGE, **overrides}}, admin), "imageCreate")
    assert data["errors"] == []
    image: dict[str, Any] = data["image"]
    return image


# --- imageCreate ------------------------------------------------------------------------------


async def test_image_create_by_admin_adds_active_image(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    image = await create_image(gql, admin)

    expected = {**NEW_IMAGE, "status": "ACTIVE"}
    assert {k: image[k] for k in expected} == expected
    row = await conn.fetchrow("SELECT * FROM images WHERE id = $1", image["rowId"])
    assert row["name"] == NEW_IMAGE["name"]
    assert row["status"] == "active"
    assert row["size"] == 10 * 1024**3
    assert row["is_official"] is True
    audit = await only_audit(conn, "image.create")
    assert tuple(audit) == (admin.customer_id, "image", str(image["rowId"]), 200, None)
    await assert_consistent(conn)


async def test_image_create_minimal_defaults_blank_to_null(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    data = payload(
        await gql(CREATE, {"input": {"name": "  ubuntu:24.04  ", "category": "  "}}, admin),
        "imageCreate",
    )
    assert data["errors"] == []
    assert data["image"]["name"] == "ubuntu:24.04"
    assert data["image"]["category"] is None
    assert data["image"]["isOfficial"] is False
    row = await conn.fetchrow("SELECT name, category FROM images WHERE name = 'ubuntu:24.04'")
    assert tuple(row) == ("ubuntu:24.04", None)


@pytest.mark.parametrize(
    "viewer_kind", ["customer", "staff", "agent", "anonymous"], ids=lambda v: str(v)
)
async def test_image_create_by_non_admin_refused_nothing_written(
    gql: GraphQLRunner,
    conn: asyncpg.Connection,
    admin: Viewer,
    customer: Viewer,
    staff: Viewer,
    viewer_kind: str,
) -> None:
    viewer = {
        "customer": customer,
        "staff": staff,
        "agent": agent_viewer(admin.customer_id or 0, "host-any"),
        "anonymous": ANONYMOUS,
    }[viewer_kind]
    before = await images_table(conn)

    data = payload(await gql(CREATE, {"input": NEW_IMAGE}, viewer), "imageCreate")

    expected_code = "UNAUTHENTICATED" if viewer_kind == "anonymous" else "FORBIDDEN"
    assert data["image"] is None
    assert only_error(data)["code"] == expected_code
    assert await images_table(conn) == before
    audit = await only_audit(conn, "image.create")
    assert audit["status_code"] == (401 if viewer_kind == "anonymous" else 403)
    assert audit["customer_id"] == viewer.customer_id
    await assert_consistent(conn)


async def test_image_create_taken_name_conflict(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    taken = await conn.fetchval("SELECT name FROM images ORDER BY id LIMIT 1")
    before = await images_table(conn)

    data = payload(await gql(CREATE, {"input": {**NEW_IMAGE, "name": taken}}, admin), "imageCreate")

    assert data["image"] is None
    error = only_error(data)
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "name"])
    assert await images_table(conn) == before
    audit = await only_audit(conn, "image.create")
    assert (audit["status_code"], audit["resource_id"]) == (409, None)
    assert audit["error_message"].startswith("CONFLICT")


@pytest.mark.parametrize(
    "name",
    [
        "remotegpu/pytorch",  # no tag: not pinned
        "Remotegpu/PyTorch:1",  # upper-case repository
        "remotegpu//pytorch:1",
        "remotegpu/pytorch:",
        "remotegpu/pytorch:bad tag",
        "https://registry.example.com/a:1",
        "",
        "a/" * 128 + "b:1",  # longer than the column
    ],
)
async def test_image_create_bad_reference_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer, name: str
) -> None:
    before = await images_table(conn)

    data = payload(await gql(CREATE, {"input": {**NEW_IMAGE, "name": name}}, admin), "imageCreate")

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", "name"])
    assert await images_table(conn) == before
    assert (await only_audit(conn, "image.create"))["status_code"] == 422


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("size", "-1"),
        # Past int64 is the BigInt scalar's refusal, before any SQL:
        # tests/api/test_input_validation.py::test_image_create_bigint_size_not_int64_...
        ("cudaVersion", "1" * 33),
        ("displayName", "x" * 257),
        ("registryUrl", "registry.example.com/a b"),
    ],
)
async def test_image_create_bad_field_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer, field: str, value: str
) -> None:
    before = await images_table(conn)

    data = payload(await gql(CREATE, {"input": {**NEW_IMAGE, field: value}}, admin), "imageCreate")

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", field])
    assert await images_table(conn) == before


# --- imageUpdate ------------------------------------------------------------------------------


async def test_image_update_changes_given_fields_only(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    image = await create_image(gql, admin)
    update = {"id": image["rowId"], "displayName": "Renamed", "description": None, "size": "5"}

    data = payload(await gql(UPDATE, {"input": update}, admin), "imageUpdate")

    assert data["errors"] == []
    expected = {
        **image,
        "displayName": "Renamed",
        "description": None,
        "size": "5",
    }
    assert data["image"] == expected
    row = await conn.fetchrow("SELECT * FROM images WHERE id = $1", image["rowId"])
    assert (row["display_name"], row["description"], row["size"]) == ("Renamed", None, 5)
    assert (row["name"], row["cuda_version"]) == (NEW_IMAGE["name"], NEW_IMAGE["cudaVersion"])
    assert row["updated_at"] >= row["created_at"]
    audit = await only_audit(conn, "image.update")
    assert tuple(audit) == (admin.customer_id, "image", str(image["rowId"]), 200, None)
    await assert_consistent(conn)


async def test_image_update_missing_image_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    data = payload(
        await gql(UPDATE, {"input": {"id": 999_999, "category": "x"}}, admin), "imageUpdate"
    )

    error = only_error(data)
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", "id"])
    audit = await only_audit(conn, "image.update")
    assert (audit["status_code"], audit["resource_id"]) == (404, "999999")


async def test_image_update_by_customer_forbidden_unchanged(
    gql: GraphQLRunner, conn: asyncpg.Connection, customer: Viewer
) -> None:
    before = await images_table(conn)

    data = payload(
        await gql(UPDATE, {"input": {"id": 1, "category": "x"}}, customer), "imageUpdate"
    )

    assert only_error(data)["code"] == "FORBIDDEN"
    assert await images_table(conn) == before
    assert (await only_audit(conn, "image.update"))["status_code"] == 403


@pytest.mark.parametrize(("field", "value"), [("isOfficial", None), ("framework", "y" * 65)])
async def test_image_update_bad_value_invalid_input(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer, field: str, value: Any
) -> None:
    before = await images_table(conn)

    data = payload(await gql(UPDATE, {"input": {"id": 1, field: value}}, admin), "imageUpdate")

    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_INPUT", ["input", field])
    assert await images_table(conn) == before


# --- imageDeprecate ---------------------------------------------------------------------------


async def test_image_deprecate_active_image_hidden_from_customers(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer, customer: Viewer
) -> None:
    image_id = await conn.fetchval("SELECT min(id) FROM images WHERE status = 'active'")
    live_before = await conn.fetchval(
        "SELECT count(*) FROM environments e JOIN images i ON i.name = e.image"
        " WHERE i.id = $1 AND e.status IN ('creating', 'running')",
        image_id,
    )

    data = payload(await gql(DEPRECATE, {"input": {"id": image_id}}, admin), "imageDeprecate")

    assert data["errors"] == []
    assert (data["image"]["rowId"], data["image"]["status"]) == (image_id, "DEPRECATED")
    assert await conn.fetchval("SELECT status FROM images WHERE id = $1", image_id) == "deprecated"
    # environments already started from it keep running
    assert live_before == await conn.fetchval(
        "SELECT count(*) FROM environments e JOIN images i ON i.name = e.image"
        " WHERE i.id = $1 AND e.status IN ('creating', 'running')",
        image_id,
    )
    seen = await gql.ok(IMAGES, viewer=customer)
    assert image_id not in {n["rowId"] for n in seen["images"]["nodes"]}
    audit = await only_audit(conn, "image.deprecate")
    assert tuple(audit) == (admin.customer_id, "image", str(image_id), 200, None)
    await assert_consistent(conn)


async def test_image_deprecate_deprecated_image_invalid_transition(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    image_id = await conn.fetchval("SELECT min(id) FROM images WHERE status = 'deprecated'")
    before = await images_table(conn)

    data = payload(await gql(DEPRECATE, {"input": {"id": image_id}}, admin), "imageDeprecate")

    assert data["image"] is None
    error = only_error(data)
    assert (error["code"], error["field"]) == ("INVALID_TRANSITION", ["input", "id"])
    assert await images_table(conn) == before
    assert (await only_audit(conn, "image.deprecate"))["status_code"] == 409


async def test_image_deprecate_by_customer_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, customer: Viewer
) -> None:
    before = await images_table(conn)

    data = payload(await gql(DEPRECATE, {"input": {"id": 1}}, customer), "imageDeprecate")

    assert only_error(data)["code"] == "FORBIDDEN"
    assert await images_table(conn) == before


# --- imageDelete ------------------------------------------------------------------------------


async def test_image_delete_unused_image_removes_row(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    image = await create_image(gql, admin)

    data = payload(await gql(DELETE, {"input": {"id": image["rowId"]}}, admin), "imageDelete")

    assert data == {"deletedImageId": image["rowId"], "errors": []}
    assert await conn.fetchval("SELECT count(*) FROM images WHERE id = $1", image["rowId"]) == 0
    audit = await only_audit(conn, "image.delete")
    assert tuple(audit) == (admin.customer_id, "image", str(image["rowId"]), 200, None)
    await assert_consistent(conn)


async def test_image_delete_image_of_live_environments_in_use(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    image_id = await conn.fetchval(
        "SELECT min(i.id) FROM images i JOIN environments e ON e.image = i.name"
        " WHERE e.status <> 'deleted'"
    )
    before = await images_table(conn)

    data = payload(await gql(DELETE, {"input": {"id": image_id}}, admin), "imageDelete")

    assert data["deletedImageId"] is None
    error = only_error(data)
    assert (error["code"], error["field"]) == ("IN_USE", ["input", "id"])
    assert await images_table(conn) == before
    audit = await only_audit(conn, "image.delete")
    assert (audit["status_code"], audit["resource_id"]) == (409, str(image_id))
    await assert_consistent(conn)


async def test_image_delete_image_of_deleted_environments_only_in_use(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    """Deleted environments stay for billing and must keep naming an existing image."""
    image_id = await conn.fetchval(
        "SELECT min(i.id) FROM images i WHERE EXISTS (SELECT 1 FROM environments e"
        " WHERE e.image = i.name) AND NOT EXISTS (SELECT 1 FROM environments e"
        " WHERE e.image = i.name AND e.status <> 'deleted')"
    )
    assert image_id is not None

    data = payload(await gql(DELETE, {"input": {"id": image_id}}, admin), "imageDelete")

    error = only_error(data)
    assert error["code"] == "IN_USE"
    assert "deleted environment" in error["message"]
    assert await conn.fetchval("SELECT count(*) FROM images WHERE id = $1", image_id) == 1
    await assert_consistent(conn)


async def test_image_delete_by_customer_forbidden(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer, customer: Viewer
) -> None:
    image = await create_image(gql, admin)

    data = payload(await gql(DELETE, {"input": {"id": image["rowId"]}}, customer), "imageDelete")

    assert data["deletedImageId"] is None
    assert only_error(data)["code"] == "FORBIDDEN"
    assert await conn.fetchval("SELECT count(*) FROM images WHERE id = $1", image["rowId"]) == 1
    assert (await only_audit(conn, "image.delete"))["status_code"] == 403


async def test_image_delete_missing_image_not_found(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    before = await images_table(conn)

    data = payload(await gql(DELETE, {"input": {"id": 999_999}}, admin), "imageDelete")

    assert only_error(data)["code"] == "NOT_FOUND"
    assert await images_table(conn) == before


async def test_image_create_concurrent_same_name_one_wins_other_conflict(
    gql: GraphQLRunner, conn: asyncpg.Connection, admin: Viewer
) -> None:
    results = await asyncio.gather(
        *(gql(CREATE, {"input": {**NEW_IMAGE, "displayName": f"try {i}"}}, admin) for i in (1, 2))
    )

    codes = sorted(
        (e["code"] for r in results for e in payload(r, "imageCreate")["errors"]), key=str
    )
    assert codes == ["CONFLICT"]
    assert (
        await conn.fetchval("SELECT count(*) FROM images WHERE name = $1", NEW_IMAGE["name"]) == 1
    )
    await assert_consistent(conn)
