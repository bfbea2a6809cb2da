"""The `config` area over GraphQL: system configs (public rows for everyone, all for admins).

Every expectation is computed with SQL on the same database.
"""

from __future__ import annotations

from remotegpu.auth.viewer import ANONYMOUS
from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, first_value
from tests.support.documents import connection_query, node_query
from tests.support.paging import assert_walks, global_id
from tests.support.results import errors_code

SYSTEM_CONFIGS = connection_query(
    "systemConfigs",
    "nodes { id rowId configKey configValue configType description isPublic }",
)

SYSTEM_CONFIG = """
query One($key: String!) {
  systemConfig(key: $key) { id rowId configKey configValue configType isPublic }
}
"""

NODE = node_query("SystemConfig { rowId configKey }")

ADMIN = admin_viewer()
PRIVATE_KEY = "price_gpu_hour"
PUBLIC_KEY = "system_name"


async def test_system_configs_as_admin_round_trip_covers_every_row_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM system_configs ORDER BY config_key, id"
    )
    await assert_walks(
        gql_ro, SYSTEM_CONFIGS, "systemConfigs", ADMIN, expected, forward=4, backward=4
    )


async def test_system_configs_as_anonymous_returns_public_rows_only(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM system_configs WHERE is_public ORDER BY config_key, id",
    )
    assert expected
    for viewer in (ANONYMOUS, customer_viewer(2), agent_viewer(1, "any-host")):
        data = await gql_ro.ok(SYSTEM_CONFIGS, {"first": 100}, viewer)
        configs = data["systemConfigs"]
        assert [n["rowId"] for n in configs["nodes"]] == expected
        assert configs["totalCount"] == len(expected)
        assert all(n["isPublic"] for n in configs["nodes"])


async def test_system_configs_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM system_configs WHERE config_key LIKE 'price\\_%' AND NOT is_public "
        "ORDER BY created_at DESC, id DESC",
    )
    assert expected
    where = {"key": {"startsWith": "price_"}, "isPublic": False}
    data = await gql_ro.ok(
        SYSTEM_CONFIGS, {"first": 100, "where": where, "orderBy": "CREATED_AT_DESC"}, ADMIN
    )
    assert [n["rowId"] for n in data["systemConfigs"]["nodes"]] == expected
    assert {n["configType"] for n in data["systemConfigs"]["nodes"]} <= {"STRING", "INTEGER"}


async def test_system_configs_page_over_cap_gives_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(SYSTEM_CONFIGS, {"first": 101})
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_system_configs_garbage_cursor_gives_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(SYSTEM_CONFIGS, {"first": 2, "after": "%%%"}, ADMIN)
    assert errors_code(result) == "BAD_USER_INPUT"


async def test_system_config_private_key_is_hidden_from_non_admins(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    row_id = await first_value(
        seeded_shared_url, "SELECT id FROM system_configs WHERE config_key = $1", PRIVATE_KEY
    )
    for viewer in (customer_viewer(2), agent_viewer(1, "any-host")):
        assert (await gql_ro.ok(SYSTEM_CONFIG, {"key": PRIVATE_KEY}, viewer))[
            "systemConfig"
        ] is None
        node = await gql_ro.ok(NODE, {"id": global_id("SystemConfig", row_id)}, viewer)
        assert node["node"] is None
    assert (await gql_ro.ok(SYSTEM_CONFIG, {"key": PRIVATE_KEY}))["systemConfig"] is None
    assert (await gql_ro.ok(NODE, {"id": global_id("SystemConfig", row_id)}))["node"] is None
    admin = await gql_ro.ok(SYSTEM_CONFIG, {"key": PRIVATE_KEY}, ADMIN)
    assert admin["systemConfig"]["rowId"] == row_id
    assert admin["systemConfig"]["isPublic"] is False
    node = await gql_ro.ok(NODE, {"id": global_id("SystemConfig", row_id)}, ADMIN)
    assert node["node"]["configKey"] == PRIVATE_KEY


async def test_system_config_public_key_is_readable_without_login(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    value = await first_value(
        seeded_shared_url,
        "SELECT config_value FROM system_configs WHERE config_key = $1",
        PUBLIC_KEY,
    )
    data = await gql_ro.ok(SYSTEM_CONFIG, {"key": PUBLIC_KEY})
    assert data["systemConfig"]["configValue"] == value
    assert data["systemConfig"]["configType"] == "STRING"
    node = await gql_ro.ok(NODE, {"id": data["systemConfig"]["id"]})
    assert node["node"]["configKey"] == PUBLIC_KEY


async def test_system_config_unknown_key_returns_null(gql_ro: GraphQLRunner) -> None:
    data = await gql_ro.ok(SYSTEM_CONFIG, {"key": "no_such_key"}, ADMIN)
    assert data["systemConfig"] is None
