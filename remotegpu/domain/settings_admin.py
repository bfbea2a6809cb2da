"""Changing platform settings (system_configs): typed values and the cross-key rules.

Port ranges are read by port allocation and by the invariant checker, so the rules hold for
the state after the change, with every range row locked: each range is 1..65535 with
start < end, the ssh/rdp/jupyter/custom ranges do not overlap, and active port mappings stay
inside their service's range. `max_environments_per_user` may not drop below what a customer
already runs (the invariant `quotas` would report it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Environment, PortMapping, SystemConfig
from remotegpu.domain.enums import ConfigType, PortServiceType
from remotegpu.domain.errors import DomainError, ErrorCode

KEY_MAX = 128
VALUE_MAX = 10_000
DESCRIPTION_MAX = 2000
_KEY = re.compile(r"^[a-z][a-z0-9_.-]*$")
_INTEGER = re.compile(r"^[+-]?[0-9]{1,18}$")  # fits BIGINT, and PostgreSQL's ::int casts

PORT_SERVICES = tuple(PortServiceType)
PORT_MIN, PORT_MAX = 1, 65_535
# Live environments hold their resources (and count against the cap) in these statuses.
LIVE_STATUSES = ("creating", "running")


def _range_keys(service: str) -> tuple[str, str]:
    return f"{service}_port_range_start", f"{service}_port_range_end"


PORT_KEYS = frozenset(k for s in PORT_SERVICES for k in _range_keys(s))
# Keys the platform reads, with the only type they may have.
_KNOWN_TYPES: dict[str, ConfigType] = {
    **dict.fromkeys(PORT_KEYS, ConfigType.INTEGER),
    "max_environments_per_user": ConfigType.INTEGER,
    "default_environment_timeout": ConfigType.INTEGER,
    "system_name": ConfigType.STRING,
    "system_version": ConfigType.STRING,
}
_NON_NEGATIVE = frozenset({"max_environments_per_user", "default_environment_timeout"})


@dataclass(frozen=True)
class ConfigChange:
    key: str
    value: str
    config_type: str | None = None  # required for a new key; must match for an existing one
    description: str | None = None  # None keeps the stored one
    is_public: bool | None = None  # None keeps the stored one (false for a new key)


def _bad_value(message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID_INPUT, message, "value")


def _parse_type(config_type: str) -> ConfigType:
    try:
        return ConfigType(config_type)
    except ValueError:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "configType must be string, integer, boolean or json",
            "config_type",
        ) from None


def normalize_value(config_type: ConfigType, value: str) -> str:
    """The value as stored: integers and booleans in canonical form; json and strings as given."""
    if len(value) > VALUE_MAX:
        raise _bad_value(f"value must be at most {VALUE_MAX} characters")
    if config_type is ConfigType.INTEGER:
        if not _INTEGER.match(value.strip()):
            raise _bad_value(f"value {value!r} is not an integer")
        return str(int(value.strip()))
    if config_type is ConfigType.BOOLEAN:
        lowered = value.strip().lower()
        if lowered not in ("true", "false"):
            raise _bad_value("value must be true or false")
        return lowered
    if config_type is ConfigType.JSON:
        try:
            json.loads(value)
        except ValueError:
            raise _bad_value("value is not valid JSON") from None
    return value


def _check_key_value(key: str, value: str) -> None:
    """Single-key rules of the settings the platform reads."""
    if key in PORT_KEYS and not PORT_MIN <= int(value) <= PORT_MAX:
        raise _bad_value(f"{key} must be a port between {PORT_MIN} and {PORT_MAX}")
    if key in _NON_NEGATIVE and int(value) < 0:
        raise _bad_value(f"{key} must be 0 or more")
    if key.startswith("price_"):
        try:
            price = Decimal(value.strip())
        except InvalidOperation:
            raise _bad_value(f"{key} must be a decimal amount") from None
        if not price.is_finite() or price < 0:
            raise _bad_value(f"{key} must be a decimal amount of 0 or more")


async def _lock_port_ranges(session: AsyncSession) -> dict[str, str]:
    """Every port range row, locked in key order before anything else is locked, so two
    admins changing different bounds wait for each other instead of each making half of an
    overlap (or deadlocking)."""
    stmt = (
        select(SystemConfig.config_key, SystemConfig.config_value)
        .where(SystemConfig.config_key.in_(sorted(PORT_KEYS)))
        .order_by(SystemConfig.config_key)
        .with_for_update()
    )
    return {k: v for k, v in (await session.execute(stmt)).all()}


async def _check_port_ranges(
    session: AsyncSession, stored: dict[str, str], key: str, value: str
) -> None:
    """The ranges as they will be after the change."""
    stored = {**stored}
    stored[key] = value
    ranges: dict[str, tuple[int, int]] = {}
    for service in PORT_SERVICES:
        start_key, end_key = _range_keys(service)
        if start_key not in stored or end_key not in stored:
            continue
        try:
            start, end = int(stored[start_key]), int(stored[end_key])
        except ValueError:
            raise _bad_value(f"the stored {service} range is not numeric; fix it first") from None
        if start >= end:
            raise _bad_value(
                f"{service} port range would be {start}..{end}: the start must be below the end"
            )
        ranges[service] = (start, end)
    changed = key.split("_port_range_", 1)[0]
    if changed in ranges:
        start, end = ranges[changed]
        for other, (o_start, o_end) in ranges.items():
            if other != changed and start <= o_end and o_start <= end:
                raise _bad_value(
                    f"{changed} port range {start}..{end} would overlap the {other} range "
                    f"{o_start}..{o_end}"
                )
        outside = await session.scalar(
            select(func.count())
            .select_from(PortMapping)
            .where(
                PortMapping.service_type == changed,
                PortMapping.status == "active",
                ~PortMapping.external_port.between(start, end),
            )
        )
        if outside:
            raise DomainError(
                ErrorCode.IN_USE,
                f"{outside} active {changed} port mapping(s) lie outside {start}..{end}; "
                "release them first",
                "value",
            )


async def _check_environment_cap(session: AsyncSession, cap: int) -> None:
    busiest = await session.scalar(
        select(func.count())
        .select_from(Environment)
        .where(Environment.status.in_(LIVE_STATUSES))
        .group_by(Environment.user_id)
        .order_by(func.count().desc())
        .limit(1)
    )
    if busiest is not None and busiest > cap:
        raise DomainError(
            ErrorCode.IN_USE,
            f"a customer already runs {busiest} environments; the cap cannot go below that",
            "value",
        )


async def set_config(session: AsyncSession, viewer: Viewer, change: ConfigChange) -> SystemConfig:
    """Create or update one setting (platform admins only)."""
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    if not viewer.is_admin or viewer.is_agent:
        raise DomainError(ErrorCode.FORBIDDEN, "only platform admins may change settings")
    key = change.key.strip()
    if not 1 <= len(key) <= KEY_MAX or not _KEY.match(key):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"key must be 1 to {KEY_MAX} characters: lowercase letters, digits, _ . -, "
            "starting with a letter",
            "key",
        )
    if change.description is not None and len(change.description) > DESCRIPTION_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"description must be at most {DESCRIPTION_MAX} characters",
            "description",
        )
    requested = None if change.config_type is None else _parse_type(change.config_type)
    port_ranges = await _lock_port_ranges(session) if key in PORT_KEYS else None
    row = (
        await session.execute(
            select(SystemConfig).where(SystemConfig.config_key == key).with_for_update()
        )
    ).scalar_one_or_none()
    if row is not None:
        stored = next((t for t in ConfigType if t.value == row.config_type), None)
        if requested is not None and requested is not stored:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                f"{key} is of type {row.config_type}; its type cannot be changed",
                "config_type",
            )
        config_type = requested or stored or ConfigType.STRING
    else:
        if requested is None:
            raise DomainError(
                ErrorCode.INVALID_INPUT,
                "configType is required for a new key",
                "config_type",
            )
        config_type = requested
    known = _KNOWN_TYPES.get(key)
    if known is not None and config_type is not known:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"{key} must be of type {known.value}", "config_type"
        )
    value = normalize_value(config_type, change.value)
    _check_key_value(key, value)
    if port_ranges is not None:
        await _check_port_ranges(session, port_ranges, key, value)
    if key == "max_environments_per_user":
        await _check_environment_cap(session, int(value))

    if row is None:
        row = SystemConfig(
            config_key=key,
            config_value=value,
            config_type=config_type.value,
            description=change.description,
            is_public=bool(change.is_public),
        )
        # A missing key cannot be locked: a concurrent insert of the same key loses here.
        try:
            async with session.begin_nested():
                session.add(row)
                await session.flush()
        except IntegrityError:
            raise DomainError(
                ErrorCode.CONFLICT, f"{key} was created concurrently; retry", "key"
            ) from None
        return row
    row.config_value = value
    if change.description is not None:
        row.description = change.description
    if change.is_public is not None:
        row.is_public = change.is_public
    await session.flush()
    return row
