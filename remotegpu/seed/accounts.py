"""Customers, their workspaces and memberships, and their resource quotas."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import timedelta

from remotegpu.seed.catalog import COMPANIES, EMAIL_DOMAINS, FIRST_NAMES, GIB, LAST_NAMES, TIB
from remotegpu.seed.entities import Customer, Row, Workspace, World
from remotegpu.seed.ids import make_uuid
from remotegpu.seed.passwords import demo_password_hash
from remotegpu.seed.scales import Scale
from remotegpu.seed.timeline import DAY, PLATFORM_START, T0, between

CUSTOMER_COLUMNS = (
    "id",
    "uuid",
    "username",
    "email",
    "password_hash",
    "display_name",
    "avatar_url",
    "phone",
    "full_name",
    "company",
    "user_type",
    "account_type",
    "status",
    "email_verified",
    "phone_verified",
    "last_login_at",
    "created_at",
    "updated_at",
    "deleted_at",
)
WORKSPACE_COLUMNS = (
    "id",
    "uuid",
    "owner_id",
    "name",
    "description",
    "type",
    "member_count",
    "status",
    "created_at",
    "updated_at",
)
MEMBER_COLUMNS = ("id", "workspace_id", "customer_id", "role", "status", "joined_at", "created_at")
QUOTA_COLUMNS = (
    "id",
    "user_id",
    "quota_level",
    "cpu_quota",
    "memory_quota",
    "gpu_quota",
    "storage_quota",
    "environment_quota",
    "created_at",
    "updated_at",
)

# (level, cpu cores, memory MB, gpus, storage bytes, environments), smallest first.
QUOTA_TIERS: tuple[tuple[str, int, int, int, int, int], ...] = (
    ("free", 4, 8192, 0, 10 * GIB, 1),
    ("basic", 16, 65536, 2, 200 * GIB, 3),
    ("pro", 64, 524288, 8, 2 * TIB, 10),
    ("enterprise", 512, 4194304, 64, 20 * TIB, 10),
)
# What a new customer gets by user type (domain rules); admins are effectively unlimited.
DEFAULT_QUOTAS: dict[str, tuple[str, int, int, int, int, int]] = {
    "external": ("free", 4, 8192, 0, 10 * GIB, 1),
    "internal": ("basic", 16, 32768, 2, 200 * GIB, 10),
    "admin": ("enterprise", 4096, 16777216, 512, 1024 * TIB, 100),
}
LEVEL_RANK = {level: rank for rank, (level, *_rest) in enumerate(QUOTA_TIERS)}

FIXED_ACCOUNTS = (
    ("admin", "admin", "individual", "Platform Admin"),
    ("alice", "external", "individual", "Alice Example"),
    ("bob", "internal", "enterprise", "Bob Example"),
)


def build_customers(world: World, scale: Scale, rng: random.Random) -> None:
    for index in range(1, scale.customers + 1):
        created = between(rng, PLATFORM_START, T0 - 3 * DAY)
        if index <= len(FIXED_ACCOUNTS):
            username, user_type, account_type, _ = FIXED_ACCOUNTS[index - 1]
            created = PLATFORM_START + index * DAY
            world.customers.append(
                Customer(index, username, user_type, account_type, "active", created)
            )
            continue
        roll = rng.random()
        user_type = "admin" if roll < 0.02 else "internal" if roll < 0.25 else "external"
        account_type = "enterprise" if rng.random() < 0.3 else "individual"
        roll = rng.random()
        status = "suspended" if roll < 0.05 else "deleted" if roll < 0.10 else "active"
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        customer = Customer(
            index, f"{first}.{last}.{index}".lower(), user_type, account_type, status, created
        )
        if status == "deleted":
            customer.deleted_at = between(rng, max(created, T0 - 60 * DAY) + DAY, T0 - DAY)
        world.customers.append(customer)


def customer_rows(world: World, rng: random.Random) -> Iterator[Row]:
    password_hash = demo_password_hash()
    for customer in world.customers:
        if customer.id <= len(FIXED_ACCOUNTS):
            display = FIXED_ACCOUNTS[customer.id - 1][3]
            email = f"{customer.username}@remotegpu.example"
            company: str | None = "RemoteGPU"
        else:
            first, last, _ = customer.username.split(".")
            display = f"{first.title()} {last.title()}"
            email = f"{customer.username}@{rng.choice(EMAIL_DOMAINS)}"
            company = rng.choice(COMPANIES) if customer.account_type == "enterprise" else None
        active = customer.status == "active"
        last_login = between(rng, T0 - 20 * DAY, T0) if active else None
        updated = customer.deleted_at or last_login or customer.created_at
        phone = f"+1-555-{rng.randrange(10000):04d}" if rng.random() < 0.6 else None
        yield (
            customer.id,
            make_uuid(rng),
            customer.username,
            email,
            password_hash,
            display,
            f"https://avatars.remotegpu.example/{customer.username}.png",
            phone,
            display,
            company,
            customer.user_type,
            customer.account_type,
            customer.status,
            active or rng.random() < 0.5,
            phone is not None and rng.random() < 0.7,
            last_login,
            customer.created_at,
            updated,
            customer.deleted_at,
        )


def build_workspaces(world: World, scale: Scale, rng: random.Random) -> list[Row]:
    """Workspaces and member rows; member_count is derived from the rows, never guessed."""
    members: list[Row] = []

    def add_member(ws: Workspace, customer: Customer, role: str, status: str) -> None:
        joined = between(rng, max(ws.created_at, customer.created_at), T0 - DAY)
        if role == "owner":
            joined = ws.created_at
        members.append((len(members) + 1, ws.id, customer.id, role, status, joined, joined))
        if status == "active":
            ws.active_member_ids.add(customer.id)

    for customer in world.customers:
        status = "archived" if customer.status == "deleted" else "active"
        ws = Workspace(
            len(world.workspaces) + 1, customer.id, "personal", status, customer.created_at
        )
        world.workspaces.append(ws)
        customer.personal_workspace_id = ws.id
        add_member(ws, customer, "owner", "active")

    active = [c for c in world.customers if c.status == "active"]
    enterprise_owners = [c for c in active if c.account_type == "enterprise"] or active
    teams = max(3, scale.customers // 12)
    enterprises = max(2, scale.customers // 40)
    bob = world.customer(3)
    for number in range(teams + enterprises):
        kind = "team" if number < teams else "enterprise"
        owner = bob if number == 0 else rng.choice(active if kind == "team" else enterprise_owners)
        ws = Workspace(
            len(world.workspaces) + 1,
            owner.id,
            kind,
            "active",
            between(rng, owner.created_at, T0 - 2 * DAY),
        )
        if rng.random() < 0.05 and number > 0:
            ws.status = "archived"
        world.workspaces.append(ws)
        add_member(ws, owner, "owner", "active")
        size = rng.randint(2, 8) if kind == "team" else rng.randint(5, 25)
        others = [c for c in rng.sample(active, min(size + 1, len(active))) if c is not owner]
        if number == 0:
            # The demo team shows every role and an invitation: alice and admin are in it.
            others = [world.customer(2), world.customer(1)] + [
                c for c in others if c.id not in (1, 2)
            ]
        for position, member in enumerate(others[:size]):
            if number == 0 and position < 4:
                role = ("member", "admin", "viewer", "member")[position]
                status = "invited" if position == 3 else "active"
            else:
                roll = rng.random()
                role = "admin" if roll < 0.15 else "viewer" if roll < 0.4 else "member"
                status = "invited" if rng.random() < 0.15 else "active"
            add_member(ws, member, role, status)
    return members


def workspace_rows(world: World, rng: random.Random) -> Iterator[Row]:
    for ws in world.workspaces:
        owner = world.customer(ws.owner_id)
        if ws.type == "personal":
            name, description = f"{owner.username}'s workspace", "Personal workspace"
        else:
            name = (
                f"{rng.choice(('ml', 'cv', 'nlp', 'infra', 'genai', 'robotics'))}-{ws.type}-{ws.id}"
            )
            description = f"Shared {ws.type} workspace"
        yield (
            ws.id,
            make_uuid(rng),
            ws.owner_id,
            name,
            description,
            ws.type,
            len(ws.active_member_ids),
            ws.status,
            ws.created_at,
            ws.created_at + timedelta(hours=1),
        )


def quota_rows(world: World) -> Iterator[Row]:
    """One quota per customer, raised to a tier that covers its environments (never violated)."""
    needs: dict[int, list[int]] = {}
    for env in world.environments:
        if env.status == "deleted":
            continue
        need = needs.setdefault(env.user_id, [0, 0, 0, 0, 0])
        need[0] += env.cpu
        need[1] += math.ceil(env.memory / (1024 * 1024))
        need[2] += env.gpu
        need[3] += env.storage
        need[4] += 1
    for customer in world.customers:
        default = DEFAULT_QUOTAS[customer.user_type]
        need = needs.get(customer.id, [0, 0, 0, 0, 0])
        if all(d >= n for d, n in zip(default[1:], need, strict=True)):
            level, values = default[0], list(default[1:])
        else:
            tier = next(
                (t for t in QUOTA_TIERS if all(v >= n for v, n in zip(t[1:], need, strict=True))),
                QUOTA_TIERS[-1],
            )
            level = max(default[0], tier[0], key=LEVEL_RANK.__getitem__)
            values = [max(d, t, n) for d, t, n in zip(default[1:], tier[1:], need, strict=True)]
        created = customer.created_at
        yield (customer.id, customer.id, level, *values, created, created)
