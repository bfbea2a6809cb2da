"""Images, datasets and models with their versions, and dataset mounts into environments."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from remotegpu.seed.catalog import DATASET_TOPICS, GIB, IMAGES, MIB, MODEL_NAMES
from remotegpu.seed.entities import Customer, Dataset, Model, Row, World
from remotegpu.seed.ids import make_uuid
from remotegpu.seed.timeline import DAY, HOUR, PLATFORM_START, T0, between

IMAGE_COLUMNS = (
    "id",
    "name",
    "display_name",
    "description",
    "category",
    "framework",
    "framework_version",
    "cuda_version",
    "python_version",
    "is_official",
    "size",
    "registry_url",
    "status",
    "created_at",
    "updated_at",
)
DATASET_COLUMNS = (
    "id",
    "uuid",
    "customer_id",
    "workspace_id",
    "name",
    "description",
    "storage_path",
    "storage_type",
    "total_size",
    "file_count",
    "status",
    "visibility",
    "created_at",
    "updated_at",
)
DATASET_VERSION_COLUMNS = (
    "id",
    "dataset_id",
    "version",
    "description",
    "storage_path",
    "size",
    "file_count",
    "created_at",
)
MODEL_COLUMNS = (
    "id",
    "uuid",
    "customer_id",
    "workspace_id",
    "name",
    "description",
    "framework",
    "storage_path",
    "total_size",
    "status",
    "visibility",
    "created_at",
    "updated_at",
)
MODEL_VERSION_COLUMNS = (
    "id",
    "model_id",
    "version",
    "description",
    "storage_path",
    "size",
    "metrics",
    "created_at",
)
DATASET_USAGE_COLUMNS = (
    "id",
    "env_id",
    "dataset_id",
    "mount_path",
    "readonly",
    "mounted_at",
    "unmounted_at",
)


def image_rows(world: World) -> list[Row]:
    rows: list[Row] = []
    for number, spec in enumerate(IMAGES, start=1):
        created = PLATFORM_START - (len(IMAGES) - number) * 7 * DAY
        rows.append(
            (
                number,
                spec.name,
                spec.display_name,
                f"{spec.display_name}, maintained by RemoteGPU",
                spec.category,
                spec.framework,
                spec.framework_version,
                spec.cuda_version,
                spec.python_version,
                True,
                int(spec.size_gib * GIB),
                f"registry.remotegpu.example/{spec.name}",
                spec.status,
                created,
                created + (200 * DAY if spec.status == "deprecated" else DAY),
            )
        )
        world.image_names.append(spec.name)
        if spec.windows:
            world.windows_image = spec.name
        elif spec.status == "active":
            world.active_images.append(spec.name)
    return rows


def _shared_workspaces(world: World) -> dict[int, list[int]]:
    """Team/enterprise workspaces each customer is an active member of."""
    result: dict[int, list[int]] = {}
    for ws in world.workspaces:
        if ws.type != "personal" and ws.status == "active":
            for customer_id in sorted(ws.active_member_ids):
                result.setdefault(customer_id, []).append(ws.id)
    return result


def _placement(
    world: World, rng: random.Random, owner_id: int, shared: dict[int, list[int]]
) -> tuple[str, int | None]:
    """(visibility, workspace_id): 'workspace' only in a workspace the owner is active in."""
    roll = rng.random()
    if roll < 0.25 and shared.get(owner_id):
        return "workspace", rng.choice(shared[owner_id])
    personal = world.customer(owner_id).personal_workspace_id
    visibility = "public" if roll > 0.8 else "private"
    return visibility, personal if rng.random() < 0.5 else None


def _placed(
    world: World, rng: random.Random, count: int
) -> Iterator[tuple[int, Customer, str, int | None]]:
    """(id, owner, visibility, workspace_id) of `count` datasets or models: the owner, then
    the placement, drawn before the caller draws the rest of each (same seed, same rows)."""
    shared = _shared_workspaces(world)
    owners = [c for c in world.customers if c.status != "deleted"]
    for artifact_id in range(1, count + 1):
        owner = rng.choice(owners)
        yield artifact_id, owner, *_placement(world, rng, owner.id, shared)


def build_datasets(world: World, rng: random.Random) -> tuple[list[Row], list[Row]]:
    count = max(30, len(world.customers) * 6 // 10)
    datasets: list[Row] = []
    versions: list[Row] = []
    for dataset_id, owner, visibility, workspace_id in _placed(world, rng, count):
        status = rng.choices(("ready", "uploading", "error"), (85, 8, 7))[0]
        name = f"{rng.choice(DATASET_TOPICS)}-{dataset_id}"
        created = between(rng, owner.created_at, T0 - DAY)
        uid = make_uuid(rng)
        path = f"s3://remotegpu-datasets/{owner.id}/{uid}"
        total_size = total_files = 0
        n_versions = 0 if status == "uploading" and rng.random() < 0.5 else rng.randint(1, 4)
        moment = created
        for minor in range(n_versions):
            size = int(rng.lognormvariate(22, 2)) + MIB
            files = rng.randint(1, 200_000)
            total_size += size
            total_files += files
            moment = between(rng, moment, min(T0, moment + 30 * DAY))
            versions.append(
                (
                    len(versions) + 1,
                    dataset_id,
                    f"v1.{minor}",
                    f"Snapshot {minor + 1} of {name}",
                    f"{path}/v1.{minor}",
                    size,
                    files,
                    moment,
                )
            )
        datasets.append(
            (
                dataset_id,
                uid,
                owner.id,
                workspace_id,
                name,
                f"Curated {name.rsplit('-', 1)[0]}",
                path,
                rng.choices(("minio", "s3", "nfs"), (6, 3, 1))[0],
                total_size,
                total_files,
                status,
                visibility,
                created,
                moment,
            )
        )
        world.datasets.append(
            Dataset(dataset_id, owner.id, workspace_id, visibility, status, name, created)
        )
    return datasets, versions


def build_models(world: World, rng: random.Random) -> tuple[list[Row], list[Row]]:
    count = max(20, len(world.customers) * 4 // 10)
    models: list[Row] = []
    versions: list[Row] = []
    for model_id, owner, visibility, workspace_id in _placed(world, rng, count):
        base, framework = rng.choice(MODEL_NAMES)
        name = f"{base}-{model_id}"
        created = between(rng, owner.created_at, T0 - DAY)
        uid = make_uuid(rng)
        path = f"s3://remotegpu-models/{owner.id}/{uid}"
        model = Model(model_id, owner.id, workspace_id, visibility, framework, name, created)
        total = 0
        moment = created
        for minor in range(rng.randint(1, 4)):
            size = int(rng.lognormvariate(21, 1.5)) + MIB
            total += size
            moment = between(rng, moment, min(T0, moment + 20 * DAY))
            version = f"v1.{minor}"
            metrics = {
                "accuracy": round(rng.uniform(0.7, 0.98), 4),
                "loss": round(rng.uniform(0.05, 0.9), 4),
            }
            versions.append(
                (
                    len(versions) + 1,
                    model_id,
                    version,
                    f"{name} {version}",
                    f"{path}/{version}",
                    size,
                    json.dumps(metrics),
                    moment,
                )
            )
            model.versions.append(version)
        status = "ready" if rng.random() < 0.9 else "uploading"
        models.append(
            (
                model_id,
                uid,
                owner.id,
                workspace_id,
                name,
                f"{base} trained on the platform",
                framework,
                path,
                total,
                status,
                visibility,
                created,
                moment,
            )
        )
        world.models.append(model)
    return models, versions


def dataset_usage_rows(world: World, rng: random.Random) -> Iterator[Row]:
    """Open mounts only of readable, ready datasets into non-deleted environments."""
    ready = [d for d in world.datasets if d.status == "ready"]
    public = [d for d in ready if d.visibility == "public"]
    own: dict[int, list[Dataset]] = {}
    for dataset in ready:
        own.setdefault(dataset.customer_id, []).append(dataset)
    usage_id = 0
    for env in world.environments:
        live = env.status != "deleted"
        if rng.random() > (0.5 if live else 0.3):
            continue
        candidates = own.get(env.user_id, []) + rng.sample(public, min(3, len(public)))
        chosen = {d.id: d for d in rng.sample(candidates, min(len(candidates), 2))}
        for dataset in chosen.values():
            mount_start = max(env.started_at or env.created_at, dataset.created_at)
            end = env.stopped_at if not live else T0
            if end is None or mount_start >= end:
                continue
            if not world.can_read(
                env.user_id, dataset.workspace_id, dataset.customer_id, dataset.visibility
            ):
                continue
            usage_id += 1
            mounted = between(rng, mount_start, min(end, mount_start + HOUR))
            root = "/data" if rng.random() < 0.7 else "/mnt/datasets"
            yield (
                usage_id,
                env.id,
                dataset.id,
                f"{root}/{dataset.name}",
                rng.random() < 0.8,
                mounted,
                None if live else end,
            )
