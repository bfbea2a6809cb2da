"""Real-world reference data: GPU models and their specs, regions, images, names."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024
GIB = 1024 * MIB
TIB = 1024 * GIB


@dataclass(frozen=True)
class GpuModel:
    key: str  # used in host ids: host-<key>-0001
    name: str
    brand: str
    architecture: str
    memory_mib: int
    cuda_cores: int
    compute_capability: str
    power_watts: int
    temperature_limit: int
    # A typical server built around this card: cores, memory, disk, usual GPU counts.
    host_cpu: int
    host_memory_gib: int
    host_disk_tib: int
    gpus_per_host: tuple[int, ...]
    weight: float  # share of the fleet

    @property
    def memory_bytes(self) -> int:
        return self.memory_mib * MIB


# fmt: off
GPU_MODELS: tuple[GpuModel, ...] = (
    GpuModel("a100", "NVIDIA A100-SXM4-80GB", "NVIDIA", "Ampere", 81920, 6912, "8.0", 400, 85,
             128, 1024, 15, (8, 8, 8, 4), 0.30),
    GpuModel("h100", "NVIDIA H100 80GB HBM3", "NVIDIA", "Hopper", 81920, 16896, "9.0", 700, 87,
             192, 2048, 30, (8, 8, 8, 8), 0.18),
    GpuModel("l40s", "NVIDIA L40S", "NVIDIA", "Ada Lovelace", 49152, 18176, "8.9", 350, 88,
             96, 768, 15, (8, 8, 4, 2), 0.15),
    GpuModel("rtx4090", "NVIDIA GeForce RTX 4090", "NVIDIA", "Ada Lovelace", 24576, 16384, "8.9",
             450, 90, 64, 512, 8, (8, 4, 4, 2), 0.14),
    GpuModel("a10", "NVIDIA A10", "NVIDIA", "Ampere", 24576, 9216, "8.6", 150, 90,
             64, 512, 8, (8, 4, 2), 0.10),
    GpuModel("v100", "Tesla V100-SXM2-32GB", "NVIDIA", "Volta", 32768, 5120, "7.0", 300, 85,
             80, 512, 8, (8, 8, 4), 0.08),
    GpuModel("t4", "Tesla T4", "NVIDIA", "Turing", 16384, 2560, "7.5", 70, 90,
             48, 256, 4, (8, 4, 2), 0.05),
)
# fmt: on

# Models suited to interactive Windows desktops (RDP) in the demo fleet.
WINDOWS_GPU_KEYS = frozenset({"rtx4090", "a10", "t4"})

REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cn-east-1", ("cn-east-1a", "cn-east-1b", "cn-east-1c")),
    ("cn-north-1", ("cn-north-1a", "cn-north-1b")),
    ("us-west-2", ("us-west-2a", "us-west-2b", "us-west-2c")),
    ("us-east-1", ("us-east-1a", "us-east-1b")),
    ("eu-central-1", ("eu-central-1a", "eu-central-1b")),
    ("ap-southeast-1", ("ap-southeast-1a", "ap-southeast-1b")),
)

LINUX_VERSIONS = ("Ubuntu 22.04.4 LTS", "Ubuntu 24.04.1 LTS", "Rocky Linux 9.4")
WINDOWS_VERSIONS = ("Windows Server 2022", "Windows Server 2019")


@dataclass(frozen=True)
class ImageSpec:
    name: str
    display_name: str
    category: str
    framework: str | None
    framework_version: str | None
    cuda_version: str | None
    python_version: str | None
    size_gib: float
    status: str = "active"
    windows: bool = False


IMAGES: tuple[ImageSpec, ...] = (
    ImageSpec(
        "remotegpu/pytorch:2.4-cuda12.4",
        "PyTorch 2.4 (CUDA 12.4)",
        "pytorch",
        "pytorch",
        "2.4.1",
        "12.4",
        "3.11",
        9.8,
    ),
    ImageSpec(
        "remotegpu/pytorch:2.3-cuda12.1",
        "PyTorch 2.3 (CUDA 12.1)",
        "pytorch",
        "pytorch",
        "2.3.1",
        "12.1",
        "3.11",
        9.2,
    ),
    ImageSpec(
        "remotegpu/pytorch:2.1-cuda11.8",
        "PyTorch 2.1 (CUDA 11.8)",
        "pytorch",
        "pytorch",
        "2.1.2",
        "11.8",
        "3.10",
        8.7,
    ),
    ImageSpec(
        "remotegpu/pytorch:1.13-cuda11.7",
        "PyTorch 1.13 (CUDA 11.7)",
        "pytorch",
        "pytorch",
        "1.13.1",
        "11.7",
        "3.9",
        7.9,
        status="deprecated",
    ),
    ImageSpec(
        "remotegpu/tensorflow:2.16-cuda12.3",
        "TensorFlow 2.16 (CUDA 12.3)",
        "tensorflow",
        "tensorflow",
        "2.16.1",
        "12.3",
        "3.11",
        7.4,
    ),
    ImageSpec(
        "remotegpu/tensorflow:2.11-cuda11.8",
        "TensorFlow 2.11 (CUDA 11.8)",
        "tensorflow",
        "tensorflow",
        "2.11.1",
        "11.8",
        "3.9",
        6.8,
        status="deprecated",
    ),
    ImageSpec(
        "remotegpu/cuda:12.4-ubuntu22.04",
        "CUDA 12.4 base (Ubuntu 22.04)",
        "base",
        None,
        None,
        "12.4",
        "3.10",
        3.6,
    ),
    ImageSpec(
        "remotegpu/cuda:11.8-ubuntu20.04",
        "CUDA 11.8 base (Ubuntu 20.04)",
        "base",
        None,
        None,
        "11.8",
        "3.8",
        3.1,
        status="deprecated",
    ),
    ImageSpec(
        "remotegpu/jupyter:pytorch-2.4",
        "JupyterLab 4 with PyTorch 2.4",
        "jupyter",
        "pytorch",
        "2.4.1",
        "12.4",
        "3.11",
        10.5,
    ),
    ImageSpec(
        "remotegpu/jupyter:datascience-2024.10",
        "JupyterLab data science stack",
        "jupyter",
        "scikit-learn",
        "1.5.2",
        None,
        "3.12",
        4.2,
    ),
    ImageSpec(
        "remotegpu/vllm:0.6-cuda12.4",
        "vLLM 0.6 inference",
        "inference",
        "vllm",
        "0.6.3",
        "12.4",
        "3.11",
        11.3,
    ),
    ImageSpec(
        "remotegpu/windows-cuda:2022-cuda12.4",
        "Windows Server 2022 with CUDA 12.4",
        "base",
        None,
        None,
        "12.4",
        "3.11",
        21.0,
        windows=True,
    ),
)

FIRST_NAMES = (
    "Wei",
    "Li",
    "Min",
    "Jing",
    "Hao",
    "Yan",
    "Lei",
    "Xin",
    "James",
    "Mary",
    "John",
    "Linda",
    "Michael",
    "Sarah",
    "David",
    "Emma",
    "Lukas",
    "Anna",
    "Felix",
    "Sofia",
    "Arjun",
    "Priya",
    "Kenji",
    "Yuki",
    "Minh",
    "Linh",
    "Siti",
    "Ahmad",
    "Olivia",
    "Noah",
    "Chloe",
    "Mateo",
)
LAST_NAMES = (
    "Wang",
    "Zhang",
    "Chen",
    "Liu",
    "Zhao",
    "Huang",
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Muller",
    "Schmidt",
    "Fischer",
    "Rossi",
    "Sharma",
    "Patel",
    "Tanaka",
    "Sato",
    "Nguyen",
    "Tran",
    "Lim",
    "Tan",
    "Kim",
    "Park",
    "Dubois",
    "Martin",
    "Silva",
    "Novak",
)
COMPANIES = (
    "Nebula AI",
    "Quantum Leap Labs",
    "DeepRiver Tech",
    "Helix Bio",
    "Orbit Robotics",
    "Lumen Vision",
    "Atlas Analytics",
    "Cobalt Systems",
    "Pioneer Motors",
    "Sakura Data",
    "Mekong Digital",
    "Alpine Finance",
    "Jade Dragon Games",
    "Northwind Research",
)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example")

DATASET_TOPICS = (
    "imagenet-subset",
    "coco-detection",
    "librispeech-clean",
    "wikitext-103",
    "cifar-100",
    "medical-ct-scans",
    "customer-reviews",
    "autonomous-driving-frames",
    "code-search-net",
    "satellite-tiles",
    "financial-ticks",
    "protein-structures",
    "openwebtext-shard",
)
MODEL_NAMES = (
    ("resnet50-finetuned", "pytorch"),
    ("bert-base-classifier", "pytorch"),
    ("llama-3-8b-lora", "pytorch"),
    ("yolov8-detector", "pytorch"),
    ("whisper-small-zh", "pytorch"),
    ("efficientnet-b4", "tensorflow"),
    ("t5-summarizer", "pytorch"),
    ("xgboost-churn", "xgboost"),
    ("unet-segmentation", "onnx"),
    ("stable-diffusion-xl-ft", "pytorch"),
    ("gpt2-medium-chat", "pytorch"),
)

WEBHOOK_EVENTS = (
    "environment.created",
    "environment.started",
    "environment.stopped",
    "environment.deleted",
    "environment.failed",
    "training.started",
    "training.completed",
    "training.failed",
    "alert.fired",
    "alert.resolved",
    "invoice.created",
    "invoice.paid",
    "quota.exceeded",
)
