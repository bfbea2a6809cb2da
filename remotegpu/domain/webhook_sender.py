"""One HTTP attempt of a webhook delivery: the SSRF guard again, a pinned address, a signature.

The URL is checked again and its host resolved at each attempt (`delivery_addresses`), and
the connection goes to one of the checked addresses: the request's URL carries the address,
while the Host header and the TLS server name (SNI, and the certificate check) carry the
host name. A DNS answer that changes between the check and the connection (DNS rebinding)
therefore cannot send the request anywhere the check did not see. Redirects are not
followed (a 3xx is a failed attempt): a redirect could point past the guard.

Signing is the `standardwebhooks` library's (Standard Webhooks: `webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import certifi
import httpx
from standardwebhooks import Webhook as Signer

from remotegpu.domain.errors import DomainError
from remotegpu.domain.webhooks import SECRET_PREFIX, delivery_addresses

RESPONSE_BODY_MAX = 4096  # characters of the endpoint's answer kept in webhook_logs
ERROR_MESSAGE_MAX = 1000
USER_AGENT = "RemoteGPU-Webhooks/1"

# Error classes recorded in webhook_logs.error_class besides httpx's exception names.
ADDRESS_REFUSED = "AddressRefused"
HTTP_STATUS = "HttpStatus"
INVALID_SECRET = "InvalidSecret"  # noqa: S105  # an error class, not a secret
DELIVERY_TIMEOUT = "DeliveryTimeout"


@dataclass(frozen=True)
class SendOptions:
    allowlist: Sequence[str] = ()
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    ca_file: Path | None = None


@dataclass(frozen=True)
class AttemptResult:
    """What one attempt came to; `error_class` is None exactly when it succeeded (2xx)."""

    status_code: int | None = None
    response_body: str | None = None
    duration_ms: int | None = None
    error_class: str | None = None
    error_message: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.error_class is None


def signer(secret: str | None) -> Signer:
    """The signing key: a `whsec_<base64>` secret is decoded as the spec says; any other secret
    (set by hand) signs with its UTF-8 bytes as they are."""
    if not secret:
        raise ValueError("the webhook has no signing secret")
    if secret.startswith(SECRET_PREFIX):
        return Signer(secret)
    return Signer(secret.encode())


def signed_headers(secret: str | None, message_id: str, body: bytes) -> dict[str, str]:
    """The Standard Webhooks headers of `body`, stamped now (receivers reject old stamps)."""
    now = datetime.now(UTC)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signer(secret).sign(message_id, now, body),
    }


@cache
def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """httpx's own trust (certifi) plus the deployment's extra authorities, if any."""
    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file is not None:
        context.load_verify_locations(cafile=str(ca_file))
    return context


def _pinned(url: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    parts = urlsplit(url)
    literal = f"[{address}]" if address.version == 6 else str(address)
    return urlunsplit(parts._replace(netloc=f"{literal}:{parts.port or 443}"))


async def send(
    url: str, secret: str | None, message_id: str, body: bytes, options: SendOptions
) -> AttemptResult:
    """POST `body` to `url` once, signed; never raises for what the endpoint or network does."""
    try:
        addresses = await delivery_addresses(url, options.allowlist)
    except DomainError as refused:
        return AttemptResult(error_class=ADDRESS_REFUSED, error_message=refused.message)
    try:
        headers = signed_headers(secret, message_id, body)
    except ValueError as bad:  # binascii.Error is a ValueError: a whsec_ secret not base64
        return AttemptResult(error_class=INVALID_SECRET, error_message=str(bad))
    parts = urlsplit(url)
    headers |= {"host": parts.netloc, "content-type": "application/json", "user-agent": USER_AGENT}
    timeout = httpx.Timeout(
        options.read_timeout, connect=options.connect_timeout, pool=options.connect_timeout
    )
    # trust_env=False: a proxy from the environment would make its own DNS lookup.
    async with httpx.AsyncClient(
        timeout=timeout,
        verify=_tls_context(options.ca_file),
        follow_redirects=False,
        trust_env=False,
    ) as client:
        result = AttemptResult(error_class="ConnectError", error_message="no address to try")
        for address in addresses:
            result = await _post(client, _pinned(url, address), parts.hostname or "", headers,
                                 body, options)  # fmt: skip
            if result.error_class != "ConnectError":
                break  # only a refused connection is worth the host's next address
        return result


async def _post(
    client: httpx.AsyncClient,
    target: str,
    server_name: str,
    headers: dict[str, str],
    body: bytes,
    options: SendOptions,
) -> AttemptResult:
    started = time.perf_counter()

    def elapsed() -> int:
        return round((time.perf_counter() - started) * 1000)

    # The read timeout bounds each read; this bounds an endpoint that trickles its answer.
    deadline = options.connect_timeout + 2 * options.read_timeout
    try:
        async with asyncio.timeout(deadline):
            request = client.build_request(
                "POST", target, content=body, headers=headers,
                extensions={"sni_hostname": server_name},
            )  # fmt: skip
            response = await client.send(request, stream=True)
            try:
                text = await _head_of_body(response)
            finally:
                await response.aclose()
    except TimeoutError:
        return AttemptResult(
            duration_ms=elapsed(),
            error_class=DELIVERY_TIMEOUT,
            error_message=f"no complete answer within {deadline:g} s",
        )
    except httpx.HTTPError as failed:
        return AttemptResult(
            duration_ms=elapsed(),
            error_class=type(failed).__name__,
            error_message=(str(failed) or type(failed).__name__)[:ERROR_MESSAGE_MAX],
        )
    ok = 200 <= response.status_code < 300
    return AttemptResult(
        status_code=response.status_code,
        response_body=text,
        duration_ms=elapsed(),
        error_class=None if ok else HTTP_STATUS,
        error_message=None if ok else f"the endpoint answered HTTP {response.status_code}",
    )


async def _head_of_body(response: httpx.Response) -> str:
    """The first RESPONSE_BODY_MAX characters of the answer; the rest is not read."""
    kept = bytearray()
    async for chunk in response.aiter_bytes():
        kept += chunk
        if len(kept) >= RESPONSE_BODY_MAX * 4:  # 4 bytes per character at most
            break
    return kept.decode("utf-8", errors="replace")[:RESPONSE_BODY_MAX]
