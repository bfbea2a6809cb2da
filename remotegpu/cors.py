"""CORS: which browser origins may call the API (REMOTEGPU_CORS_ORIGINS)."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from remotegpu.settings import Settings


def cors_middleware(settings: Settings) -> list[Middleware]:
    """Browsers on the listed origins may call the API; with none listed, no CORS at all."""
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            # Any request header: the origin list is the gate, and clients add their own.
            allow_headers=["*"],
            allow_credentials=settings.cors_allow_credentials,
            max_age=600,
        )
    ]
