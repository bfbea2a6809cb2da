"""Platform settings (02_system_config.sql)."""

from sqlalchemy import Boolean, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from remotegpu.db.models.base import Base, BigSerialId, CreatedUpdatedAt


class SystemConfig(CreatedUpdatedAt, Base):
    """Key/value platform settings (port ranges, limits, pricing, branding)."""

    __tablename__ = "system_configs"
    __table_args__ = (
        Index("idx_system_configs_key", "config_key"),
        Index("idx_system_configs_public", "is_public"),
    )

    id: Mapped[BigSerialId]
    config_key: Mapped[str] = mapped_column(String(128), unique=True)
    config_value: Mapped[str]
    # one of string, integer, boolean, json
    config_type: Mapped[str] = mapped_column(String(32), server_default=text("'string'"))
    description: Mapped[str | None]
    # visible to the frontend without admin rights
    is_public: Mapped[bool | None] = mapped_column(Boolean, server_default=text("false"))
