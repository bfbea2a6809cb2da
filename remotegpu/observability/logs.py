"""JSON log lines with a UTC timestamp and the request id, for our loggers and uvicorn's.

One object per line: `timestamp level logger message request_id` plus any `extra` fields; a
traceback is the `exc_info` string of the same line, never lines of its own.
"""

from __future__ import annotations

import logging
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from remotegpu.observability.request_id import current_request_id


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request being served (None outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        # uvicorn adds an ANSI-coloured copy of its message: noise in a JSON line.
        record.__dict__.pop("color_message", None)
        return True


def json_formatter() -> logging.Formatter:
    """`timestamp level logger message` + extras, one JSON object per record."""
    return JsonFormatter(
        "%(levelname)s %(name)s %(message)s",
        rename_fields={"levelname": "level", "name": "logger"},
        # ISO 8601 in UTC from the record's creation time.
        timestamp=True,
    )


def logging_config(level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` mapping; uvicorn applies it in every worker process."""
    handler = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
        "formatter": "json",
        "filters": ["request_id"],
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"json": {"()": json_formatter}},
        "handlers": {"json": handler},
        "root": {"handlers": ["json"], "level": level.upper()},
        "loggers": {
            # uvicorn's own loggers propagate to the root handler instead of their text ones.
            "uvicorn": {"handlers": [], "level": level.upper(), "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            # GraphQL operations have their own access line (remotegpu.access).
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
    }
