"""Every mutation, aimed at another tenant's objects, answers NOT_FOUND and changes nothing.

Generated from the schema: each mutation's input is filled with references to objects owned
by another customer (found by name: `id`, `environmentId`, `datasetId`, ...), every other
required field with a plausible value, and sent by a fresh customer who shares nothing with
that tenant. A new mutation is covered the day it appears; one whose references this test
cannot resolve fails until the mapping below learns the new name.
"""

from __future__ import annotations

import re
from typing import Any

import asyncpg
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

from remotegpu.api import schema
from remotegpu.db.urls import asyncpg_dsn
from tests.graphql import GraphQLRunner, customer_viewer

# The victim's object of each kind; `{victim}` is the victim customer id.
VICTIM_OBJECTS: dict[str, str] = {
    "customer": "SELECT id::text FROM customers WHERE id = {victim}",
    "environment": "SELECT id FROM environments WHERE status <> 'deleted' ORDER BY id LIMIT 1",
    "port_mapping": "SELECT m.id::text FROM port_mappings m JOIN environments e ON e.id = m.env_id"
    " WHERE m.status = 'active' ORDER BY m.id LIMIT 1",
    "dataset": "SELECT id::text FROM datasets WHERE visibility = 'private' ORDER BY id LIMIT 1",
    "dataset_version": "SELECT v.id::text FROM dataset_versions v JOIN datasets d"
    " ON d.id = v.dataset_id WHERE d.visibility = 'private'"
    " ORDER BY v.id LIMIT 1",
    "model": "SELECT id::text FROM models WHERE visibility = 'private' ORDER BY id LIMIT 1",
    "workspace": "SELECT id::text FROM workspaces WHERE type <> 'personal' ORDER BY id LIMIT 1",
    "workspace_member": "SELECT m.id::text FROM workspace_members m JOIN workspaces w"
    " ON w.id = m.workspace_id WHERE m.role <> 'owner' ORDER BY m.id LIMIT 1",
    "mount": "SELECT u.id::text FROM dataset_usage u JOIN environments e ON e.id = u.env_id"
    " WHERE u.unmounted_at IS NULL ORDER BY u.id LIMIT 1",
    "artifact": "SELECT id::text FROM artifacts WHERE true ORDER BY id LIMIT 1",
    "training_job": "SELECT id FROM training_jobs WHERE true ORDER BY id LIMIT 1",
    "inference_service": "SELECT id FROM inference_services WHERE true ORDER BY id LIMIT 1",
    "issue": "SELECT id::text FROM issues WHERE true ORDER BY id LIMIT 1",
    "issue_no": "SELECT issue_no FROM issues WHERE true ORDER BY id LIMIT 1",
    "requirement": "SELECT id::text FROM requirements WHERE true ORDER BY id LIMIT 1",
    "requirement_no": "SELECT requirement_no FROM requirements WHERE true ORDER BY id LIMIT 1",
    "comment": "SELECT id::text FROM comments WHERE true ORDER BY id LIMIT 1",
    "alert_rule": "SELECT id::text FROM alert_rules WHERE customer_id IS NOT NULL"
    " ORDER BY id LIMIT 1",
    "alert_record": "SELECT id::text FROM alert_records WHERE customer_id IS NOT NULL"
    " ORDER BY status, id LIMIT 1",
    "webhook": "SELECT id::text FROM webhooks WHERE true ORDER BY id LIMIT 1",
    "webhook_log": "SELECT id::text FROM webhook_logs WHERE true ORDER BY id LIMIT 1",
    "invoice": "SELECT id::text FROM invoices WHERE customer_id = {victim} ORDER BY id LIMIT 1",
    "notification": "SELECT id::text FROM notifications WHERE is_read = false ORDER BY id LIMIT 1",
    "host": "SELECT h.id FROM hosts h WHERE NOT EXISTS (SELECT 1 FROM environments e"
    " WHERE e.host_id = h.id AND e.user_id = {attacker}) ORDER BY h.id LIMIT 1",
    "gpu": "SELECT g.id::text FROM gpus g WHERE g.status = 'available' ORDER BY g.id LIMIT 1",
    "image": "SELECT id::text FROM images ORDER BY id LIMIT 1",
    "api_token": "SELECT id::text FROM api_tokens WHERE true ORDER BY id LIMIT 1",
}

