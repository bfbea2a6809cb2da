"""Notifications, audit logs, alert rules and records, webhooks and their delivery logs."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from remotegpu.seed.catalog import WEBHOOK_EVENTS
from remotegpu.seed.entities import Customer, Row, World
from remotegpu.seed.ids import hex_token, make_uuid
from remotegpu.seed.timeline import DAY, HOUR, MINUTE, T0, between

NOTIFICATION_COLUMNS = (
    "id",
    "customer_id",
    "title",
    "content",
    "type",
    "level",
    "is_read",
    "read_at",
    "created_at",
)
AUDIT_LOG_COLUMNS = (
    "id",
    "customer_id",
    "username",
    "action",
    "resource_type",
    "resource_id",
    "ip_address",
    "user_agent",
    "request_method",
    "request_path",
    "status_code",
    "error_message",
    "created_at",
)
ALERT_RULE_COLUMNS = (
    "id",
    "customer_id",
    "name",
    "description",
    "metric_type",
    "threshold",
    "comparison",
    "duration",
    "severity",
    "enabled",
    "created_at",
    "updated_at",
)
ALERT_RECORD_COLUMNS = (
    "id",
    "rule_id",
    "customer_id",
    "resource_type",
    "resource_id",
    "metric_type",
    "current_value",
    "threshold",
    "severity",
    "status",
    "message",
    "triggered_at",
    "resolved_at",
)
WEBHOOK_COLUMNS = (
    "id",
    "customer_id",
    "name",
    "url",
    "secret",
    "events",
    "enabled",
    "created_at",
    "updated_at",
)
WEBHOOK_LOG_COLUMNS = (
    "id",
    "webhook_id",
    "event_type",
    "payload",
    "status_code",
    "response_body",
    "error_message",
    "created_at",
)
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15",
    "remotegpu-cli/1.0.0 python-httpx/0.27",
)
NOTICES = (
    ("system", "info", "Scheduled maintenance", "Gateway maintenance on Sunday 02:00-03:00 UTC."),
    ("environment", "info", "Environment is running", "Your environment is ready for SSH."),
    ("environment", "error", "Environment failed", "The container exited during start-up."),
    ("billing", "info", "Invoice available", "Your monthly invoice is ready."),
    ("billing", "warning", "Invoice overdue", "Please settle your overdue invoice."),
    ("alert", "warning", "GPU usage low", "An allocated GPU has been idle for an hour."),
)
# (name, metric, threshold, comparison, duration s, severity, resource type)
PLATFORM_RULES = (
    ("GPU temperature high", "gpu_temperature", 85.0, ">", 300, "critical", "gpu"),
    ("Host CPU saturated", "cpu_usage", 90.0, ">", 600, "warning", "host"),
    ("Host memory pressure", "memory_usage", 90.0, ">", 300, "warning", "host"),
    ("Disk almost full", "disk_usage", 85.0, ">=", 600, "warning", "host"),
    ("Host heartbeat lost", "heartbeat_age", 180.0, ">", 0, "critical", "host"),
)


def _end(customer: Customer) -> datetime:
    return customer.deleted_at or T0


def notification_rows(world: World, rng: random.Random) -> list[Row]:
    rows: list[Row] = []
    for customer in world.customers:
        for _ in range(rng.randint(0, 6)):
            kind, level, title, content = rng.choice(NOTICES)
            created = between(rng, customer.created_at, _end(customer))
            read = rng.random() < 0.6
            read_at = between(rng, created, min(T0, created + 2 * DAY)) if read else None
            rows.append(
                (len(rows) + 1, customer.id, title, content, kind, level, read, read_at, created)
            )
    return rows


def audit_log_rows(world: World, rng: random.Random) -> list[Row]:
    entries: list[tuple[datetime, Row]] = []

    def log(
        customer: Customer | None,
        action: str,
        kind: str | None,
        resource: str | None,
        method: str,
        path: str,
        status: int,
        at: datetime,
        error: str | None = None,
    ) -> None:
        ip = f"198.51.100.{rng.randint(1, 254)}"
        entries.append(
            (
                at,
                (
                    customer.id if customer else None,
                    customer.username if customer else "unknown",
                    action,
                    kind,
                    resource,
                    ip,
                    rng.choice(USER_AGENTS),
                    method,
                    path,
                    status,
                    error,
                    at,
                ),
            )
        )

    for customer in world.customers:
        log(
            customer,
            "create",
            "customer",
            str(customer.id),
            "POST",
            "/graphql",
            200,
            customer.created_at,
        )
        for _ in range(rng.randint(0, 4)):
            log(
                customer,
                "login",
                "session",
                None,
                "POST",
                "/graphql",
                200,
                between(rng, customer.created_at, _end(customer)),
            )
        if rng.random() < 0.1:
            log(
                None,
                "login",
                "session",
                None,
                "POST",
                "/graphql",
                401,
                between(rng, customer.created_at, T0),
                "invalid credentials",
            )
    for env in world.environments:
        owner = world.customer(env.user_id)
        log(owner, "create", "environment", env.id, "POST", "/graphql", 200, env.created_at)
        if env.status == "deleted" and env.stopped_at is not None:
            log(owner, "delete", "environment", env.id, "POST", "/graphql", 200, env.stopped_at)
    entries.sort(key=lambda entry: (entry[0], entry[1][3], entry[1][4] or ""))
    return [(number, *row) for number, (_at, row) in enumerate(entries, start=1)]


def alert_rows(world: World, rng: random.Random) -> tuple[list[Row], list[Row]]:
    rules: list[Row] = []
    records: list[Row] = []
    firing: set[tuple[int, str, str]] = set()
    created = T0 - 300 * DAY
    targets: list[tuple[int, int | None, str, float, str, str]] = []
    for name, metric, threshold, comparison, duration, severity, kind in PLATFORM_RULES:
        rules.append(
            (
                len(rules) + 1,
                None,
                name,
                f"Platform-wide rule: {name.lower()}",
                metric,
                threshold,
                comparison,
                duration,
                severity,
                True,
                created,
                created,
            )
        )
        targets.append((len(rules), None, kind, threshold, metric, severity))
    live = [e for e in world.environments if e.status in ("running", "stopped")]
    owners = sorted({e.user_id for e in live})
    for customer_id in rng.sample(owners, max(1, len(owners) // 10)) if owners else []:
        at = between(rng, world.customer(customer_id).created_at, T0 - DAY)
        rules.append(
            (
                len(rules) + 1,
                customer_id,
                "My GPUs idle",
                "Allocated GPU below 5%",
                "gpu_usage",
                5.0,
                "<",
                3600,
                "info",
                rng.random() < 0.9,
                at,
                at,
            )
        )
        targets.append((len(rules), customer_id, "environment", 5.0, "gpu_usage", "info"))
    envs_by_owner: dict[int, list[str]] = {}
    for env in live:
        envs_by_owner.setdefault(env.user_id, []).append(env.id)
    for rule_id, rule_owner, kind, threshold, metric, severity in targets:
        if kind == "host":
            pool = [h.id for h in world.hosts]
        elif kind == "gpu":
            pool = [str(g.id) for g in world.gpus]
        else:
            pool = envs_by_owner.get(rule_owner or 0, [])
        for _ in range(max(1, len(pool) // 4)):
            resource = rng.choice(pool)
            triggered = between(rng, T0 - 30 * DAY, T0 - MINUTE)
            key = (rule_id, kind, resource)
            status = "firing" if key not in firing and rng.random() < 0.15 else "resolved"
            if status == "firing":
                firing.add(key)
            value = threshold * (0.5 if metric == "gpu_usage" else 1.0) + rng.uniform(0.5, 8)
            resolved = between(rng, triggered, min(T0, triggered + 6 * HOUR))
            records.append(
                (
                    len(records) + 1,
                    rule_id,
                    rule_owner,
                    kind,
                    resource,
                    metric,
                    round(value, 2),
                    threshold,
                    severity,
                    status,
                    f"{metric} {value:.1f} crossed {threshold}",
                    triggered,
                    resolved if status == "resolved" else None,
                )
            )
    return rules, records


def webhook_rows(world: World, rng: random.Random) -> tuple[list[Row], list[Row]]:
    hooks: list[Row] = []
    logs: list[Row] = []
    active = [c for c in world.customers if c.status == "active"]
    for customer in rng.sample(active, max(2, len(active) // 12)):
        for _ in range(rng.randint(1, 2)):
            hook_id = len(hooks) + 1
            events = sorted(rng.sample(WEBHOOK_EVENTS, rng.randint(1, 5)))
            created = between(rng, customer.created_at, T0 - DAY)
            hooks.append(
                (
                    hook_id,
                    customer.id,
                    f"{customer.username} hook {hook_id}",
                    f"https://hooks.example.com/remotegpu/{customer.id}/{hook_id}",
                    f"whsec_{hex_token(rng, 24)}",
                    events,
                    rng.random() < 0.85,
                    created,
                    created,
                )
            )
            moment = created
            for _ in range(rng.randint(2, 8)):
                moment = between(rng, moment, min(T0, moment + 5 * DAY))
                event = rng.choice(events)
                ok = rng.random() < 0.85
                payload = {
                    "type": event,
                    "id": f"evt_{make_uuid(rng).hex}",
                    "timestamp": moment.isoformat(),
                    "data": {"customer_id": customer.id},
                }
                logs.append(
                    (
                        len(logs) + 1,
                        hook_id,
                        event,
                        json.dumps(payload),
                        200 if ok else rng.choice((500, 502, 503)),
                        "ok" if ok else "upstream error",
                        None if ok else "non-2xx response",
                        moment + timedelta(milliseconds=120),
                    )
                )
    return hooks, logs
