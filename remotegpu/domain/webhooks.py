"""Webhook registration: https URLs to public addresses, event subscriptions, signing secrets.

The signing secret (Standard Webhooks style `whsec_<base64>`) is returned once, by create and
rotate, and is never readable again. The URL check is the registration half of the SSRF
guard (the dispatcher checks again at each delivery, since DNS answers change): the host must
resolve only to public addresses unless the deployment allow-lists it (tests, private hooks).
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import secrets
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, delete, false, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import Webhook, WebhookLog
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.domain.events import WEBHOOK_EVENTS
from remotegpu.domain.validators import clean_name

NAME_MAX = 256
URL_MAX = 512
SECRET_MIN = 24
SECRET_MAX = 256
SECRET_PREFIX = "whsec_"  # noqa: S105  # a format prefix, not a secret
RESOLVE_TIMEOUT_SECONDS = 3.0

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


@dataclass(frozen=True)
class WebhookChanges:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    url: str | None = None
    events: Sequence[str] | None = None
    enabled: bool | None = None


@dataclass(frozen=True)
class WebhookWithSecret:
    """A webhook and its signing secret in clear: only ever returned by create and rotate."""

    webhook: Webhook
    secret: str


def generate_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def _clean_secret(secret: str | None) -> str:
    if secret is None:
        return generate_secret()
    if not SECRET_MIN <= len(secret) <= SECRET_MAX or any(c.isspace() for c in secret):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"secret must be {SECRET_MIN} to {SECRET_MAX} characters without spaces; "
            "omit it to have one generated",
            "secret",
        )
    return secret


def _clean_events(events: Sequence[str]) -> list[str]:
    """A non-empty set of the catalogue's webhook event types, stored in the catalogue's order
    (no duplicates); platform-internal events (host status, access revoked) are refused."""
    wanted = set(events)
    known = {e.value for e in WEBHOOK_EVENTS}
    if not wanted or not wanted <= known:
        unknown = ", ".join(sorted(wanted - known))
        message = (
            "subscribe to at least one event type"
            if not wanted
            else f"unknown event types: {unknown}"
        )
        raise DomainError(ErrorCode.INVALID_INPUT, message, "events")
    return [e.value for e in WEBHOOK_EVENTS if e.value in wanted]


# --- the URL check -------------------------------------------------------------------------


def is_public_address(address: IPAddress) -> bool:
    """True for addresses on the public internet; False for anything internal or special."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public_address(address.ipv4_mapped)
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    ):
        return False
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return False
    # is_global also rules out the special blocks the flags above miss (documentation,
    # benchmarking, 6to4 relays, ...).
    return address.is_global


def _allowed(host: str, address: IPAddress | None, allowlist: Sequence[str]) -> bool:
    for entry in allowlist:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry == host:
            return True
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                continue  # a host name entry, not a network
    return False


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def _resolve(host: str, port: int) -> list[IPAddress]:
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (TimeoutError, OSError):
        return []
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"): it is never public anyway.
        address = _literal(str(sockaddr[0]).split("%", 1)[0])
        if address is not None:
            found.append(address)
    return found


def _refuse(message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID_INPUT, message, "url")


def _parse(url: str) -> tuple[str, str, int]:
    """The stripped URL, its host (lower case) and port, if its form is acceptable: https,
    no credentials, no spaces or control characters."""
    url = url.strip()
    if not url or len(url) > URL_MAX:
        raise _refuse(f"url must be 1 to {URL_MAX} characters")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise _refuse("url must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port or 443
    except ValueError:
        raise _refuse("url is not a valid URL") from None
    if parts.scheme.lower() != "https":
        raise _refuse("url must use https")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refuse("url must not contain credentials (user:password@)")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise _refuse("url must name a host")
    return url, host, port


async def _checked_addresses(host: str, port: int, allowlist: Sequence[str]) -> list[IPAddress]:
    """Every address `host` resolves to now, if each is public or allow-listed."""
    addresses = await _resolve(host, port)
    if not addresses:
        raise _refuse(f"url host {host} could not be resolved")
    for address in addresses:
        if not is_public_address(address) and not _allowed(host, address, allowlist):
            raise _refuse(f"url host {host} resolves to {address}, which is not a public address")
    return addresses


async def check_url(url: str, allowlist: Sequence[str] = ()) -> str:
    """The URL, if it is https without credentials and its host is public (or allow-listed)."""
    url, host, port = _parse(url)
    literal = _literal(host)
    if _allowed(host, literal, allowlist):
        return url
    if literal is not None:
        if not is_public_address(literal):
            raise _refuse(f"url host {host} is not a public address")
        return url
    await _checked_addresses(host, port, allowlist)
    return url


async def delivery_addresses(url: str, allowlist: Sequence[str] = ()) -> list[IPAddress]:
    """The guard of `check_url` again, at delivery, and the addresses to connect to: the host is
    resolved now (DNS answers change after registration) and every answer must pass; the
    caller connects to one of exactly these (no second lookup a rebinding DNS could answer
    differently). IPv4 first. An allow-listed host name is resolved but not checked."""
    url, host, port = _parse(url)
    literal = _literal(host)
    if literal is not None:
        if not is_public_address(literal) and not _allowed(host, literal, allowlist):
            raise _refuse(f"url host {host} is not a public address")
        return [literal]
    if _allowed(host, None, allowlist):
        addresses = await _resolve(host, port)
        if not addresses:
            raise _refuse(f"url host {host} could not be resolved")
    else:
        addresses = await _checked_addresses(host, port, allowlist)
    return sorted(addresses, key=lambda address: address.version)


# --- the mutations -------------------------------------------------------------------------


def _writer_id(viewer: Viewer) -> int:
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "log in first")
    return viewer.customer_id


