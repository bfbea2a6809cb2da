"""Loaders declared once per table (remotegpu/loaders/area.py) and the shared visibility rules."""

from __future__ import annotations

import asyncpg
from aiodataloader import DataLoader
from sqlalchemy.dialects import postgresql

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from remotegpu.db.models import Dataset, PortMapping
from remotegpu.loaders.area import AreaLoaders, Declared
from remotegpu.loaders.base import LoaderEnv, PageByParentLoader, RowByKeyLoader
from remotegpu.loaders.environments import visible_port_mappings
from remotegpu.loaders.paging import Ordering, PageRequest
from remotegpu.loaders.registry import Loaders
from remotegpu.loaders.storage import StorageLoaders
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer

PORT_MAPPINGS_BY_ID = Ordering("id", (PortMapping.id,))


def _env(gql: GraphQLRunner, viewer: Viewer) -> LoaderEnv:
    return LoaderEnv(gql.sessions, viewer, gql.settings)


def _sql(predicate: object) -> str:
    return str(predicate.compile(dialect=postgresql.dialect()))  # type: ignore[attr-defined]


async def test_area_loader_read_twice_is_one_loader_per_area(gql_ro: GraphQLRunner) -> None:
    area = StorageLoaders(_env(gql_ro, admin_viewer()))
    first = area.dataset_by_id
    assert first is area.dataset_by_id  # one loader, so one cache and one batch, per request
    assert type(first) is RowByKeyLoader
    assert (first.model, first.key) == (Dataset, Dataset.id)
    pages = area.datasets_page_by_workspace_id
    assert type(pages) is PageByParentLoader
    assert pages.parent is Dataset.workspace_id
    assert StorageLoaders(_env(gql_ro, admin_viewer())).dataset_by_id is not first


async def test_registry_every_declared_loader_builds_a_dataloader(gql_ro: GraphQLRunner) -> None:
    loaders = Loaders(_env(gql_ro, admin_viewer()))
    areas = [name for name, value in vars(Loaders).items() if hasattr(value, "func")]
    built = 0
    for area_name in areas:
        area = getattr(loaders, area_name)
        assert isinstance(area, AreaLoaders), area_name
        for name, value in vars(type(area)).items():
            if isinstance(value, Declared):
                assert isinstance(getattr(area, name), DataLoader), f"{area_name}.{name}"
                built += 1
    assert len(areas) == 14
    assert built >= 144  # the loaders the registry had when they were first declared this way


async def test_of_visible_parents_constant_rules_pass_through_without_subquery() -> None:
    assert _sql(visible_port_mappings(admin_viewer())) == "true"
    assert _sql(visible_port_mappings(ANONYMOUS)) == "false"
    customer = _sql(visible_port_mappings(customer_viewer(7)))
    assert "port_mappings.env_id IN (SELECT environments.id" in customer
    agent = _sql(visible_port_mappings(agent_viewer(1, "host-x")))
    assert "environments.host_id = " in agent


async def test_port_mappings_page_customer_sees_only_its_visible_environments(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    sql = await asyncpg.connect(seeded_shared_url)
    try:
        owner, env_id = await sql.fetchrow(
            "SELECT e.user_id, e.id FROM environments e JOIN port_mappings p ON p.env_id = e.id"
            " WHERE e.workspace_id IS NULL ORDER BY e.id LIMIT 1"
        )
        stranger = await sql.fetchval(
            "SELECT min(id) FROM customers WHERE id <> $1 AND user_type = 'external'"
            " AND NOT EXISTS (SELECT 1 FROM workspace_members m WHERE m.customer_id = customers.id"
            " AND m.workspace_id IN (SELECT workspace_id FROM environments WHERE id = $2))",
            owner,
            env_id,
        )
        expected = await sql.fetch(
            "SELECT id FROM port_mappings WHERE env_id = $1 ORDER BY id", env_id
        )
    finally:
        await sql.close()
    request = PageRequest.build(gql_ro.settings, first=50, ordering=PORT_MAPPINGS_BY_ID)
    for viewer, wanted in (
        (customer_viewer(owner), [r["id"] for r in expected]),
        (customer_viewer(stranger), []),
    ):
        area = Loaders(_env(gql_ro, viewer)).environments
        page = await area.port_mappings_page_by_env_id.load_page(
            env_id, request, PORT_MAPPINGS_BY_ID
        )
        assert [row.id for row in page.rows] == wanted
        assert await area.port_mappings_count_by_env_id.count(env_id) == len(wanted)