# Mutation noun (the longest prefix of the mutation name) -> kind of its `id` / `ids` field.
NOUNS: dict[str, str] = {
    "customer": "customer",
    "passwordChange": "customer",
    "resourceQuota": "customer",
    "workspaceMember": "workspace",
    "workspace": "workspace",
    "host": "host",
    "gpu": "gpu",
    "environment": "environment",
    "portMapping": "port_mapping",
    "datasetVersion": "dataset",
    "datasetMount": "environment",
    "datasetUnmount": "mount",
    "dataset": "dataset",
    "modelVersion": "model",
    "model": "model",
    "image": "image",
    "artifact": "artifact",
    "trainingJob": "training_job",
    "inferenceService": "inference_service",
    "issue": "issue",
    "requirement": "requirement",
    "comment": "comment",
    "alertRule": "alert_rule",
    "alertRecord": "alert_record",
    "webhook": "webhook",
    "notification": "notification",
    "apiToken": "api_token",
    "invoice": "invoice",
}

# Reference fields by name -> kind.
REFERENCE_FIELDS: dict[str, str] = {
    "environmentId": "environment",
    "envId": "environment",
    "datasetId": "dataset",
    "modelId": "model",
    "workspaceId": "workspace",
    "ownerId": "customer",
    "customerId": "customer",
    "memberId": "workspace_member",
    "newOwnerId": "customer",
    "hostId": "host",
    "gpuId": "gpu",
    "mountId": "mount",
    "issueId": "issue",
    "requirementId": "requirement",
    "issueNo": "issue_no",
    "requirementNo": "requirement_no",
    "subjectId": "issue",
    "ruleId": "alert_rule",
    "webhookId": "webhook",
    "logId": "webhook_log",
    "commentId": "comment",
    "imageId": "image",
    "artifactId": "artifact",
    "trainingJobId": "training_job",
    "inferenceServiceId": "inference_service",
    "sourceId": "training_job",
    "assigneeId": "customer",
}

# Plausible values for required non-reference fields, by name, then by type.
VALUES_BY_NAME: dict[str, Any] = {
    "name": "tenancy-probe",
    "title": "tenancy probe",
    "content": "tenancy probe",
    "mountPath": "/data/tenancy-probe",
    "storagePath": "s3://bucket/tenancy-probe",
    "url": "https://93.184.216.34/hook",
    "email": "tenancy-probe@example.com",
    "password": "a-long-enough-password-123",
    "currentPassword": "a-long-enough-password-123",
    "newPassword": "another-long-password-456",
    "version": "v9.9",
    "image": "remotegpu/pytorch:2.4-cuda12.4",
    "internalPort": 8080,
    "replicas": 1,
    "cpu": 1,
    "memory": str(1 << 30),
    "value": "1",
    "key": "tenancy_probe",
    "login": "nobody",
    "role": None,  # enum: first value
}

# References that only an admin may use at all (agent tokens bind a host): a customer is
# refused before any look-up, which the auth tests cover.
# `ownerId` (acting for another customer) is admin-only on every create.
ADMIN_ONLY_REFERENCES = {("apiTokenCreate", "hostId")}
ADMIN_ONLY_FIELDS = {"ownerId"}

IGNORED_TABLES = {"audit_logs", "schema_migrations", "refresh_tokens"}


