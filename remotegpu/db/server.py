"""Which PostgreSQL to use: DATABASE_URL when given, else the embedded server."""

from __future__ import annotations

from remotegpu.db.embedded import DEFAULT_DATABASE, ensure_database, start_embedded_server
from remotegpu.settings import Settings


async def resolve_database_url(settings: Settings) -> str:
    """The URL every command uses; starts the embedded server when no URL is configured."""
    if settings.database_url:
        return settings.database_url
    admin_url = start_embedded_server(settings.pgdata)
    return await ensure_database(admin_url, DEFAULT_DATABASE)
