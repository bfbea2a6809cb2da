"""One typed settings object. Nothing else in the package reads os.environ."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AliasChoices,
    Field,
    FilePath,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings import SettingsError as SourceError

# Public on purpose, for development; production refuses to start with it.
DEV_JWT_SECRET = "dev-only-insecure-jwt-secret-change-me-0123456789"  # noqa: S105

# HS256 keys shorter than the hash output are brute-forceable (RFC 7518 section 3.2).
MIN_JWT_SECRET_BYTES = 32
DEV_KEY_MARKER = "dev-only-"


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
    # Per worker, beside the main pool: plain asyncpg for the host agents' routes (heartbeats).
    agent_db_pool_size: int = Field(default=5, ge=1, le=200)
    # Credentials (API tokens, sessions) remembered per worker (auth/token_cache.py), for
    # /graphql and the agents' route; 0 looks every credential up.
    agent_token_cache_size: int = Field(default=10_000, ge=0, le=1_000_000)
    # asyncpg waits 60 s by default, then reports an empty reason; a server that accepts the
    # connection but never answers should fail fast with a message instead.
    db_connect_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="Limit on connecting to PostgreSQL and on the first query of a command.",
    )

    # Identity. The development key is public knowledge: production must set its own.
    jwt_secret: str = Field(default=DEV_JWT_SECRET)
    jwt_issuer: str = "remotegpu"
    access_token_ttl_seconds: int = Field(default=900, ge=30, le=86_400)
    refresh_token_ttl_seconds: int = Field(default=30 * 86_400, ge=300)

    # GraphQL protection: every limit is a setting.
    max_query_depth: int = Field(default=12, ge=2, le=100)
    max_aliases: int = Field(default=30, ge=1, le=1000)
    max_tokens: int = Field(default=2_000, ge=50, le=100_000)
    page_size_default: int = Field(default=20, ge=1, le=1000)
    page_size_max: int = Field(default=100, ge=1, le=1000)
    max_query_cost: int = Field(
        default=100_000,
        ge=10,
        description="Budget per operation: an upper bound on the values it may return, "
        "computed before execution (every list of objects multiplies by its page size).",
    )
    document_cache_size: int = Field(
        default=512,
        ge=1,
        le=100_000,
        description="Parsed and validated documents kept per worker (least recently used go).",
    )
    max_response_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1024, description="Larger responses become an error."
    )
    max_request_body_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="Larger request bodies are refused (413)."
    )
    request_timeout_seconds: float = Field(
        default=20.0,
        gt=0,
        le=3600,
        description="Operations still running after this are cancelled with their SQL.",
    )
    metric_series_max_buckets: int = Field(
        default=1_440,
        ge=1,
        le=100_000,
        description="Most buckets one metricSeries call may ask for (a day of minutes).",
    )
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

    # Webhook delivery (remotegpu/domain/webhook_delivery.py, README "Webhooks").
    webhook_connect_timeout_seconds: float = Field(
        default=5.0, gt=0, le=60, description="Limit on connecting to a webhook endpoint."
    )
    webhook_read_timeout_seconds: float = Field(
        default=15.0, gt=0, le=300, description="Limit on waiting for each read of its answer."
    )
    webhook_disable_after_failures: int = Field(
        default=5,
        ge=1,
        le=1000,
        description="Deliveries in a row that use up every retry before the webhook is disabled.",
    )
    webhook_ca_file: FilePath | None = Field(
        default=None,
        description="PEM file of extra certificate authorities trusted for webhook endpoints "
        "(private endpoints, tests); the system's authorities are trusted too.",
    )

    # Operations: /metrics, trusted documents (see README "Operations").
    metrics: bool = Field(default=True, description="Serve Prometheus metrics at /metrics.")
    prometheus_multiproc_dir: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("PROMETHEUS_MULTIPROC_DIR"),
        description="Shared sample directory of several workers; `serve` manages it.",
    )
    tracing: bool = Field(
        default=False,
        description="OpenTelemetry spans of requests and SQL (needs the `tracing` extra).",
    )
    otlp_endpoint: str | None = Field(
        default=None,
        description="OTLP/HTTP traces URL, e.g. http://collector:4318/v1/traces; unset: the "
        "OpenTelemetry SDK's own OTEL_EXPORTER_OTLP_* variables apply.",
    )
    persisted_documents: Path | None = Field(
        default=None,
        description="The persisted-documents manifest (JSON: sha256 hex -> document) whose "
        "documents clients may send by hash.",
    )
    trusted_documents_only: bool = Field(
        default=False,
        description="Refuse every document that is not in the persisted-documents manifest.",
    )

    # Platform jobs (remotegpu/jobs): `serve` runs a worker in-process unless this is off
    # (deployments that run `remotegpu worker` processes of their own turn it off).
    run_worker: bool = True
    host_silence_seconds: int = Field(
        default=180,
        ge=10,
        le=86_400,
        description="Heartbeat silence after which a host is offline.",
    )
    demo_agents: bool = Field(
        default=False,
        description="Simulated agents heartbeat every host of the demo fleet (`make run`); "
        "never in production, where real agents report.",
    )
    metrics_batch_max: int = Field(
        default=1_000, ge=1, le=100_000, description="Most samples one metricsReport may carry."
    )

    # Browser origins allowed to call the API (CORS). Empty: no CORS headers at all.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Origins such as https://console.example.com, comma-separated or a JSON "
        'list; "*" allows any origin (without credentials).',
    )
    cors_allow_credentials: bool = Field(
        default=False,
        description="Let browsers send cookies / HTTP auth cross-origin (Bearer tokens need not).",
    )

    # GraphQL subscriptions (remotegpu/events): limits per WebSocket and per viewer.
    subscriptions_per_connection: int = Field(
        default=20, ge=1, le=1_000, description="Most live subscriptions on one WebSocket."
    )
    subscription_connections_per_viewer: int = Field(
        default=20,
        ge=1,
        le=100_000,
        description="Most open subscription WebSockets of one viewer (one token) per process.",
    )
    subscription_queue_size: int = Field(
        default=256,
        ge=1,
        le=100_000,
        description="Events waiting for one subscriber before its socket is closed as too "
        "slow (close code 4508).",
    )
    subscription_catch_up_limit: int = Field(
        default=1_000,
        ge=0,
        le=1_000_000,
        description="Most outbox events replayed to subscribers after the event listener "
        "reconnects.",
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    compiled_reads: bool = Field(
        default=True,
        description="Answer query operations made of columns, references and connections "
        "with one SQL statement per root field (remotegpu.compiled); false: DataLoaders only.",
    )
    compiled_plan_cache_size: int = Field(
        default=512,
        ge=1,
        le=100_000,
        description="Compiled read plans kept per worker (least recently used go).",
    )
    fast_path: bool = Field(
        default=True,
        description="Answer a POST /graphql whose document the compiled path answered before "
        "without strawberry's per-request machinery (remotegpu.compiled.fast); needs "
        "compiled_reads, off while tracing.",
    )
    fast_path_pool_size: int = Field(
        default=10,
        ge=1,
        le=200,
        description="Connections of the fast path's own asyncpg pool, per worker.",
    )

    @field_validator("database_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("postgresql://", "postgres://", "postgresql+asyncpg://")):
            raise ValueError("must start with postgresql:// (or postgresql+asyncpg://)")
        return value

    @field_validator("jwt_secret")
    @classmethod
    def _check_jwt_secret(cls, value: str, info: ValidationInfo) -> str:
        # A field validator (not a model one) so the error names REMOTEGPU_JWT_SECRET;
        # `environment` is declared above, so it is already in info.data.
        if len(value.encode()) < MIN_JWT_SECRET_BYTES:
            # RFC 7518 3.2: an HS256 key must be at least as long as the hash (256 bits).
            raise ValueError(f"must be at least {MIN_JWT_SECRET_BYTES} bytes")
        if info.data.get("environment") == "production" and value.startswith(DEV_KEY_MARKER):
            raise ValueError(
                "production needs its own key, not the development default: set it to a random"
                " string of 32+ bytes, e.g. the output of"
                " `python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`"
            )
        return value

    @model_validator(mode="after")
    def _trusted_documents_need_a_manifest(self) -> Settings:
        if self.trusted_documents_only and self.persisted_documents is None:
            raise ValueError(
                "REMOTEGPU_TRUSTED_DOCUMENTS_ONLY=true needs REMOTEGPU_PERSISTED_DOCUMENTS"
                " (the manifest)"
            )
        return self

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                raise ValueError(
                    "must be origins separated by commas, or a JSON list of strings"
                ) from None
        return [part.strip() for part in text.split(",") if part.strip()]

    @field_validator("cors_origins")
    @classmethod
    def _check_origins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for origin in value:
            if origin == "*":
                continue
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
                raise ValueError(
                    f"{origin!r} is not an origin: write scheme://host[:port] with no path,"
                    " e.g. https://console.example.com"
                )
        return value

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        if self.cors_allow_credentials and "*" in self.cors_origins:
            raise ValueError(
                'REMOTEGPU_CORS_ALLOW_CREDENTIALS=true needs explicit origins, not "*":'
                " list the origins in REMOTEGPU_CORS_ORIGINS"
            )
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


# Values never echoed back in an error message.
_SECRET_FIELDS = frozenset({"jwt_secret", "database_url"})


def variable_name(field: str) -> str:
    """The environment variable of a settings field (or of one of its aliases)."""
    if field.lower() in ("database_url", "remotegpu_database_url"):
        return "DATABASE_URL"
    return f"REMOTEGPU_{field.upper()}"


def _describe(error: ErrorDetails) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if not error["loc"]:
        # A rule across several settings: its message names the variables itself.
        return message
    field = str(error["loc"][0]).lower()
    shown = "" if field in _SECRET_FIELDS else f"={error['input']}"
    return f"{variable_name(field)}{shown} is invalid: {message[0].lower()}{message[1:]}"


def _describe_source_error(exc: SourceError) -> str:
    # pydantic-settings parses list settings as JSON before validation and says only which
    # field failed; the variable and an example are what a person needs.
    match = re.search(r'field "(\w+)"', str(exc))
    name = variable_name(match.group(1)) if match else "a REMOTEGPU_* variable"
    return f'{name} is not valid JSON: give a JSON list, e.g. ["hooks.internal", "10.0.0.0/8"]'


def load_settings() -> Settings:
    """The settings, or SettingsError with one line per problem, each naming its variable."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = [_describe(err) for err in exc.errors()]
        raise SettingsError("; ".join(problems)) from None
    except SourceError as exc:
        raise SettingsError(_describe_source_error(exc)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
