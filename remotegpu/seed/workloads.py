"""Training jobs, inference services, and the artifacts they (and environments) produced."""

from __future__ import annotations

import random
from datetime import datetime

from remotegpu.seed.catalog import GIB
from remotegpu.seed.entities import Environment, Row, World
from remotegpu.seed.ids import ShortIds
from remotegpu.seed.timeline import DAY, HOUR, MINUTE, T0, between

TRAINING_JOB_COLUMNS = (
    "id",
    "customer_id",
    "workspace_id",
    "env_id",
    "name",
    "description",
    "framework",
    "script_path",
    "dataset_id",
    "model_id",
    "status",
    "priority",
    "cpu",
    "memory",
    "gpu",
    "started_at",
    "completed_at",
    "created_at",
    "updated_at",
)
INFERENCE_SERVICE_COLUMNS = (
    "id",
    "customer_id",
    "workspace_id",
    "name",
    "description",
    "model_id",
    "model_version",
    "framework",
    "status",
    "endpoint_url",
    "cpu",
    "memory",
    "gpu",
    "replicas",
    "created_at",
    "updated_at",
)
ARTIFACT_COLUMNS = (
    "id",
    "customer_id",
    "workspace_id",
    "name",
    "type",
    "storage_path",
    "size",
    "source_type",
    "source_id",
    "created_at",
)


