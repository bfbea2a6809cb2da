"""Types of the identity area: login sessions and API tokens. No field ever exposes a hash."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from remotegpu.db.models import ApiToken as ApiTokenRow
from remotegpu.schema.types.payload import Payload, payload


@strawberry.enum(
    description=(
        "What an API token may do. READ: read what the owner may see; WRITE: change what the "
        "owner may change; AGENT: a host agent reporting heartbeats and metrics of its one "
        "host (created by admins only, never combined with other scopes)."
    )
)
class ApiTokenScope(Enum):
    READ = "read"
    WRITE = "write"
    AGENT = "agent"


@strawberry.type(description="A long-lived API token of the viewer; the secret is never shown.")
class ApiToken:
    row_id: int = strawberry.field(description="Primary key of the token (api_tokens.id).")
    name: str = strawberry.field(description="Name given by the owner.")
    prefix: str = strawberry.field(
        description="Visible part of the token: it reads `rgp_<prefix>_...`."
    )
    scopes: list[ApiTokenScope] = strawberry.field(description="What the token may do.")
    host_id: str | None = strawberry.field(
        description="Host an agent token speaks for; null for other tokens."
    )
    expires_at: datetime | None = strawberry.field(
        description="When the token stops working (UTC); null = never."
    )
    last_used_at: datetime | None = strawberry.field(
        description="Last request made with the token (UTC, to the minute); null = never used."
    )
    revoked_at: datetime | None = strawberry.field(
        description="When the token was revoked (UTC); null while it is live."
    )
    created_at: datetime = strawberry.field(description="Creation time (UTC).")

    @classmethod
    def from_row(cls, row: ApiTokenRow) -> ApiToken:
        return cls(
            row_id=row.id,
            name=row.name,
            prefix=row.prefix,
            scopes=[ApiTokenScope(s) for s in row.scopes],
            host_id=row.host_id,
            expires_at=row.expires_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
            created_at=row.created_at,
        )


# --- inputs ----------------------------------------------------------------------------------


@strawberry.input(description="Credentials of a login.")
class LoginInput:
    login: str = strawberry.field(description="Username or e-mail address (case-insensitive).")
    password: str = strawberry.field(description="The account's password.")


@strawberry.input(description="A refresh token to exchange for a new token pair.")
class TokenRefreshInput:
    refresh_token: str = strawberry.field(
        description="The refresh token of the last login or refresh; it works once."
    )


@strawberry.input(description="Which sessions to end.")
class LogoutInput:
    refresh_token: str | None = strawberry.field(
        default=None,
        description=(
            "End the session of this refresh token (works without an access token). "
            "Omitted: end every session of the viewer (needs authentication)."
        ),
    )


@strawberry.input(description="A new API token of the viewer.")
class ApiTokenCreateInput:
    name: str = strawberry.field(description="Name to tell the token apart (1 to 128 characters).")
    scopes: list[ApiTokenScope] = strawberry.field(
        description="What the token may do: READ and/or WRITE, or AGENT alone."
    )
    host_id: str | None = strawberry.field(
        default=None, description="Host an AGENT token speaks for; required for AGENT only."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the token stops working (UTC); omitted = never."
    )


@strawberry.input(description="The API token to revoke.")
class ApiTokenRevokeInput:
    row_id: int = strawberry.field(description="rowId of the token.")


# --- payloads --------------------------------------------------------------------------------


@payload(
    "Result of `login`: a token pair, or why there is none.",
    errors="Why the login failed; empty on success.",
)
class LoginPayload(Payload):
    access_token: str | None = strawberry.field(
        default=None, description="Bearer token for `Authorization: Bearer ...`; short-lived."
    )
    refresh_token: str | None = strawberry.field(
        default=None, description="Single-use token to get the next pair with `tokenRefresh`."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the access token expires (UTC)."
    )
    refresh_expires_at: datetime | None = strawberry.field(
        default=None, description="When the refresh token expires (UTC)."
    )


@payload(
    "Result of `tokenRefresh`: the next token pair, or why not.",
    errors="Why the refresh failed; empty on success.",
)
class TokenRefreshPayload(Payload):
    access_token: str | None = strawberry.field(
        default=None, description="New bearer token; short-lived."
    )
    refresh_token: str | None = strawberry.field(
        default=None, description="New single-use refresh token; the one sent is now spent."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the access token expires (UTC)."
    )
    refresh_expires_at: datetime | None = strawberry.field(
        default=None, description="When the refresh token expires (UTC)."
    )


@payload("Result of `logout`.", errors="Why the logout failed; empty on success.")
class LogoutPayload(Payload):
    revoked_count: int = strawberry.field(
        default=0, description="Refresh tokens revoked (all tokens of the sessions ended)."
    )


@payload(
    "Result of `apiTokenCreate`: the token, its secret shown once.",
    errors="Why no token was created; empty on success.",
)
class ApiTokenCreatePayload(Payload):
    api_token: ApiToken | None = strawberry.field(
        default=None, description="The new token's description."
    )
    token: str | None = strawberry.field(
        default=None,
        description="The secret token (rgp_...). Shown only here, once: store it now.",
    )


@payload("Result of `apiTokenRevoke`.", errors="Why the token was not revoked; empty on success.")
class ApiTokenRevokePayload(Payload):
    api_token: ApiToken | None = strawberry.field(
        default=None, description="The revoked token (revokedAt set)."
    )
