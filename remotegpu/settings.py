"""One typed settings object. Nothing else in the package reads os.environ."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings from the environment: `DATABASE_URL` and `REMOTEGPU_*`."""

    model_config = SettingsConfigDict(env_prefix="REMOTEGPU_", extra="ignore", frozen=True)

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "REMOTEGPU_DATABASE_URL"),
        description="PostgreSQL URL; when unset an embedded server is started.",
    )
    data_dir: Path = Field(default=Path(".remotegpu"), description="Embedded server data home.")
    environment: Literal["development", "production"] = "development"
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=200)
    db_statement_timeout_ms: int = Field(default=15_000, ge=0)

    # Identity. The development key is public knowledge: production must set its own.
    jwt_secret: str = Field(
        default="dev-only-insecure-jwt-secret-change-me-0123456789", min_length=32
    )
    jwt_issuer: str = "remotegpu"
    access_token_ttl_seconds: int = Field(default=900, ge=30, le=86_400)
    refresh_token_ttl_seconds: int = Field(default=30 * 86_400, ge=300)

    # GraphQL protection: every limit is a setting.
    max_query_depth: int = Field(default=12, ge=2, le=100)
    max_aliases: int = Field(default=30, ge=1, le=1000)
    max_tokens: int = Field(default=2_000, ge=50, le=100_000)
    page_size_default: int = Field(default=20, ge=1, le=1000)
    page_size_max: int = Field(default=100, ge=1, le=1000)
    introspection: bool | None = Field(
        default=None, description="Default: on in development, off in production."
    )
    field_suggestions: bool | None = Field(
        default=None, description="Default: on in development, off in production."
    )

    # Rate limits per window, counted in PostgreSQL across workers and replicas (ratelimit.py).
    # Generous defaults: the console polls, and the test suite fires bursts from one address.
    # 0 switches one limit off; REMOTEGPU_RATE_LIMIT_ENABLED=false switches them all off.
    rate_limit_enabled: bool = True
    rate_limit_window_seconds: int = Field(default=60, ge=1, le=3600)
    rate_limit_viewer: int = Field(default=3_000, ge=0, description="Requests per viewer.")
    rate_limit_address: int = Field(default=6_000, ge=0, description="Requests per address.")
    rate_limit_login_seconds: int = Field(default=300, ge=1, le=86_400)
    rate_limit_login_address: int = Field(default=100, ge=0, description="Logins per address.")
    rate_limit_login_username: int = Field(default=20, ge=0, description="Logins per username.")

    # A tuple, not a list: the settings object is hashed (build_schema is cached on it).
    webhook_url_allowlist: tuple[str, ...] = Field(
        default=(),
        description="Webhook URL hosts or CIDRs accepted although they are not public addresses "
        '(tests, private endpoints); JSON list, e.g. ["hooks.internal", "10.0.0.0/8"].',
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)

    @field_validator("database_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("postgresql://", "postgres://", "postgresql+asyncpg://")):
            raise ValueError("must start with postgresql:// (or postgresql+asyncpg://)")
        return value

    @model_validator(mode="after")
    def _production_needs_a_real_key(self) -> Settings:
        if self.environment == "production" and self.jwt_secret.startswith("dev-only-"):
            raise ValueError("jwt_secret: production needs REMOTEGPU_JWT_SECRET set")
        return self

    @property
    def introspection_enabled(self) -> bool:
        if self.introspection is None:
            return self.environment == "development"
        return self.introspection

    @property
    def suggestions_enabled(self) -> bool:
        if self.field_suggestions is None:
            return self.environment == "development"
        return self.field_suggestions

    @property
    def pgdata(self) -> Path:
        return self.data_dir / "pgdata"


class SettingsError(Exception):
    """A setting has a bad value; the message is one line naming the variable."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            env = "DATABASE_URL" if name == "database_url" else f"REMOTEGPU_{name.upper()}"
            problems.append(f"{env}: {err['msg']}")
        raise SettingsError("invalid settings: " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