class _Workloads:
    """Per-customer look-ups of what a customer may reference (own or readable objects)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.envs: dict[int, list[Environment]] = {}
        for env in world.environments:
            if env.status != "deleted" and env.started_at is not None:
                self.envs.setdefault(env.user_id, []).append(env)
        self.public_datasets = [
            d for d in world.datasets if d.visibility == "public" and d.status == "ready"
        ]
        self.public_models = [m for m in world.models if m.visibility == "public" and m.versions]
        self.own_datasets: dict[int, list[int]] = {}
        for d in world.datasets:
            if d.status == "ready":
                self.own_datasets.setdefault(d.customer_id, []).append(d.id)
        self.own_models: dict[int, list[int]] = {}
        for m in world.models:
            self.own_models.setdefault(m.customer_id, []).append(m.id)
        self.memberships: dict[int, list[int]] = {}
        for ws in world.workspaces:
            for customer_id in sorted(ws.active_member_ids):
                self.memberships.setdefault(customer_id, []).append(ws.id)


def _times(
    rng: random.Random, status: str, created: datetime
) -> tuple[datetime | None, datetime | None]:
    if status == "pending":
        return None, None
    started = created + rng.randrange(1, 30) * MINUTE
    if status == "running":
        return started, None
    finished = between(rng, started + 10 * MINUTE, min(T0, started + 3 * DAY))
    if status == "cancelled" and rng.random() < 0.4:
        return None, between(rng, created, created + HOUR)
    return started, finished


def build_workloads(world: World, rng: random.Random) -> tuple[list[Row], list[Row], list[Row]]:
    looks = _Workloads(world)
    active = [c for c in world.customers if c.status == "active"]
    jobs: list[Row] = []
    services: list[Row] = []
    artifacts: list[Row] = []

    def artifact(
        customer_id: int,
        workspace_id: int | None,
        name: str,
        kind: str,
        source_type: str,
        source_id: str,
        created: datetime,
    ) -> None:
        artifacts.append(
            (
                len(artifacts) + 1,
                customer_id,
                workspace_id,
                name,
                kind,
                f"s3://remotegpu-artifacts/{customer_id}/{source_id}/{name}",
                int(rng.lognormvariate(19, 2)),
                source_type,
                source_id,
                created,
            )
        )

    job_ids = ShortIds(rng, "job")
    for _ in range(max(20, len(world.customers) // 2)):
        owner = rng.choice(active)
        job_id = job_ids.next()
        workspace_id = rng.choice(looks.memberships[owner.id]) if rng.random() < 0.6 else None
        envs = looks.envs.get(owner.id, [])
        env = rng.choice(envs) if envs and rng.random() < 0.4 else None
        datasets = looks.own_datasets.get(owner.id, []) + [d.id for d in looks.public_datasets[:5]]
        dataset_id = rng.choice(datasets) if datasets and rng.random() < 0.8 else None
        models = looks.own_models.get(owner.id, [])
        model_id = rng.choice(models) if models and rng.random() < 0.5 else None
        status = rng.choices(
            ("pending", "running", "completed", "failed", "cancelled"), (10, 15, 50, 15, 10)
        )[0]
        created = between(rng, max(owner.created_at, T0 - 90 * DAY), T0 - HOUR)
        if env is not None:
            created = max(created, env.created_at)
        started, completed = _times(rng, status, created)
        framework = rng.choice(("pytorch", "pytorch", "tensorflow", "jax"))
        gpu = rng.choice((1, 1, 2, 4, 8))
        jobs.append(
            (
                job_id,
                owner.id,
                workspace_id,
                env.id if env else None,
                f"train-{job_id[4:]}",
                "Scheduled training run",
                framework,
                f"/workspace/scripts/train_{framework}.py",
                dataset_id,
                model_id,
                status,
                rng.choice((0, 0, 0, 5, 10)),
                gpu * 8,
                gpu * 64 * GIB,
                gpu,
                started,
                completed,
                created,
                completed or started or created,
            )
        )
        if status == "completed" and completed is not None:
            artifact(
                owner.id,
                workspace_id,
                "model.safetensors",
                "model",
                "training_job",
                job_id,
                completed,
            )
            artifact(
                owner.id,
                workspace_id,
                "checkpoint-final.pt",
                "checkpoint",
                "training_job",
                job_id,
                completed,
            )
        if status in ("completed", "failed") and completed is not None:
            artifact(owner.id, workspace_id, "train.log", "log", "training_job", job_id, completed)

    service_ids = ShortIds(rng, "svc")
    for _ in range(max(10, len(world.customers) // 5)):
        owner = rng.choice(active)
        candidates = [world.models[m - 1] for m in looks.own_models.get(owner.id, [])]
        candidates += looks.public_models[:5]
        model = rng.choice(candidates) if candidates and rng.random() < 0.9 else None
        service_id = service_ids.next()
        status = rng.choices(("creating", "running", "stopped", "error"), (5, 60, 25, 10))[0]
        created = between(rng, max(owner.created_at, T0 - 120 * DAY), T0 - HOUR)
        if model is not None:
            created = max(created, model.created_at + HOUR)
        version = rng.choice(model.versions) if model and rng.random() < 0.8 else None
        services.append(
            (
                service_id,
                owner.id,
                owner.personal_workspace_id if rng.random() < 0.5 else None,
                f"serve-{service_id[4:]}",
                "Online inference endpoint",
                model.id if model else None,
                version,
                model.framework if model else "vllm",
                status,
                f"https://infer.remotegpu.example/{service_id}",
                rng.choice((4, 8, 16)),
                rng.choice((16, 32, 64)) * GIB,
                rng.choice((0, 1, 1, 2)),
                rng.randint(1, 4),
                created,
                created + rng.randrange(1, 48) * HOUR,
            )
        )
        if status in ("running", "stopped"):
            artifact(
                owner.id,
                None,
                "access.log",
                "log",
                "inference_service",
                service_id,
                created + DAY if created + DAY < T0 else created,
            )
        if rng.random() < 0.3:
            artifact(
                owner.id,
                None,
                "latency-report.html",
                "report",
                "inference_service",
                service_id,
                created,
            )

    for env in world.environments:
        if env.status != "deleted" and env.started_at is not None and rng.random() < 0.15:
            artifact(
                env.user_id,
                None,
                "notebook-checkpoint.ipynb",
                "checkpoint",
                "environment",
                env.id,
                between(rng, env.started_at, T0),
            )
    return jobs, services, artifacts
