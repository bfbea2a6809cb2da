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
from remotegpu.loaders.area import AreaLoaders, Declared, Rows
from remotegpu.loaders.base import LoaderEnv
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


jobs = Rows(TrainingJob, visible_training_jobs)
services = Rows(InferenceService, visible_inference_services)


class WorkloadsLoaders(AreaLoaders):
    training_job_by_id = jobs.by(TrainingJob.id)
    training_jobs_page_by_customer_id = jobs.pages_by(TrainingJob.customer_id)
    training_jobs_count_by_customer_id = jobs.counts_by(TrainingJob.customer_id)
    training_jobs_page_by_workspace_id = jobs.pages_by(TrainingJob.workspace_id)
    training_jobs_count_by_workspace_id = jobs.counts_by(TrainingJob.workspace_id)
    training_jobs_page_by_env_id = jobs.pages_by(TrainingJob.env_id)
    training_jobs_count_by_env_id = jobs.counts_by(TrainingJob.env_id)
    training_jobs_page_by_dataset_id = jobs.pages_by(TrainingJob.dataset_id)
    training_jobs_count_by_dataset_id = jobs.counts_by(TrainingJob.dataset_id)
    training_jobs_page_by_model_id = jobs.pages_by(TrainingJob.model_id)
    training_jobs_count_by_model_id = jobs.counts_by(TrainingJob.model_id)

    inference_service_by_id = services.by(InferenceService.id)
    inference_services_page_by_customer_id = services.pages_by(InferenceService.customer_id)
    inference_services_count_by_customer_id = services.counts_by(InferenceService.customer_id)
    inference_services_page_by_workspace_id = services.pages_by(InferenceService.workspace_id)
    inference_services_count_by_workspace_id = services.counts_by(InferenceService.workspace_id)
    inference_services_page_by_model_id = services.pages_by(InferenceService.model_id)
    inference_services_count_by_model_id = services.counts_by(InferenceService.model_id)
    model_version_by_model_and_version = Declared(ModelVersionByKeyLoader)
