"""Loaders of the `storage` area: datasets, models, their versions, images, artifacts, mounts."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.access import owned_or_in_workspace, shared_readable
from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import (
    Artifact,
    Dataset,
    DatasetUsage,
    DatasetVersion,
    Environment,
    Image,
    MlModel,
    MlModelVersion,
)
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.environments import visible_environments
from remotegpu.loaders.scopes import customer_scope, of_visible_parents


def visible_datasets(viewer: Viewer) -> ColumnElement[bool]:
    """The rule of `remotegpu.access`, which the dataset mutations check too."""
    return shared_readable(viewer, Dataset)


def visible_models(viewer: Viewer) -> ColumnElement[bool]:
    return shared_readable(viewer, MlModel)


# Versions of the datasets and models the viewer reads.
visible_dataset_versions = of_visible_parents(
    DatasetVersion.dataset_id, Dataset.id, visible_datasets
)
visible_model_versions = of_visible_parents(MlModelVersion.model_id, MlModel.id, visible_models)


def visible_images(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every image. Other logged-in customers: active images. Agents, anonymous: none."""
    return customer_scope(viewer, lambda _: Image.status == "active")


def visible_artifacts(viewer: Viewer) -> ColumnElement[bool]:
    return owned_or_in_workspace(viewer, Artifact.customer_id, Artifact.workspace_id)


# Mounts of the environments the viewer may see (same rule as the environments).
visible_dataset_usage = of_visible_parents(
    DatasetUsage.env_id, Environment.id, visible_environments
)

datasets = Rows(Dataset, visible_datasets)
dataset_versions = Rows(DatasetVersion, visible_dataset_versions)
models = Rows(MlModel, visible_models)
model_versions = Rows(MlModelVersion, visible_model_versions)
images = Rows(Image, visible_images)
artifacts = Rows(Artifact, visible_artifacts)
mounts = Rows(DatasetUsage, visible_dataset_usage)


class StorageLoaders(AreaLoaders):
    dataset_by_id = datasets.by(Dataset.id)
    datasets_page_by_customer_id = datasets.pages_by(Dataset.customer_id)
    datasets_count_by_customer_id = datasets.counts_by(Dataset.customer_id)
    datasets_page_by_workspace_id = datasets.pages_by(Dataset.workspace_id)
    datasets_count_by_workspace_id = datasets.counts_by(Dataset.workspace_id)

    dataset_version_by_id = dataset_versions.by(DatasetVersion.id)
    dataset_versions_page_by_dataset_id = dataset_versions.pages_by(DatasetVersion.dataset_id)
    dataset_versions_count_by_dataset_id = dataset_versions.counts_by(DatasetVersion.dataset_id)

    model_by_id = models.by(MlModel.id)
    models_page_by_customer_id = models.pages_by(MlModel.customer_id)
    models_count_by_customer_id = models.counts_by(MlModel.customer_id)
    models_page_by_workspace_id = models.pages_by(MlModel.workspace_id)
    models_count_by_workspace_id = models.counts_by(MlModel.workspace_id)

    model_version_by_id = model_versions.by(MlModelVersion.id)
    model_versions_page_by_model_id = model_versions.pages_by(MlModelVersion.model_id)
    model_versions_count_by_model_id = model_versions.counts_by(MlModelVersion.model_id)

    image_by_id = images.by(Image.id)
    image_by_name = images.by(Image.name)

    artifact_by_id = artifacts.by(Artifact.id)
    artifacts_page_by_customer_id = artifacts.pages_by(Artifact.customer_id)
    artifacts_count_by_customer_id = artifacts.counts_by(Artifact.customer_id)
    artifacts_page_by_workspace_id = artifacts.pages_by(Artifact.workspace_id)
    artifacts_count_by_workspace_id = artifacts.counts_by(Artifact.workspace_id)
    artifacts_page_by_source_id = artifacts.pages_by(Artifact.source_id)
    artifacts_count_by_source_id = artifacts.counts_by(Artifact.source_id)

    dataset_usage_by_id = mounts.by(DatasetUsage.id)
    dataset_usage_page_by_env_id = mounts.pages_by(DatasetUsage.env_id)
    dataset_usage_count_by_env_id = mounts.counts_by(DatasetUsage.env_id)
    dataset_usage_page_by_dataset_id = mounts.pages_by(DatasetUsage.dataset_id)
    dataset_usage_count_by_dataset_id = mounts.counts_by(DatasetUsage.dataset_id)