def _unwrap(t: Any) -> tuple[Any, bool, bool]:
    required = isinstance(t, GraphQLNonNull)
    if required:
        t = t.of_type
    is_list = isinstance(t, GraphQLList)
    if is_list:
        t = t.of_type
        if isinstance(t, GraphQLNonNull):
            t = t.of_type
    return t, required, is_list


def _noun_kind(mutation: str) -> str | None:
    for noun in sorted(NOUNS, key=len, reverse=True):
        if mutation.startswith(noun):
            return NOUNS[noun]
    return None


def _placeholder(name: str, t: Any) -> Any:
    if name in VALUES_BY_NAME and VALUES_BY_NAME[name] is not None:
        return VALUES_BY_NAME[name]
    if isinstance(t, GraphQLEnumType):
        return next(iter(t.values))
    if isinstance(t, GraphQLInputObjectType):
        return {}
    assert isinstance(t, GraphQLScalarType), t
    return {
        "String": "tenancy-probe",
        "ID": "1",
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "BigInt": "1073741824",
        "Decimal": "1.0",
        "JSON": {},
        "DateTime": "2030-01-01T00:00:00Z",
    }.get(t.name, "x")


def _build_input(
    mutation: str, input_type: GraphQLInputObjectType, objects: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The input and the reference kinds it carries."""
    values: dict[str, Any] = {}
    kinds: list[str] = []
    for name, field in input_type.fields.items():
        t, required, is_list = _unwrap(field.type)
        kind = None
        creates = re.search(r"(Create|Register)$", mutation) is not None
        if name in ("id", "ids", "rowId") and not creates:  # a create's `id` names the new object
            kind = _noun_kind(mutation)
        elif (
            name in REFERENCE_FIELDS
            and name not in ADMIN_ONLY_FIELDS
            and (mutation, name) not in ADMIN_ONLY_REFERENCES
        ):
            kind = REFERENCE_FIELDS[name]
        if name in ("issueNo", "requirementNo") and "id" in values:
            continue  # either the id or the number names a ticket, not both
        if kind is not None and objects.get(kind) is not None:
            ref: Any = objects[kind]
            if isinstance(t, GraphQLScalarType) and t.name == "Int":
                ref = int(str(ref))
            values[name] = [ref] if is_list else ref
            kinds.append(kind)
        elif required:
            if name == "subjectType":
                values[name] = "ISSUE"
                continue
            if is_list and isinstance(t, GraphQLInputObjectType):
                values[name] = []
                continue
            value = _placeholder(name, t)
            values[name] = [value] if is_list else value
    return values, kinds


async def _fingerprint(conn: asyncpg.Connection) -> dict[str, str]:
    tables = [
        r["tablename"]
        for r in await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        if r["tablename"] not in IGNORED_TABLES
    ]
    out = {}
    for table in sorted(tables):
        rows = await conn.fetchval(
            f"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t"
        )
        out[table] = rows or ""
    return out


def _mutations() -> list[tuple[str, GraphQLInputObjectType]]:
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None
    found = []
    for name, field in sorted(mutation_type.fields.items()):
        arg = field.args.get("input")
        if arg is None:
            continue
        input_type, _, _ = _unwrap(arg.type)
        found.append((name, input_type))
    return found


# Objects that do not exist, in every kind: the baseline a foreign object must look like.
MISSING: dict[str, Any] = {kind: "987654321" for kind in VICTIM_OBJECTS} | {
    "environment": "env-missing0000",
    "training_job": "job-missing0000",
    "inference_service": "svc-missing0000",
    "host": "host-missing-0000",
    "issue_no": "ISSUE-1999-9999",
    "requirement_no": "REQ-1999-9999",
}

# Mutations that reference no existing object (or only the viewer itself): nothing of another
# tenant can be named.
CREATES_WITHOUT_REFERENCES = {"login", "tokenRefresh", "logout", "passwordChange"}


async def test_every_mutation_of_another_tenants_object_is_not_found(
    gql: GraphQLRunner, seeded_url: str
) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        victim = await conn.fetchval(
            "SELECT c.id FROM customers c WHERE c.user_type = 'external' AND c.status = 'active'"
            " AND EXISTS (SELECT 1 FROM environments e WHERE e.user_id = c.id"
            " AND e.status <> 'deleted') ORDER BY c.id LIMIT 1"
        )
        attacker = await conn.fetchval(
            "INSERT INTO customers (username, email, password_hash, user_type)"
            " VALUES ('tenancy-attacker', 'attacker@example.com', 'x', 'external') RETURNING id"
        )
        await conn.execute(
            "INSERT INTO resource_quotas (user_id, cpu_quota, memory_quota, gpu_quota,"
            " environment_quota) VALUES ($1, 64, 262144, 8, 10)",
            attacker,
        )
        await conn.execute(
            "INSERT INTO api_tokens (customer_id, name, prefix, token_hash, scopes)"
            " VALUES ($1, 'victim token', 'abcdefgh', repeat('0', 64), '{read}')",
            victim,
        )
        objects: dict[str, str | None] = {}
        for kind, sql in VICTIM_OBJECTS.items():
            objects[kind] = await conn.fetchval(sql.format(victim=victim, attacker=attacker))
        objects["customer_username"] = await conn.fetchval(
            "SELECT username FROM customers WHERE id = $1", victim
        )
        viewer = customer_viewer(attacker, "external", "tenancy-attacker")
        unresolved: list[str] = []
        wrong: list[str] = []
        checked = 0
        for mutation, input_type in _mutations():
            values, kinds = _build_input(mutation, input_type, objects)
            if not kinds:
                if mutation not in CREATES_WITHOUT_REFERENCES and not re.search(
                    r"Create$|Register$|MarkAllRead$|Set$", mutation
                ):
                    unresolved.append(mutation)
                continue
            before = await _fingerprint(conn)
            document = (
                f"mutation($input: {input_type.name}!) "
                f"{{ {mutation}(input: $input) {{ errors {{ code field message }} }} }}"
            )
            result = await gql(document, {"input": values}, viewer=viewer)
            assert "errors" not in result, (mutation, values, result)
            codes = {e["code"] for e in result["data"][mutation]["errors"]}
            errors = result["data"][mutation]["errors"]
            if codes != {"NOT_FOUND"}:
                # Admin-only mutations refuse a customer before any look-up: acceptable only if
                # the answer is word for word the one a missing object gets (nothing leaks).
                missing_values, _ = _build_input(mutation, input_type, MISSING)
                missing = await gql(document, {"input": missing_values}, viewer=viewer)
                same = missing.get("data") and missing["data"][mutation]["errors"] == errors
                if not (codes == {"FORBIDDEN"} and same):
                    wrong.append(f"{mutation} {values} -> {errors}")
            if await _fingerprint(conn) != before:
                wrong.append(f"{mutation} changed data")
            checked += 1
        assert wrong == [], "\n".join(wrong)
        assert unresolved == [], f"teach this test the references of: {unresolved}"
        assert checked >= 60  # of the 84 mutations, all but the creates name objects
    finally:
        await conn.close()


@pytest.mark.parametrize("mutation", ["environmentStart", "datasetUpdate", "workspaceUpdate"])
def test_known_mutations_are_in_the_schema(mutation: str) -> None:
    assert mutation in dict(_mutations())


async def test_fingerprint_sees_a_one_row_change(seeded_url: str) -> None:
    """The 'nothing changed' check above can fail: one updated row changes the fingerprint."""
    conn = await asyncpg.connect(asyncpg_dsn(seeded_url))
    try:
        before = await _fingerprint(conn)
        await conn.execute(
            "UPDATE datasets SET description = 'changed' WHERE id = (SELECT min(id) FROM datasets)"
        )
        after = await _fingerprint(conn)
    finally:
        await conn.close()
    assert [t for t in before if before[t] != after[t]] == ["datasets"]
