"""Checks every mutation starts with: who is asking, and may they do this at all."""

from __future__ import annotations

from remotegpu.auth.viewer import Scope, Viewer
from remotegpu.domain.errors import DomainError, ErrorCode


def require_authenticated(viewer: Viewer) -> int:
    """The viewer's customer id; UNAUTHENTICATED for anonymous requests."""
    if viewer.customer_id is None:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "authentication required")
    return viewer.customer_id


def require_scope(viewer: Viewer, scope: Scope) -> int:
    """The viewer's customer id; UNAUTHENTICATED if anonymous, FORBIDDEN without `scope`."""
    customer_id = require_authenticated(viewer)
    if not viewer.can(scope):
        raise DomainError(ErrorCode.FORBIDDEN, f"this token lacks the '{scope}' scope")
    return customer_id


def require_admin(viewer: Viewer) -> int:
    """The viewer's customer id; UNAUTHENTICATED if anonymous, FORBIDDEN unless platform admin."""
    customer_id = require_authenticated(viewer)
    if not viewer.is_admin:
        raise DomainError(ErrorCode.FORBIDDEN, "only platform admins may do this")
    return customer_id
