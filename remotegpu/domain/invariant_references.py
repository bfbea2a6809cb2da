"""The logical references between tables, checked: the schema has no foreign keys, so every
non-null reference column must still find the row it points to."""

from __future__ import annotations

from remotegpu.domain.invariant_checks import Check


def _reference(table: str, column: str, target: str, target_column: str = "id") -> Check:
    """A logical reference: a non-null `table.column` must match `target.target_column`."""
    return Check(
        f"ref:{table}.{column}",
        f"{table}.{column} points to a missing {target}.{target_column}",
        f"SELECT t.id::text || ' -> ' || t.{column}::text AS ref FROM {table} t"
        f" WHERE t.{column} IS NOT NULL AND NOT EXISTS"
        f" (SELECT 1 FROM {target} p WHERE p.{target_column} = t.{column})"
        + (f" AND NOT ({_HISTORY[(table, column)]})" if (table, column) in _HISTORY else ""),
    )


# History rows that may outlive what they point to: a deleted environment stays for billing
# after its host is decommissioned.
_HISTORY: dict[tuple[str, str], str] = {("environments", "host_id"): "t.status = 'deleted'"}


REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    ("workspaces", "owner_id", "customers", "id"),
    ("workspace_members", "workspace_id", "workspaces", "id"),
    ("workspace_members", "customer_id", "customers", "id"),
    ("resource_quotas", "user_id", "customers", "id"),
    ("gpus", "host_id", "hosts", "id"),
    ("gpus", "allocated_to", "environments", "id"),
    ("environments", "user_id", "customers", "id"),
    ("environments", "host_id", "hosts", "id"),
    ("environments", "image", "images", "name"),
    ("port_mappings", "env_id", "environments", "id"),
    ("datasets", "customer_id", "customers", "id"),
    ("datasets", "workspace_id", "workspaces", "id"),
    ("dataset_versions", "dataset_id", "datasets", "id"),
    ("models", "customer_id", "customers", "id"),
    ("models", "workspace_id", "workspaces", "id"),
    ("model_versions", "model_id", "models", "id"),
    ("host_metrics", "host_id", "hosts", "id"),
    ("gpu_metrics", "gpu_id", "gpus", "id"),
    ("gpu_metrics", "host_id", "hosts", "id"),
    ("environment_metrics", "env_id", "environments", "id"),
    ("billing_records", "customer_id", "customers", "id"),
    ("billing_records", "env_id", "environments", "id"),
    ("invoices", "customer_id", "customers", "id"),
    ("training_jobs", "customer_id", "customers", "id"),
    ("training_jobs", "workspace_id", "workspaces", "id"),
    ("training_jobs", "env_id", "environments", "id"),
    ("training_jobs", "dataset_id", "datasets", "id"),
    ("training_jobs", "model_id", "models", "id"),
    ("inference_services", "customer_id", "customers", "id"),
    ("inference_services", "workspace_id", "workspaces", "id"),
    ("inference_services", "model_id", "models", "id"),
    ("notifications", "customer_id", "customers", "id"),
    ("audit_logs", "customer_id", "customers", "id"),
    ("alert_rules", "customer_id", "customers", "id"),
    ("alert_records", "rule_id", "alert_rules", "id"),
    ("alert_records", "customer_id", "customers", "id"),
    ("webhooks", "customer_id", "customers", "id"),
    ("webhook_logs", "webhook_id", "webhooks", "id"),
    ("issues", "customer_id", "customers", "id"),
    ("issues", "assignee_id", "customers", "id"),
    ("requirements", "customer_id", "customers", "id"),
    ("requirements", "assignee_id", "customers", "id"),
    ("comments", "customer_id", "customers", "id"),
    ("dataset_usage", "env_id", "environments", "id"),
    ("dataset_usage", "dataset_id", "datasets", "id"),
    ("artifacts", "customer_id", "customers", "id"),
    ("artifacts", "workspace_id", "workspaces", "id"),
)


REFERENCE_CHECKS: tuple[Check, ...] = (
    *(_reference(*ref) for ref in REFERENCES),
    Check(
        "ref:inference_services.model_version",
        "inference_services.model_version is not a version of its model",
        """SELECT s.id AS ref FROM inference_services s
           WHERE s.model_version IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM model_versions v
               WHERE v.model_id = s.model_id AND v.version = s.model_version)""",
    ),
    Check(
        "ref:comments.resource",
        "comments point to a missing issue or requirement",
        """SELECT c.id::text || ' -> ' || c.resource_type || ':' || c.resource_id AS ref
           FROM comments c
           WHERE NOT (c.resource_type = 'issue'
                      AND EXISTS (SELECT 1 FROM issues i WHERE i.id = c.resource_id))
             AND NOT (c.resource_type = 'requirement'
                      AND EXISTS (SELECT 1 FROM requirements r WHERE r.id = c.resource_id))""",
    ),
    Check(
        "ref:artifacts.source",
        "artifacts name a source that does not exist or belongs to another customer",
        """SELECT a.id::text || ' -> ' || a.source_type || ':' || a.source_id AS ref
           FROM artifacts a
           WHERE a.source_type IS NOT NULL AND NOT (
               (a.source_type = 'training_job' AND EXISTS (SELECT 1 FROM training_jobs j
                    WHERE j.id = a.source_id AND j.customer_id = a.customer_id))
            OR (a.source_type = 'inference_service' AND EXISTS (SELECT 1
                    FROM inference_services s
                    WHERE s.id = a.source_id AND s.customer_id = a.customer_id))
            OR (a.source_type = 'environment' AND EXISTS (SELECT 1 FROM environments e
                    WHERE e.id = a.source_id AND e.user_id = a.customer_id)))""",
    ),
    Check(
        "ref:gpu_metrics.host",
        "gpu_metrics.host_id differs from the host of the GPU",
        """SELECT m.id::text AS ref FROM gpu_metrics m JOIN gpus g ON g.id = m.gpu_id
           WHERE g.host_id <> m.host_id""",
    ),
)
