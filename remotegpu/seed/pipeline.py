"""The seeding order: read settings, build the world in memory, then load table groups."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from remotegpu.seed import (
    accounts,
    activity,
    environments,
    fleet,
    metrics,
    storage,
    tickets,
    workloads,
)
from remotegpu.seed.billing import BILLING_RECORD_COLUMNS, INVOICE_COLUMNS, Billing
from remotegpu.seed.entities import PlatformConfig, World
from remotegpu.seed.ids import stream
from remotegpu.seed.loader import Loader
from remotegpu.seed.scales import Scale

# The tables with millions of rows at the large scale: their indexes are built after COPY.
BULK_TABLES = ("host_metrics", "gpu_metrics", "environment_metrics", "billing_records")
DEFAULT_PORT_RANGES = {"ssh": (30000, 40000), "rdp": (40001, 50000), "jupyter": (50001, 60000)}
DEFAULT_PRICES = {
    "price_cpu_core_hour": "0.0800",
    "price_memory_gb_hour": "0.0100",
    "price_gpu_hour": "12.0000",
    "price_storage_gb_day": "0.0050",
}


async def read_config(conn: Any) -> PlatformConfig:
    """Port ranges, the per-user cap and prices as the API reads them from system_configs."""
    rows = await conn.fetch("SELECT config_key, config_value FROM system_configs")
    values: dict[str, str] = {row["config_key"]: row["config_value"] for row in rows}
    ranges = {
        service: (
            int(values.get(f"{service}_port_range_start", start)),
            int(values.get(f"{service}_port_range_end", end)),
        )
        for service, (start, end) in DEFAULT_PORT_RANGES.items()
    }
    return PlatformConfig(
        port_ranges=ranges,
        max_environments_per_user=int(values.get("max_environments_per_user", 10)),
        prices={key: Decimal(values.get(key, default)) for key, default in DEFAULT_PRICES.items()},
    )


def build_world(scale: Scale, seed: int, config: PlatformConfig) -> World:
    """Everything later tables refer to, decided before any row is written."""
    world = World(seed=seed, config=config)
    world.image_rows = storage.image_rows(world)
    fleet.build_fleet(world, scale, stream(seed, "fleet"))
    accounts.build_customers(world, scale, stream(seed, "customers"))
    world.member_rows = accounts.build_workspaces(world, scale, stream(seed, "workspaces"))
    environments.build_environments(world, scale, stream(seed, "environments"))
    return world


async def load_world(loader: Loader, world: World, scale: Scale) -> None:
    seed = world.seed

    def rng(name: str) -> Any:
        return stream(seed, f"rows:{name}")

    loader.group("settings", None)
    await loader.normalise_system_configs()

    loader.group("accounts", len(world.customers) * 3 + len(world.member_rows))
    await loader.copy(
        "customers", accounts.CUSTOMER_COLUMNS, accounts.customer_rows(world, rng("customers"))
    )
    await loader.copy(
        "workspaces", accounts.WORKSPACE_COLUMNS, accounts.workspace_rows(world, rng("workspaces"))
    )
    await loader.copy("workspace_members", accounts.MEMBER_COLUMNS, world.member_rows)
    await loader.copy("resource_quotas", accounts.QUOTA_COLUMNS, accounts.quota_rows(world))

    loader.group("fleet", len(world.hosts) + len(world.gpus))
    await loader.copy("hosts", fleet.HOST_COLUMNS, fleet.host_rows(world, rng("hosts")))
    await loader.copy("gpus", fleet.GPU_COLUMNS, fleet.gpu_rows(world, rng("gpus")))

    loader.group("environments", None)
    await loader.copy("images", storage.IMAGE_COLUMNS, world.image_rows)
    await loader.copy(
        "environments",
        environments.ENVIRONMENT_COLUMNS,
        environments.environment_rows(world, rng("environments")),
    )
    await loader.copy(
        "port_mappings",
        environments.PORT_MAPPING_COLUMNS,
        environments.port_mapping_rows(world, rng("port_mappings")),
    )

    datasets, dataset_versions = storage.build_datasets(world, stream(seed, "datasets"))
    models, model_versions = storage.build_models(world, stream(seed, "models"))
    loader.group("storage", None)
    await loader.copy("datasets", storage.DATASET_COLUMNS, datasets)
    await loader.copy("dataset_versions", storage.DATASET_VERSION_COLUMNS, dataset_versions)
    await loader.copy("models", storage.MODEL_COLUMNS, models)
    await loader.copy("model_versions", storage.MODEL_VERSION_COLUMNS, model_versions)
    await loader.copy(
        "dataset_usage",
        storage.DATASET_USAGE_COLUMNS,
        storage.dataset_usage_rows(world, rng("dataset_usage")),
    )

    jobs, services, artifacts = workloads.build_workloads(world, stream(seed, "workloads"))
    loader.group("workloads", len(jobs) + len(services) + len(artifacts))
    await loader.copy("training_jobs", workloads.TRAINING_JOB_COLUMNS, jobs)
    await loader.copy("inference_services", workloads.INFERENCE_SERVICE_COLUMNS, services)
    await loader.copy("artifacts", workloads.ARTIFACT_COLUMNS, artifacts)

    plans = metrics.plan_metrics(world, scale.metric_samples)
    async with loader.deferred_indexes(BULK_TABLES):
        loader.group("metrics", plans.host.total + plans.gpu.total + plans.environment.total)
        await loader.copy(
            "host_metrics",
            metrics.HOST_METRIC_COLUMNS,
            metrics.host_metric_rows(world, plans.host, rng("host_metrics")),
        )
        await loader.copy(
            "gpu_metrics",
            metrics.GPU_METRIC_COLUMNS,
            metrics.gpu_metric_rows(world, plans.gpu, rng("gpu_metrics")),
        )
        await loader.copy(
            "environment_metrics",
            metrics.ENVIRONMENT_METRIC_COLUMNS,
            metrics.environment_metric_rows(world, plans.environment, rng("environment_metrics")),
        )

        billing = Billing(world)
        loader.group("billing", None)
        await loader.copy("billing_records", BILLING_RECORD_COLUMNS, billing.record_rows())
        await loader.copy("invoices", INVOICE_COLUMNS, billing.invoice_rows(rng("invoices")))

    activity_rng = stream(seed, "activity")
    notifications = activity.notification_rows(world, activity_rng)
    audit_logs = activity.audit_log_rows(world, activity_rng)
    rules, records = activity.alert_rows(world, activity_rng)
    hooks, hook_logs = activity.webhook_rows(world, activity_rng)
    loader.group(
        "activity", sum(map(len, (notifications, audit_logs, rules, records, hooks, hook_logs)))
    )
    await loader.copy("notifications", activity.NOTIFICATION_COLUMNS, notifications)
    await loader.copy("audit_logs", activity.AUDIT_LOG_COLUMNS, audit_logs)
    await loader.copy("alert_rules", activity.ALERT_RULE_COLUMNS, rules)
    await loader.copy("alert_records", activity.ALERT_RECORD_COLUMNS, records)
    await loader.copy("webhooks", activity.WEBHOOK_COLUMNS, hooks)
    await loader.copy("webhook_logs", activity.WEBHOOK_LOG_COLUMNS, hook_logs)

    issues, requirements, comments = tickets.ticket_rows(world, stream(seed, "tickets"))
    loader.group("tickets", len(issues) + len(requirements) + len(comments))
    await loader.copy("issues", tickets.ISSUE_COLUMNS, issues)
    await loader.copy("requirements", tickets.REQUIREMENT_COLUMNS, requirements)
    await loader.copy("comments", tickets.COMMENT_COLUMNS, comments)
    loader.finish()
