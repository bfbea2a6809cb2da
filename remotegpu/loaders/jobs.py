"""Loaders of the `jobs` area: runs of platform jobs, visible to platform admins only."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, true

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models.jobs import JobRun
from remotegpu.loaders.area import AreaLoaders, Rows


def visible_job_runs(viewer: Viewer) -> ColumnElement[bool]:
    """Admins (not through an agent token): all. Everyone else: none."""
    return true() if viewer.is_admin and not viewer.is_agent else false()


class JobsLoaders(AreaLoaders):
    job_run_by_id = Rows(JobRun, visible_job_runs).by(JobRun.id)
