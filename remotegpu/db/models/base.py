"""Declarative base of the RemoteGPU ORM models, and the column presets the tables share."""

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from sqlalchemy import BigInteger, DateTime, Double, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# `id BIGSERIAL PRIMARY KEY`, the key of most tables (hosts, environments and a few others
# have text or natural keys and declare theirs).
BigSerialId = Annotated[int, mapped_column(BigInteger, primary_key=True, autoincrement=True)]

# `TIMESTAMPTZ DEFAULT NOW()`: created_at, updated_at and the other "when it happened" columns.
# Nullable unless written `Mapped[TimestampDefaultNow]` (the migrations say which).
TimestampDefaultNow = Annotated[datetime, mapped_column(server_default=text("NOW()"))]

# `uuid UUID UNIQUE DEFAULT gen_random_uuid()`: the public id of customers, workspaces, ...
UuidDefaultRandom = Annotated[
    UUID, mapped_column(unique=True, server_default=text("gen_random_uuid()"))
]


class Base(DeclarativeBase):
    """Base class of every mapped table (plain metadata, no naming convention).

    A column whose Python type says its SQL type needs no `mapped_column(<type>)`: `int` is
    BIGINT (ids, bytes, counters; INTEGER columns say so), `float` DOUBLE PRECISION, `str`
    TEXT (VARCHAR(n) columns say so), `datetime` TIMESTAMPTZ (no naive timestamps anywhere),
    `dict[str, Any]` JSONB. `Mapped[X | None]` is a nullable column, `Mapped[X]` NOT NULL.
    """

    type_annotation_map = {
        int: BigInteger,
        float: Double,
        str: Text,
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSONB,
    }


class CreatedAt:
    """`created_at TIMESTAMPTZ DEFAULT NOW()`, the last column of the tables that use it."""

    created_at: Mapped[TimestampDefaultNow | None]


class CreatedUpdatedAt:
    """`created_at` and `updated_at` (kept current by the `update_updated_at` trigger), the
    last columns of the tables that use them (a subclass of CreatedAt would put created_at
    after updated_at)."""

    created_at: Mapped[TimestampDefaultNow | None]
    updated_at: Mapped[TimestampDefaultNow | None]
