"""Declarative base of the RemoteGPU ORM models."""

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Base class of every mapped table (plain metadata, no naming convention)."""
