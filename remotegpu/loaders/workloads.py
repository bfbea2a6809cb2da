"""Loaders of the `workloads` area: training jobs and inference services, scoped to the viewer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, select, tuple_

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import InferenceService, MlModelVersion

# TrainingJob is missing from remotegpu.db.models.__all__: import it from its module.
from remotegpu.db.models.workloads import TrainingJob
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import owned_or_in_workspace
from remotegpu.loaders.storage import visible_model_versions

ModelVersionKey = tuple[int, str]  # (model_id, version)


def visible_training_jobs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: jobs they own or of a workspace they belong to."""
    return owned_or_in_workspace(viewer, TrainingJob.customer_id, TrainingJob.workspace_id)


def visible_inference_services(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: services they own or of a workspace they belong to."""
    return owned_or_in_workspace(
        viewer, InferenceService.customer_id, InferenceService.workspace_id
    )


class ModelVersionByKeyLoader(DataLoader):  # type: ignore[type-arg]
    """Model versions by (model_id, version): one `(model_id, version) IN (...)` statement.

    Applies the storage area's visibility of model versions (that of their model).
    """

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__()
        self.env = env

    async def batch_load_fn(self, keys: Sequence[ModelVersionKey]) -> list[MlModelVersion | None]:
        wanted = list(dict.fromkeys(keys))
        stmt = select(MlModelVersion).where(
            tuple_(MlModelVersion.model_id, MlModelVersion.version).in_(wanted),
            visible_model_versions(self.env.viewer),
        )
        async with self.env.sessions() as session:
            rows = (await session.scalars(stmt)).all()
        by_key: dict[Any, MlModelVersion] = {(r.model_id, r.version): r for r in rows}
        return [by_key.get(key) for key in keys]


class WorkloadsLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        tj, vis_tj = TrainingJob, visible_training_jobs
        svc, vis_svc = InferenceService, visible_inference_services
        self.training_job_by_id = RowByKeyLoader(env, tj, tj.id, vis_tj)
        self.training_jobs_page_by_customer_id = PageByParentLoader(env, tj, tj.customer_id, vis_tj)
        self.training_jobs_count_by_customer_id = CountByParentLoader(
            env, tj, tj.customer_id, vis_tj
        )
        self.training_jobs_page_by_workspace_id = PageByParentLoader(
            env, tj, tj.workspace_id, vis_tj
        )
        self.training_jobs_count_by_workspace_id = CountByParentLoader(
            env, tj, tj.workspace_id, vis_tj
        )
        self.training_jobs_page_by_env_id = PageByParentLoader(env, tj, tj.env_id, vis_tj)
        self.training_jobs_count_by_env_id = CountByParentLoader(env, tj, tj.env_id, vis_tj)
        self.training_jobs_page_by_dataset_id = PageByParentLoader(env, tj, tj.dataset_id, vis_tj)
        self.training_jobs_count_by_dataset_id = CountByParentLoader(env, tj, tj.dataset_id, vis_tj)
        self.training_jobs_page_by_model_id = PageByParentLoader(env, tj, tj.model_id, vis_tj)
        self.training_jobs_count_by_model_id = CountByParentLoader(env, tj, tj.model_id, vis_tj)

        self.inference_service_by_id = RowByKeyLoader(env, svc, svc.id, vis_svc)
        self.inference_services_page_by_customer_id = PageByParentLoader(
            env, svc, svc.customer_id, vis_svc
        )
        self.inference_services_count_by_customer_id = CountByParentLoader(
            env, svc, svc.customer_id, vis_svc
        )
        self.inference_services_page_by_workspace_id = PageByParentLoader(
            env, svc, svc.workspace_id, vis_svc
        )
        self.inference_services_count_by_workspace_id = CountByParentLoader(
            env, svc, svc.workspace_id, vis_svc
        )
        self.inference_services_page_by_model_id = PageByParentLoader(
            env, svc, svc.model_id, vis_svc
        )
        self.inference_services_count_by_model_id = CountByParentLoader(
            env, svc, svc.model_id, vis_svc
        )
        self.model_version_by_model_and_version = ModelVersionByKeyLoader(env)
