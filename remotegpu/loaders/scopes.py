"""SQL building blocks of visibility shared by every area.

The customer rules are stated once in `remotegpu.access`, which the domain's row checks use
too; the loaders keep importing them from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.sql.elements import False_, True_

from remotegpu.access import customer_scope, own_only, owned_or_in_workspace, workspace_ids_of
from remotegpu.auth.viewer import Viewer
from remotegpu.loaders.base import Visibility

__all__ = [
    "customer_scope",
    "host_scope",
    "of_visible_parents",
    "own_only",
    "owned_or_in_workspace",
    "workspace_ids_of",
]


def host_scope(
    viewer: Viewer, host_id: Any, customer_rule: Callable[[int], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """The frame of the fleet's rules (hosts, GPUs, environments, their samples): an agent
    token the rows of its own host (`host_id` = its host), admins all, anonymous viewers none,
    a customer the rows `customer_rule(its customer id)` selects."""
    if viewer.agent_host_id is not None:
        on_its_host: ColumnElement[bool] = host_id == viewer.agent_host_id
        return on_its_host
    if viewer.is_admin:
        return true()
    if viewer.customer_id is None:
        return false()
    return customer_rule(viewer.customer_id)


def of_visible_parents(child_key: Any, parent_key: Any, parent_visible: Visibility) -> Visibility:
    """Children (port mappings, mounts, versions, samples, delivery logs) visible exactly when
    their parent is: `child_key IN (SELECT parent_key WHERE <parent visible>)`.

    A parent rule that is the same for every row (admins: TRUE, anonymous viewers: FALSE) is
    passed through as it is, without a subquery.
    """

    def visible(viewer: Viewer) -> ColumnElement[bool]:
        parents = parent_visible(viewer)
        if isinstance(parents, True_ | False_):
            return parents
        of_visible: ColumnElement[bool] = child_key.in_(select(parent_key).where(parents))
        return of_visible

    return visible
