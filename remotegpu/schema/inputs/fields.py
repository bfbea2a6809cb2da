"""The two shapes of an input field that may be omitted, each declared once.

    name: str | None = optional("New name (1 to 256).")
    description: str | None = keep("What the image holds.")

`optional`: an omitted field is None (for a create, "none"; for most updates, "no change").
`keep`: an omitted field is UNSET, so that an update can tell "omitted: keep it" from an
explicit null that clears it (see `to_draft`'s `absent`).
"""

from __future__ import annotations

from typing import Any

import strawberry


def optional(description: str) -> Any:
    """An input field that may be omitted; then it is None."""
    return strawberry.field(default=None, description=description)


def keep(description: str) -> Any:
    """An input field that may be omitted; then it is UNSET (the old value stays)."""
    return strawberry.field(default=strawberry.UNSET, description=description)
