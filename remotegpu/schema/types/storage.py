"""Types of the `storage` area: datasets, models, their versions, images, artifacts, mounts.

Split by what they hold (storage_datasets, storage_ml_models, storage_images,
storage_artifacts); this one is the import path.
"""

from __future__ import annotations

from remotegpu.schema.types.storage_artifacts import Artifact, ArtifactSource
from remotegpu.schema.types.storage_datasets import Dataset, DatasetMount, DatasetVersion
from remotegpu.schema.types.storage_images import Image
from remotegpu.schema.types.storage_ml_models import Model, ModelVersion

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
