"""Loaders of the `storage` area: datasets, models, their versions, images, artifacts, mounts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, select, true

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
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.environments import visible_environments


def visible_datasets(viewer: Viewer) -> ColumnElement[bool]:
    """The rule of `remotegpu.access`, which the dataset mutations check too."""
    return shared_readable(viewer, Dataset)


def visible_models(viewer: Viewer) -> ColumnElement[bool]:
    return shared_readable(viewer, MlModel)


def _versions_of_readable(viewer: Viewer, parent_key: Any, parent: Any) -> ColumnElement[bool]:
    """Versions whose dataset or model (`parent`, keyed by `parent_key`) the viewer reads."""
    if viewer.is_admin and viewer.agent_host_id is None:
        return true()
    if viewer.agent_host_id is not None or viewer.customer_id is None:
        return false()
    of_readable: ColumnElement[bool] = parent_key.in_(
        select(parent.id).where(shared_readable(viewer, parent))
    )
    return of_readable


def visible_dataset_versions(viewer: Viewer) -> ColumnElement[bool]:
    return _versions_of_readable(viewer, DatasetVersion.dataset_id, Dataset)


def visible_model_versions(viewer: Viewer) -> ColumnElement[bool]:
    return _versions_of_readable(viewer, MlModelVersion.model_id, MlModel)


def visible_images(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every image. Other logged-in customers: active images. Agents, anonymous: none."""
    if viewer.agent_host_id is not None or viewer.customer_id is None:
        return false()
    if viewer.is_admin:
        return true()
    return Image.status == "active"


def visible_artifacts(viewer: Viewer) -> ColumnElement[bool]:
    return owned_or_in_workspace(viewer, Artifact.customer_id, Artifact.workspace_id)


def visible_dataset_usage(viewer: Viewer) -> ColumnElement[bool]:
    """Mounts of the environments the viewer may see (same rule as the environments)."""
    if viewer.agent_host_id is None and viewer.is_admin:
        return true()
    if viewer.agent_host_id is None and viewer.customer_id is None:
        return false()
    return DatasetUsage.env_id.in_(select(Environment.id).where(visible_environments(viewer)))


class StorageLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        ds, dv, mm, mv = (
            visible_datasets,
            visible_dataset_versions,
            visible_models,
            visible_model_versions,
        )
        art, use = visible_artifacts, visible_dataset_usage

        self.dataset_by_id = RowByKeyLoader(env, Dataset, Dataset.id, ds)
        self.datasets_page_by_customer_id = PageByParentLoader(
            env, Dataset, Dataset.customer_id, ds
        )
        self.datasets_count_by_customer_id = CountByParentLoader(
            env, Dataset, Dataset.customer_id, ds
        )
        self.datasets_page_by_workspace_id = PageByParentLoader(
            env, Dataset, Dataset.workspace_id, ds
        )
        self.datasets_count_by_workspace_id = CountByParentLoader(
            env, Dataset, Dataset.workspace_id, ds
        )

        self.dataset_version_by_id = RowByKeyLoader(env, DatasetVersion, DatasetVersion.id, dv)
        self.dataset_versions_page_by_dataset_id = PageByParentLoader(
            env, DatasetVersion, DatasetVersion.dataset_id, dv
        )
        self.dataset_versions_count_by_dataset_id = CountByParentLoader(
            env, DatasetVersion, DatasetVersion.dataset_id, dv
        )

        self.model_by_id = RowByKeyLoader(env, MlModel, MlModel.id, mm)
        self.models_page_by_customer_id = PageByParentLoader(env, MlModel, MlModel.customer_id, mm)
        self.models_count_by_customer_id = CountByParentLoader(
            env, MlModel, MlModel.customer_id, mm
        )
        self.models_page_by_workspace_id = PageByParentLoader(
            env, MlModel, MlModel.workspace_id, mm
        )
        self.models_count_by_workspace_id = CountByParentLoader(
            env, MlModel, MlModel.workspace_id, mm
        )

        self.model_version_by_id = RowByKeyLoader(env, MlModelVersion, MlModelVersion.id, mv)
        self.model_versions_page_by_model_id = PageByParentLoader(
            env, MlModelVersion, MlModelVersion.model_id, mv
        )
        self.model_versions_count_by_model_id = CountByParentLoader(
            env, MlModelVersion, MlModelVersion.model_id, mv
        )

        self.image_by_id = RowByKeyLoader(env, Image, Image.id, visible_images)
        self.image_by_name = RowByKeyLoader(env, Image, Image.name, visible_images)

        self.artifact_by_id = RowByKeyLoader(env, Artifact, Artifact.id, art)
        self.artifacts_page_by_customer_id = PageByParentLoader(
            env, Artifact, Artifact.customer_id, art
        )
        self.artifacts_count_by_customer_id = CountByParentLoader(
            env, Artifact, Artifact.customer_id, art
        )
        self.artifacts_page_by_workspace_id = PageByParentLoader(
            env, Artifact, Artifact.workspace_id, art
        )
        self.artifacts_count_by_workspace_id = CountByParentLoader(
            env, Artifact, Artifact.workspace_id, art
        )
        self.artifacts_page_by_source_id = PageByParentLoader(
            env, Artifact, Artifact.source_id, art
        )
        self.artifacts_count_by_source_id = CountByParentLoader(
            env, Artifact, Artifact.source_id, art
        )

        self.dataset_usage_by_id = RowByKeyLoader(env, DatasetUsage, DatasetUsage.id, use)
        self.dataset_usage_page_by_env_id = PageByParentLoader(
            env, DatasetUsage, DatasetUsage.env_id, use
        )
        self.dataset_usage_count_by_env_id = CountByParentLoader(
            env, DatasetUsage, DatasetUsage.env_id, use
        )
        self.dataset_usage_page_by_dataset_id = PageByParentLoader(
            env, DatasetUsage, DatasetUsage.dataset_id, use
        )
        self.dataset_usage_count_by_dataset_id = CountByParentLoader(
            env, DatasetUsage, DatasetUsage.dataset_id, use
        )
