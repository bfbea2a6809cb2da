"""Who a request acts as, and what that identity may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    AGENT = "agent"


@dataclass(frozen=True)
class Viewer:
    """The identity behind a request. Anonymous when `customer_id` is None."""

    customer_id: int | None = None
    username: str | None = None
    # admin (platform staff: everything), internal (employees: ticket staff, else a customer),
    # external (customers)
    user_type: str | None = None
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    agent_host_id: str | None = None  # set for agent tokens: the one host they speak for
    token_id: int | None = None  # the API token used, if any

    @property
    def is_authenticated(self) -> bool:
        return self.customer_id is not None

    @property
    def is_admin(self) -> bool:
        return self.is_authenticated and self.user_type == "admin"

    @property
    def is_staff(self) -> bool:
        """Support staff: admins and internal users (platform employees), not agent tokens.

        For support tickets only (issues, requirements, their comments): staff see and handle
        every tenant's, may be assignees and move tickets past the first state. Everywhere
        else an internal user is a customer like an external one (its own tenant, no host
        inventory): every other check asks `is_admin`.
        """
        return (
            self.is_authenticated
            and self.agent_host_id is None
            and self.user_type in ("admin", "internal")
        )

    @property
    def is_agent(self) -> bool:
        return self.agent_host_id is not None

    def can(self, scope: Scope) -> bool:
        return scope in self.scopes


ANONYMOUS = Viewer()
