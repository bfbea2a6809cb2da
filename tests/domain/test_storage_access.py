"""Who may read and who may manage a dataset or a model, seen from both sides at once: the
look-up a query makes (the loaders' predicate) and the row check a mutation makes (the same
predicate, remotegpu/access.py, selected beside the locked row).

Every viewer of the storage world meets every placement of a row (owner, workspace,
visibility); the expectations come from domain-rules.md ("Who may do what"), written out
here independently of the code, so a rule changed on one side or on both shows up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from tests.support.documents import ERRORS
from tests.support.storage_world import World, add_workspace, make_world

VIEWERS = ("admin", "alice", "bob", "carol", "dave", "eve")
# Roles in the team workspace (alice owns it); eve owns a workspace of her own.
TEAM_ROLES = {"alice": "owner", "bob": "admin", "carol": "member", "dave": "viewer"}


@dataclass(frozen=True)
class Placement:
    owner: str
    workspace: str | None  # "team", "eve's" or none
    visibility: str


PLACEMENTS = (
    Placement("alice", "team", "private"),
    Placement("alice", "team", "workspace"),
    Placement("carol", "team", "workspace"),
    Placement("alice", None, "public"),
    Placement("eve", None, "private"),
    Placement("eve", "eve's", "workspace"),
)


@dataclass(frozen=True)
class Kind:
    table: str
    lookup: str
    update: str
    id_input: str


KINDS = {
    "dataset": Kind(
        "datasets",
        "query ($id: Int!) { datasetByRowId(rowId: $id) { rowId } }",
        f"mutation ($input: DatasetUpdateInput!) {{ datasetUpdate(input: $input) {{ {ERRORS} }} }}",
        "datasetId",
    ),
    "model": Kind(
        "models",
        "query ($id: Int!) { modelByRowId(rowId: $id) { rowId } }",
        f"mutation ($input: ModelUpdateInput!) {{ modelUpdate(input: $input) {{ {ERRORS} }} }}",
        "modelId",
    ),
}


def role(viewer: str, placement: Placement) -> str | None:
    if placement.workspace == "team":
        return TEAM_ROLES.get(viewer)
    if placement.workspace == "eve's":
        return "owner" if viewer == "eve" else None
    return None


def may_read(viewer: str, placement: Placement) -> bool:
    return (
        viewer in ("admin", placement.owner)
        or placement.visibility == "public"
        or (placement.visibility == "workspace" and role(viewer, placement) is not None)
    )


def may_manage(viewer: str, placement: Placement) -> bool:
    return viewer in ("admin", placement.owner) or (
        may_read(viewer, placement) and role(viewer, placement) in ("owner", "admin")
    )


@pytest.fixture(name="w")
async def world_fixture(migrated_url: str) -> AsyncIterator[World]:
    async with make_world(migrated_url) as world:
        yield world


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_shared_update_not_found_exactly_when_lookup_hides_it(w: World, kind: str) -> None:
    spec = KINDS[kind]
    workspaces = {"team": w.team, "eve's": await add_workspace(w.conn, w.eve, {}), None: None}
    for placement in PLACEMENTS:
        row_id = await w.conn.fetchval(
            f"INSERT INTO {spec.table} (customer_id, workspace_id, name, storage_path, status,"
            " visibility) VALUES ($1, $2, 'shared', 's3://bucket/x', 'ready', $3) RETURNING id",
            getattr(w, placement.owner),
            workspaces[placement.workspace],
            placement.visibility,
        )
        for viewer in VIEWERS:
            as_viewer = w.viewer(getattr(w, viewer))
            found = await w.gql.ok(spec.lookup, {"id": row_id}, viewer=as_viewer)
            payload = await w.run(
                spec.update, f"{kind}Update", getattr(w, viewer), **{spec.id_input: row_id}
            )
            codes = [error["code"] for error in payload["errors"]]
            seen = next(iter(found.values())) is not None
            expected = (
                [] if may_manage(viewer, placement) else ["FORBIDDEN"] if seen else ["NOT_FOUND"]
            )
            case = (viewer, placement)
            assert seen == may_read(viewer, placement), case
            assert codes == expected, case