def hooks_writable_by(viewer: Viewer) -> ColumnElement[bool]:
    """Webhooks the viewer may change: admins all, customers their own, agents none."""
    if viewer.is_admin and not viewer.is_agent:
        return true()
    if viewer.customer_id is None or viewer.is_agent:
        return false()
    mine: ColumnElement[bool] = Webhook.customer_id == viewer.customer_id
    return mine


async def lock_webhook(session: AsyncSession, viewer: Viewer, webhook_id: int) -> Webhook:
    """The webhook, locked; another tenant's webhook is NOT_FOUND exactly like a missing one."""
    stmt = (
        select(Webhook).where(Webhook.id == webhook_id, hooks_writable_by(viewer)).with_for_update()
    )
    hook = (await session.execute(stmt)).scalar_one_or_none()
    if hook is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"webhook {webhook_id} not found", "row_id")
    return hook


async def create_webhook(
    session: AsyncSession,
    viewer: Viewer,
    *,
    name: str,
    url: str,
    events: Sequence[str],
    secret: str | None = None,
    enabled: bool = True,
    allowlist: Sequence[str] = (),
) -> WebhookWithSecret:
    """A webhook of the viewer. The URL is checked (DNS included) before any row is touched,
    so no database connection waits on a slow resolver."""
    customer_id = _writer_id(viewer)
    cleaned_name = clean_name(name, NAME_MAX)
    clean_events = _clean_events(events)
    clean_secret = _clean_secret(secret)
    clean_url = await check_url(url, allowlist)
    hook = Webhook(
        customer_id=customer_id,
        name=cleaned_name,
        url=clean_url,
        secret=clean_secret,
        events=clean_events,
        enabled=enabled,
    )
    session.add(hook)
    await session.flush()
    return WebhookWithSecret(hook, clean_secret)


async def update_webhook(
    session: AsyncSession,
    viewer: Viewer,
    webhook_id: int,
    changes: WebhookChanges,
    *,
    allowlist: Sequence[str] = (),
) -> Webhook:
    _writer_id(viewer)
    name = None if changes.name is None else clean_name(changes.name, NAME_MAX)
    events = None if changes.events is None else _clean_events(changes.events)
    url = None if changes.url is None else await check_url(changes.url, allowlist)
    hook = await lock_webhook(session, viewer, webhook_id)
    if name is not None:
        hook.name = name
    if url is not None:
        hook.url = url
    if events is not None:
        hook.events = events
    if changes.enabled is not None:
        hook.enabled = changes.enabled
    await session.flush()
    return hook


async def rotate_secret(
    session: AsyncSession, viewer: Viewer, webhook_id: int, secret: str | None = None
) -> WebhookWithSecret:
    """Replace the signing secret at once; the old one stops signing with the next delivery."""
    _writer_id(viewer)
    new_secret = _clean_secret(secret)
    hook = await lock_webhook(session, viewer, webhook_id)
    hook.secret = new_secret
    await session.flush()
    return WebhookWithSecret(hook, new_secret)


async def delete_webhook(session: AsyncSession, viewer: Viewer, webhook_id: int) -> Webhook:
    """Delete a webhook and its delivery log: the log is only reachable through the webhook,
    and a log row of a missing webhook breaks `ref:webhook_logs.webhook_id`."""
    _writer_id(viewer)
    hook = await lock_webhook(session, viewer, webhook_id)
    await session.execute(delete(WebhookLog).where(WebhookLog.webhook_id == webhook_id))
    await session.execute(delete(Webhook).where(Webhook.id == webhook_id))
    return hook
