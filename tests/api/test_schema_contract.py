"""The schema as a contract: every type and field described, no secret anywhere, every table."""

from __future__ import annotations

import importlib
import pkgutil
import re

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLUnionType

from remotegpu import resolvers
from remotegpu.api import MUTATION_ROOTS, QUERY_ROOTS, schema
from tests.db.expected_schema import EXPECTED_TABLES
from tests.graphql import GraphQLRunner, admin_viewer

SECRET_WORDS = re.compile(r"password_?hash|token_?hash|secret(?!s? ?is)|key_hash", re.IGNORECASE)

TABLE_TYPES = {
    "system_configs": "SystemConfig",
    "customers": "Customer",
    "workspaces": "Workspace",
    "workspace_members": "WorkspaceMember",
    "resource_quotas": "ResourceQuota",
    "hosts": "Host",
    "gpus": "Gpu",
    "environments": "Environment",
    "port_mappings": "PortMapping",
    "datasets": "Dataset",
    "dataset_versions": "DatasetVersion",
    "models": "Model",
    "model_versions": "ModelVersion",
    "images": "Image",
    "host_metrics": "HostMetric",
    "gpu_metrics": "GpuMetric",
    "environment_metrics": "EnvironmentMetric",
    "billing_records": "BillingRecord",
    "invoices": "Invoice",
    "training_jobs": "TrainingJob",
    "inference_services": "InferenceService",
    "notifications": "Notification",
    "audit_logs": "AuditLog",
    "alert_rules": "AlertRule",
    "alert_records": "AlertRecord",
    "webhooks": "Webhook",
    "webhook_logs": "WebhookLog",
    "issues": "Issue",
    "requirements": "Requirement",
    "comments": "Comment",
    "dataset_usage": "DatasetMount",
    "artifacts": "Artifact",
}


def _our_types() -> list[object]:
    graphql_schema = schema._schema
    return [
        t
        for name, t in graphql_schema.type_map.items()
        if not name.startswith("__")
        and name not in {"String", "Int", "Float", "Boolean", "ID", "DateTime", "JSON"}
    ]


def test_every_table_has_a_node_type() -> None:
    assert sorted(TABLE_TYPES) == sorted(EXPECTED_TABLES)
    type_map = schema._schema.type_map
    for table, type_name in TABLE_TYPES.items():
        graphql_type = type_map.get(type_name)
        assert isinstance(graphql_type, GraphQLObjectType), (table, type_name)
        assert "Node" in [i.name for i in graphql_type.interfaces], type_name
        assert {"id", "rowId"} <= set(graphql_type.fields), type_name


def test_every_type_and_field_has_a_description() -> None:
    missing: list[str] = []
    for graphql_type in _our_types():
        name = getattr(graphql_type, "name", "?")
        if not getattr(graphql_type, "description", None) and not isinstance(
            graphql_type, GraphQLUnionType
        ):
            missing.append(name)
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
        if isinstance(graphql_type, GraphQLEnumType) and not graphql_type.description:
            missing.append(name)
    assert missing == []


# A new webhook secret is shown once, in the payload of the mutation that made it; a caller may
# also choose it (input). Nothing else may name a secret or a hash.
SECRET_ALLOWED = {
    ("Mutation", "webhookRotateSecret"),
    ("WebhookCreatePayload", "secret"),
    ("WebhookRotateSecretPayload", "secret"),
    ("WebhookCreateInput", "secret"),
    ("WebhookRotateSecretInput", "secret"),
    ("Webhook", "hasSecret"),
}


def test_schema_exposes_no_secret() -> None:
    leaking = []
    for graphql_type in _our_types():
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType):
            for field_name in graphql_type.fields:
                named = SECRET_WORDS.search(field_name) or "Secret" in field_name
                if named and (graphql_type.name, field_name) not in SECRET_ALLOWED:
                    leaking.append(f"{graphql_type.name}.{field_name}")
    assert leaking == []


ADMIN_SWEEP = """
{ customers(first: 100) { nodes { id rowId username email } }
  webhooks(first: 100) { nodes { id name url hasSecret events } }
  auditLogs(first: 100) { nodes { action errorMessage } } }
"""


async def test_no_response_carries_a_password_hash(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(ADMIN_SWEEP, viewer=admin_viewer())
    text = str(result)
    assert "errors" not in result, result
    assert "$argon2" not in text
    assert result["data"]["customers"]["nodes"]


def test_root_types_every_resolver_root_class_listed_in_api() -> None:
    """api.py lists the root types by hand; a root class left out of its tuples would vanish
    from the schema without an error, so every `*Query` / `*Mutation` strawberry type defined in
    resolvers/ must be in QUERY_ROOTS or MUTATION_ROOTS."""
    defined = set()
    for info in pkgutil.iter_modules(resolvers.__path__):
        module = importlib.import_module(f"{resolvers.__name__}.{info.name}")
        for name, value in vars(module).items():
            if (
                name.endswith(("Query", "Mutation"))
                and isinstance(value, type)
                and value.__module__ == module.__name__
                and hasattr(value, "__strawberry_definition__")
            ):
                defined.add(value)
    listed = set(QUERY_ROOTS) | set(MUTATION_ROOTS)
    assert sorted(t.__name__ for t in defined - listed) == []
    assert len(QUERY_ROOTS) + len(MUTATION_ROOTS) == len(listed)
