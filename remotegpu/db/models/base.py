"""Declarative base of the RemoteGPU ORM models, and the column presets the tables share."""

from datetime import datetime
from typing import Annotated

from sqlalchemy import BigInteger, DateTime, text
from sqlalchemy.orm import DeclarativeBase, mapped_column

# `id BIGSERIAL PRIMARY KEY`, the key of most tables (hosts, environments and a few others
# have text or natural keys and declare theirs).
BigSerialId = Annotated[int, mapped_column(BigInteger, primary_key=True, autoincrement=True)]

# `TIMESTAMPTZ DEFAULT NOW()`: created_at, updated_at and the other "when it happened" columns.
# Nullable unless written `Mapped[TimestampDefaultNow]` (the migrations say which).
TimestampDefaultNow = Annotated[
    datetime, mapped_column(DateTime(timezone=True), server_default=text("NOW()"))
]


class Base(DeclarativeBase):
    """Base class of every mapped table (plain metadata, no naming convention)."""
