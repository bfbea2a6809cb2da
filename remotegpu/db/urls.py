"""Conversions between the URL forms the drivers want."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url


def sqlalchemy_url(url: str) -> URL:
    """The URL for SQLAlchemy's async engine (driver asyncpg)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg")


def asyncpg_dsn(url: str) -> str:
    """A plain libpq-style DSN for asyncpg.connect (unix-socket hosts kept as ?host=)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    """The same server and credentials, another database."""
    return make_url(url).set(database=database).render_as_string(hide_password=False)
