"""Support issues and requirements (numbered per year without gaps) and their comments."""

from __future__ import annotations

import random
from datetime import datetime

from remotegpu.seed.entities import Customer, Row, World
from remotegpu.seed.timeline import DAY, HOUR, T0, between

ISSUE_COLUMNS = (
    "id",
    "issue_no",
    "customer_id",
    "title",
    "description",
    "type",
    "priority",
    "status",
    "assignee_id",
    "created_at",
    "updated_at",
    "resolved_at",
)
REQUIREMENT_COLUMNS = (
    "id",
    "requirement_no",
    "customer_id",
    "title",
    "description",
    "priority",
    "status",
    "assignee_id",
    "created_at",
    "updated_at",
    "completed_at",
)
COMMENT_COLUMNS = (
    "id",
    "customer_id",
    "resource_type",
    "resource_id",
    "content",
    "created_at",
    "updated_at",
)
ISSUE_TITLES = (
    ("bug", "SSH connection drops after 10 minutes"),
    ("bug", "Jupyter port not reachable"),
    ("question", "How do I mount a dataset read-write?"),
    ("question", "Which CUDA version?"),
    ("feature", "Support for spot-priced GPUs"),
    ("bug", "Invoice total looks wrong"),
    ("question", "Can I resize my environment storage?"),
    ("bug", "nvidia-smi shows no devices"),
)
REQUIREMENT_TITLES = (
    "Multi-node training support",
    "SSO with our identity provider",
    "H200 GPUs in eu-central-1",
    "Per-project budgets",
    "Persistent home volumes across environments",
    "Terraform provider",
)
PRIORITIES = ("low", "medium", "high", "critical")


def _numbered(created: list[datetime]) -> list[int]:
    """Sequence numbers that restart each calendar year, in creation order."""
    numbers: list[int] = []
    per_year: dict[int, int] = {}
    for moment in created:
        per_year[moment.year] = per_year.get(moment.year, 0) + 1
        numbers.append(per_year[moment.year])
    return numbers


def ticket_rows(world: World, rng: random.Random) -> tuple[list[Row], list[Row], list[Row]]:
    reporters = [c for c in world.customers if c.status != "deleted"]
    staff = [c for c in world.customers if c.is_staff and c.status == "active"]
    count = max(10, len(world.customers) * 15 // 100)
    raw_issues = sorted(
        ((between(rng, c.created_at, T0 - HOUR), c) for c in rng.choices(reporters, k=count)),
        key=lambda pair: (pair[0], pair[1].id),
    )
    issues: list[Row] = []
    threads: list[tuple[str, int, Customer, Customer | None, datetime]] = []
    for number, (created, reporter) in zip(
        _numbered([c for c, _ in raw_issues]), raw_issues, strict=True
    ):
        kind, title = rng.choice(ISSUE_TITLES)
        status = rng.choices(("open", "in_progress", "resolved", "closed"), (30, 25, 25, 20))[0]
        assignee = rng.choice(staff) if status != "open" or rng.random() < 0.5 else None
        resolved = (
            between(rng, created, min(T0, created + 10 * DAY))
            if status in ("resolved", "closed")
            else None
        )
        issue_id = len(issues) + 1
        issues.append(
            (
                issue_id,
                f"ISSUE-{created.year}-{number:04d}",
                reporter.id,
                title,
                f"Reported by {reporter.username}.",
                kind,
                rng.choice(PRIORITIES),
                status,
                assignee.id if assignee else None,
                created,
                resolved or created,
                resolved,
            )
        )
        threads.append(("issue", issue_id, reporter, assignee, created))

    raw_requirements = sorted(
        (
            (between(rng, c.created_at, T0 - HOUR), c)
            for c in rng.choices(reporters, k=max(5, count // 2))
        ),
        key=lambda pair: (pair[0], pair[1].id),
    )
    requirements: list[Row] = []
    for number, (created, reporter) in zip(
        _numbered([c for c, _ in raw_requirements]), raw_requirements, strict=True
    ):
        status = rng.choices(
            ("submitted", "reviewing", "approved", "rejected", "in_progress", "completed"),
            (25, 20, 15, 10, 15, 15),
        )[0]
        assignee = rng.choice(staff) if status != "submitted" else None
        completed = (
            between(rng, created, min(T0, created + 60 * DAY)) if status == "completed" else None
        )
        requirement_id = len(requirements) + 1
        requirements.append(
            (
                requirement_id,
                f"REQ-{created.year}-{number:04d}",
                reporter.id,
                rng.choice(REQUIREMENT_TITLES),
                "Requested through the console.",
                rng.choice(PRIORITIES),
                status,
                assignee.id if assignee else None,
                created,
                completed or created,
                completed,
            )
        )
        threads.append(("requirement", requirement_id, reporter, assignee, created))

    comments: list[Row] = []
    for kind, target_id, reporter, assignee, created in threads:
        moment = created
        for _ in range(rng.randint(0, 4)):
            author = assignee if assignee and rng.random() < 0.5 else reporter
            moment = between(rng, moment, min(T0, moment + 2 * DAY))
            comments.append(
                (
                    len(comments) + 1,
                    author.id,
                    kind,
                    target_id,
                    "Thanks, looking into it." if author is assignee else "Any update on this?",
                    moment,
                    moment,
                )
            )
    return issues, requirements, comments
