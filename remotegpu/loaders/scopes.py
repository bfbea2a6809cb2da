"""SQL building blocks of visibility shared by every area.

They are stated once in `remotegpu.access`, which the domain's row checks use too; the
loaders keep importing them from here.
"""

from __future__ import annotations

from remotegpu.access import own_only, owned_or_in_workspace, workspace_ids_of

__all__ = ["own_only", "owned_or_in_workspace", "workspace_ids_of"]
