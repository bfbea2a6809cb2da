"""How big each demo platform is: the knobs every generator derives its volumes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    hosts: int
    gpus: int
    customers: int
    environments: int
    # Across host_metrics, gpu_metrics and environment_metrics together.
    metric_samples: int


SCALES: dict[str, Scale] = {
    "small": Scale(
        "small", hosts=20, gpus=150, customers=100, environments=300, metric_samples=50_000
    ),
    "medium": Scale(
        "medium", hosts=200, gpus=1_500, customers=2_000, environments=8_000, metric_samples=500_000
    ),
    "large": Scale(
        "large",
        hosts=1_000,
        gpus=8_000,
        customers=10_000,
        environments=50_000,
        metric_samples=5_000_000,
    ),
}
