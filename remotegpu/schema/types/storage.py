"""Types of the `storage` area: datasets, models, their versions, images, artifacts, mounts.

Split in two modules (data side and model side); this one is the import path.
"""

from __future__ import annotations

from remotegpu.schema.types.storage_data import Dataset, DatasetMount, DatasetVersion
from remotegpu.schema.types.storage_models import (
    Artifact,
    ArtifactSource,
    Image,
    Model,
    ModelVersion,
)

__all__ = [
    "Artifact",
    "ArtifactSource",
    "Dataset",
    "DatasetMount",
    "DatasetVersion",
    "Image",
    "Model",
    "ModelVersion",
]
