"""The `environments` area over GraphQL: environments and port mappings on the seeded fleet.

Every expectation is computed with SQL on the same database, so the tests follow the seed.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql import GraphQLRunner, admin_viewer, agent_viewer, customer_viewer
from tests.support.db import column, fetch, first_row, first_value
from tests.support.documents import connection_queries, node_query
from tests.support.paging import assert_walks, global_id, walk_backward, walk_forward

ENVIRONMENTS, PORT_MAPPINGS = connection_queries(
    """
    environments: nodes { id rowId userId hostId status imageName name }
    portMappings: nodes { id rowId envId externalPort serviceType status environment { rowId } }
    """
)

ENVIRONMENT = """
query Env($id: String!) {
  environment(id: $id) {
    id rowId userId hostId imageName status cpu memory
    owner { rowId username }
    host { rowId }
    image { name }
    portMappings(first: 100) {
      totalCount
      nodes { rowId envId externalPort serviceType status environment { rowId } }
    }
    gpus(first: 100) { totalCount nodes { rowId allocatedTo { rowId } } }
    datasetMounts(first: 100) { totalCount nodes { rowId } }
    metrics(first: 5) { totalCount }
    billingRecords(first: 5) { totalCount }
    trainingJobs(first: 5) { totalCount }
  }
}
"""

ENVIRONMENT_BARE = """
query Env($id: String!) { environment(id: $id) { rowId } }
"""

NODE = node_query("Environment { envRowId: rowId }", "PortMapping { portRowId: rowId envId }")

HOST_ENVIRONMENTS = """
query HostEnvs($id: String!) {
  host(id: $id) { rowId environments(first: 100) { totalCount nodes { rowId } } }
}
"""

HOSTS_WITH_ENVIRONMENTS = """
{
  hosts(first: 100) {
    nodes { rowId environments(first: 100) { totalCount nodes { rowId hostId } } }
  }
}
"""

ENV_PORTS_PAGE = """
query EnvPorts($id: String!, $first: Int, $after: String) {
  environment(id: $id) {
    portMappings(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { rowId }
    }
  }
}
"""

ADMIN = admin_viewer()


async def two_tenants(url: str) -> tuple[int, int]:
    """Two customers (not admins) that both own environments."""
    ids = await column(
        url,
        "SELECT e.user_id FROM environments e JOIN customers c ON c.id = e.user_id "
        "WHERE c.user_type <> 'admin' GROUP BY e.user_id ORDER BY count(*) DESC, e.user_id "
        "LIMIT 2",
    )
    return ids[0], ids[1]


async def first_tenant_environments(url: str) -> tuple[int, list[str]]:
    """The first of two_tenants and its environments, newest first."""
    alice, _ = await two_tenants(url)
    expected = await column(
        url,
        "SELECT id FROM environments WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
        alice,
    )
    return alice, expected


# --- root connection: paging ---------------------------------------------------------------


async def test_environments_first_after_round_trip_covers_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM environments ORDER BY created_at DESC, id DESC"
    )
    await assert_walks(gql_ro, ENVIRONMENTS, "environments", ADMIN, expected, forward=37)


async def test_environments_last_before_walks_backwards_over_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(seeded_shared_url, "SELECT id FROM environments ORDER BY name, id")
    seen = await walk_backward(gql_ro, ENVIRONMENTS, "environments", 45, ADMIN, orderBy="NAME_ASC")
    assert seen == expected


@pytest.mark.parametrize(
    "variables",
    [{"first": 101}, {"last": 101}, {"first": 5, "after": "garbage!"}, {"first": -1}],
    ids=["first-over-cap", "last-over-cap", "garbage-cursor", "negative"],
)
async def test_environments_bad_paging_arguments_are_bad_user_input(
    gql_ro: GraphQLRunner, variables: dict[str, Any]
) -> None:
    result = await gql_ro(ENVIRONMENTS, variables, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_environments_cursor_of_another_ordering_is_bad_user_input(
    gql_ro: GraphQLRunner,
) -> None:
    data = await gql_ro.ok(ENVIRONMENTS, {"first": 2}, ADMIN)
    cursor = data["environments"]["pageInfo"]["endCursor"]
    result = await gql_ro(ENVIRONMENTS, {"first": 2, "after": cursor, "orderBy": "NAME_ASC"}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- root connection: filters --------------------------------------------------------------


async def _filter_cases(url: str) -> list[tuple[dict[str, Any], str, list[Any]]]:
    env = await first_row(url, "SELECT * FROM environments ORDER BY id LIMIT 1 OFFSET 7")
    return [
        ({"status": {"eq": "RUNNING"}}, "status = 'running'", []),
        ({"status": {"in": ["STOPPED", "ERROR"]}}, "status IN ('stopped', 'error')", []),
        ({"ownerId": {"eq": str(env["user_id"])}}, "user_id = $1", [env["user_id"]]),
        ({"hostId": {"eq": env["host_id"]}}, "host_id = $1", [env["host_id"]]),
        ({"image": {"eq": env["image"]}}, "image = $1", [env["image"]]),
        ({"name": {"startsWith": env["name"][:3]}}, "name LIKE $1 || '%'", [env["name"][:3]]),
        (
            {"name": {"contains": env["name"][2:6].upper()}},
            "name ILIKE '%' || $1 || '%'",
            [env["name"][2:6]],
        ),
        (
            {"createdAt": {"gte": env["created_at"].isoformat()}},
            "created_at >= $1",
            [env["created_at"]],
        ),
        (
            {"status": {"eq": "RUNNING"}, "hostId": {"in": [env["host_id"]]}},
            "status = 'running' AND host_id = $1",
            [env["host_id"]],
        ),
    ]


async def test_environments_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    for where, predicate, args in await _filter_cases(seeded_shared_url):
        expected = await column(
            seeded_shared_url,
            f"SELECT id FROM environments WHERE {predicate} ORDER BY created_at DESC, id DESC",
            *args,
        )
        assert expected, where
        conn = (await gql_ro.ok(ENVIRONMENTS, {"first": 100, "where": where}, ADMIN))[
            "environments"
        ]
        assert conn["totalCount"] == len(expected), where
        assert [n["rowId"] for n in conn["nodes"]] == expected[:100], where


async def test_environments_bad_owner_id_filter_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(ENVIRONMENTS, {"where": {"ownerId": {"eq": "abc"}}}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- relations ---------------------------------------------------------------------------


async def _interesting_envs(url: str) -> list[str]:
    """Environments with port mappings, GPUs, dataset mounts, and one deleted if any."""
    queries = [
        "SELECT env_id FROM port_mappings GROUP BY env_id ORDER BY count(*) DESC, env_id LIMIT 1",
        "SELECT allocated_to FROM gpus WHERE allocated_to IS NOT NULL "
        "GROUP BY allocated_to ORDER BY count(*) DESC, allocated_to LIMIT 1",
        "SELECT env_id FROM dataset_usage GROUP BY env_id ORDER BY count(*) DESC, env_id LIMIT 1",
        "SELECT env_id FROM environment_metrics GROUP BY env_id ORDER BY env_id LIMIT 1",
        "SELECT id FROM environments WHERE status = 'deleted' ORDER BY id LIMIT 1",
        "SELECT id FROM environments ORDER BY id LIMIT 1",
    ]
    found: list[str] = []
    for q in queries:
        found += [v for v in await column(url, q) if v not in found]
    return found


async def test_environment_relations_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    for env_id in await _interesting_envs(url):
        env = await first_row(url, "SELECT * FROM environments WHERE id = $1", env_id)
        data = (await gql_ro.ok(ENVIRONMENT, {"id": env_id}, ADMIN))["environment"]
        assert data["rowId"] == env_id
        assert data["id"] == global_id("Environment", env_id)
        assert data["userId"] == env["user_id"]
        assert data["status"] == env["status"].upper()
        assert data["memory"] == str(env["memory"])
        username = await column(url, "SELECT username FROM customers WHERE id = $1", env["user_id"])
        assert data["owner"] == {"rowId": env["user_id"], "username": username[0]}
        assert data["host"] == {"rowId": env["host_id"]}
        image = await column(url, "SELECT name FROM images WHERE name = $1", env["image"])
        assert data["image"] == ({"name": image[0]} if image else None)

        ports = await fetch(
            url,
            "SELECT id, external_port FROM port_mappings WHERE env_id = $1 "
            "ORDER BY external_port, id",
            env_id,
        )
        pm = data["portMappings"]
        assert pm["totalCount"] == len(ports)
        assert [n["rowId"] for n in pm["nodes"]] == [p["id"] for p in ports]
        assert all(n["envId"] == env_id for n in pm["nodes"])
        assert all(n["environment"] == {"rowId": env_id} for n in pm["nodes"])

        gpus = await column(
            url, "SELECT id FROM gpus WHERE allocated_to = $1 ORDER BY host_id, gpu_index", env_id
        )
        assert data["gpus"]["totalCount"] == len(gpus)
        assert [n["rowId"] for n in data["gpus"]["nodes"]] == gpus
        assert all(n["allocatedTo"] == {"rowId": env_id} for n in data["gpus"]["nodes"])

        mounts = await column(url, "SELECT id FROM dataset_usage WHERE env_id = $1", env_id)
        assert data["datasetMounts"]["totalCount"] == len(mounts)
        assert sorted(n["rowId"] for n in data["datasetMounts"]["nodes"]) == sorted(mounts)

        for field, table in (
            ("metrics", "environment_metrics"),
            ("billingRecords", "billing_records"),
            ("trainingJobs", "training_jobs"),
        ):
            n = await column(url, f"SELECT count(*) FROM {table} WHERE env_id = $1", env_id)
            assert data[field]["totalCount"] == n[0], field


async def test_environment_port_mappings_child_pages_cover_all_rows_once(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    env_id = (await _interesting_envs(seeded_shared_url))[0]
    expected = await column(
        seeded_shared_url,
        "SELECT id FROM port_mappings WHERE env_id = $1 ORDER BY external_port, id",
        env_id,
    )
    assert len(expected) >= 2
    ports = "environment.portMappings"
    assert await walk_forward(gql_ro, ENV_PORTS_PAGE, ports, 1, ADMIN, id=env_id) == expected


async def test_host_environments_match_sql_for_every_host(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    rows = await fetch(
        seeded_shared_url,
        "SELECT host_id, array_agg(id ORDER BY created_at DESC, id DESC) AS ids "
        "FROM environments GROUP BY host_id",
    )
    expected = {r["host_id"]: r["ids"] for r in rows}
    gql_ro.reset_count()
    data = await gql_ro.ok(HOSTS_WITH_ENVIRONMENTS, viewer=ADMIN)
    # hosts + one page statement + one count statement for all hosts on the DataLoader path;
    # compiled reads (the default) answer the whole root field in one statement
    assert len(gql_ro.statements) == (1 if gql_ro.settings.compiled_reads else 3)
    for host in data["hosts"]["nodes"]:
        envs = host["environments"]
        want = expected.get(host["rowId"], [])
        assert envs["totalCount"] == len(want)
        assert [n["rowId"] for n in envs["nodes"]] == want[:100]
        assert all(n["hostId"] == host["rowId"] for n in envs["nodes"])


# --- port mappings root ------------------------------------------------------------------


async def test_port_mappings_round_trip_and_backwards_cover_all_rows(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    expected = await column(
        seeded_shared_url, "SELECT id FROM port_mappings ORDER BY allocated_at DESC, id DESC"
    )
    seen = await walk_forward(
        gql_ro, PORT_MAPPINGS, "portMappings", 100, ADMIN, orderBy="ALLOCATED_AT_DESC"
    )
    assert seen == expected
    data = await gql_ro.ok(PORT_MAPPINGS, {"last": 3}, ADMIN)
    by_port = await column(
        seeded_shared_url, "SELECT id FROM port_mappings ORDER BY external_port, id"
    )
    assert data["portMappings"]["totalCount"] == len(by_port)
    assert [n["rowId"] for n in data["portMappings"]["nodes"]] == by_port[-3:]
    assert data["portMappings"]["pageInfo"]["hasPreviousPage"] is True


async def test_port_mappings_filters_match_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    pm = await first_row(url, "SELECT * FROM port_mappings ORDER BY id LIMIT 1 OFFSET 3")
    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        ({"status": {"eq": "ACTIVE"}}, "status = 'active'", []),
        ({"status": {"in": ["RELEASED"]}}, "status = 'released'", []),
        ({"serviceType": {"eq": "SSH"}}, "service_type = 'ssh'", []),
        ({"serviceType": {"in": ["JUPYTER", "RDP"]}}, "service_type IN ('jupyter', 'rdp')", []),
        ({"envId": {"eq": pm["env_id"]}}, "env_id = $1", [pm["env_id"]]),
        ({"externalPort": pm["external_port"]}, "external_port = $1", [pm["external_port"]]),
    ]
    for where, predicate, args in cases:
        expected = await column(
            url,
            f"SELECT id FROM port_mappings WHERE {predicate} ORDER BY external_port, id",
            *args,
        )
        conn = (await gql_ro.ok(PORT_MAPPINGS, {"first": 100, "where": where}, ADMIN))[
            "portMappings"
        ]
        assert conn["totalCount"] == len(expected), where
        assert [n["rowId"] for n in conn["nodes"]] == expected[:100], where


async def test_port_mappings_page_over_cap_is_bad_user_input(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(PORT_MAPPINGS, {"first": 101}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    result = await gql_ro(PORT_MAPPINGS, {"first": 1, "before": "%%%"}, ADMIN)
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


# --- visibility --------------------------------------------------------------------------


async def test_environments_customer_sees_only_its_own(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    alice, expected = await first_tenant_environments(seeded_shared_url)
    viewer = customer_viewer(alice)
    conn = (await gql_ro.ok(ENVIRONMENTS, {"first": 100}, viewer))["environments"]
    assert conn["totalCount"] == len(expected)
    assert [n["rowId"] for n in conn["nodes"]] == expected
    ports = await column(
        seeded_shared_url,
        "SELECT p.id FROM port_mappings p JOIN environments e ON e.id = p.env_id "
        "WHERE e.user_id = $1 ORDER BY p.external_port, p.id",
        alice,
    )
    conn = (await gql_ro.ok(PORT_MAPPINGS, {"first": 100}, viewer))["portMappings"]
    assert conn["totalCount"] == len(ports)
    assert [n["rowId"] for n in conn["nodes"]] == ports


async def test_environment_owner_sees_it_through_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    env_id = (await _interesting_envs(url))[0]
    owner = await first_value(url, "SELECT user_id FROM environments WHERE id = $1", env_id)
    viewer = customer_viewer(owner)
    data = (await gql_ro.ok(ENVIRONMENT, {"id": env_id}, viewer))["environment"]
    assert data["rowId"] == env_id
    assert data["owner"]["rowId"] == owner
    assert data["portMappings"]["totalCount"] > 0
    node = (await gql_ro.ok(NODE, {"id": global_id("Environment", env_id)}, viewer))["node"]
    assert node == {"id": global_id("Environment", env_id), "envRowId": env_id}
    port = data["portMappings"]["nodes"][0]["rowId"]
    node = (await gql_ro.ok(NODE, {"id": global_id("PortMapping", port)}, viewer))["node"]
    assert node == {"id": global_id("PortMapping", port), "portRowId": port, "envId": env_id}


async def test_environment_of_another_tenant_is_missing_on_every_path(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    alice, bob = await two_tenants(url)
    viewer = customer_viewer(alice)
    bob_envs = await column(url, "SELECT id FROM environments WHERE user_id = $1", bob)
    bob_ports = await column(
        url,
        "SELECT p.id FROM port_mappings p JOIN environments e ON e.id = p.env_id "
        "WHERE e.user_id = $1",
        bob,
    )
    assert bob_envs
    assert bob_ports
    for env_id in bob_envs[:5]:
        assert (await gql_ro.ok(ENVIRONMENT_BARE, {"id": env_id}, viewer)) == {"environment": None}
        node = await gql_ro.ok(NODE, {"id": global_id("Environment", env_id)}, viewer)
        assert node == {"node": None}
        where = {"envId": {"eq": env_id}}
        conn = (await gql_ro.ok(PORT_MAPPINGS, {"where": where}, viewer))["portMappings"]
        assert conn["totalCount"] == 0
        assert conn["nodes"] == []
        where = {"ownerId": {"eq": str(bob)}}
        conn = (await gql_ro.ok(ENVIRONMENTS, {"where": where}, viewer))["environments"]
        assert conn["totalCount"] == 0
        assert conn["nodes"] == []
    for port in bob_ports[:5]:
        node = await gql_ro.ok(NODE, {"id": global_id("PortMapping", port)}, viewer)
        assert node == {"node": None}


async def test_host_environments_edge_hides_other_tenants_environments(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    """A customer sees a shared host, but only its own environments on it."""
    rows = await fetch(
        seeded_shared_url,
        "SELECT e.host_id, e.user_id FROM environments e JOIN customers c ON c.id = e.user_id "
        "WHERE c.user_type <> 'admin' AND e.status IN ('creating', 'running', 'stopped') "
        "AND EXISTS (SELECT 1 FROM environments o WHERE o.host_id = e.host_id "
        "            AND o.user_id <> e.user_id) "
        "ORDER BY e.host_id, e.user_id LIMIT 1",
    )
    host_id, customer = rows[0]["host_id"], rows[0]["user_id"]
    own = await column(
        seeded_shared_url,
        "SELECT id FROM environments WHERE host_id = $1 AND user_id = $2 "
        "ORDER BY created_at DESC, id DESC",
        host_id,
        customer,
    )
    data = await gql_ro.ok(HOST_ENVIRONMENTS, {"id": host_id}, customer_viewer(customer))
    envs = data["host"]["environments"]
    assert envs["totalCount"] == len(own)
    assert [n["rowId"] for n in envs["nodes"]] == own


async def test_environments_agent_sees_only_its_hosts(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    host_id = await first_value(
        url, "SELECT host_id FROM environments GROUP BY host_id ORDER BY count(*) DESC LIMIT 1"
    )
    expected = await column(
        url,
        "SELECT id FROM environments WHERE host_id = $1 ORDER BY created_at DESC, id DESC",
        host_id,
    )
    viewer = agent_viewer(1, host_id)
    conn = (await gql_ro.ok(ENVIRONMENTS, {"first": 100}, viewer))["environments"]
    assert conn["totalCount"] == len(expected)
    assert [n["rowId"] for n in conn["nodes"]] == expected[:100]
    ports = await column(
        url,
        "SELECT count(*) FROM port_mappings p JOIN environments e ON e.id = p.env_id "
        "WHERE e.host_id = $1",
        host_id,
    )
    conn = (await gql_ro.ok(PORT_MAPPINGS, {"first": 1}, viewer))["portMappings"]
    assert conn["totalCount"] == ports[0]
    other = await column(url, "SELECT id FROM environments WHERE host_id <> $1 LIMIT 1", host_id)
    assert (await gql_ro.ok(ENVIRONMENT_BARE, {"id": other[0]}, viewer)) == {"environment": None}


async def test_environments_anonymous_sees_nothing(gql_ro: GraphQLRunner) -> None:
    conn = (await gql_ro.ok(ENVIRONMENTS, {"first": 5}))["environments"]
    assert conn["totalCount"] == 0
    conn = (await gql_ro.ok(PORT_MAPPINGS, {"first": 5}))["portMappings"]
    assert conn["totalCount"] == 0


# --- edges from other areas into environments ---------------------------------------------

IMAGE_ENVIRONMENTS = """
query ImageEnvs($id: ID!) {
  node(id: $id) {
    ... on Image { name environments(first: 100) { totalCount nodes { rowId imageName } } }
  }
}
"""

CUSTOMER_ENVIRONMENTS = """
query CustomerEnvs($id: ID!) {
  node(id: $id) {
    ... on Customer { environments(first: 100) { totalCount nodes { rowId userId } } }
  }
}
"""


async def test_image_environments_edge_matches_sql_and_hides_other_tenants(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    url = seeded_shared_url
    alice, _ = await two_tenants(url)
    rows = await fetch(
        url,
        "SELECT i.id, i.name FROM images i JOIN environments e ON e.image = i.name "
        "WHERE i.status = 'active' AND e.user_id = $1 "
        "AND EXISTS (SELECT 1 FROM environments o WHERE o.image = i.name AND o.user_id <> $1) "
        "ORDER BY i.id LIMIT 1",
        alice,
    )
    image_id, name = rows[0]["id"], rows[0]["name"]
    order = "ORDER BY created_at DESC, id DESC"
    everyone = await column(url, f"SELECT id FROM environments WHERE image = $1 {order}", name)
    own = await column(
        url, f"SELECT id FROM environments WHERE image = $1 AND user_id = $2 {order}", name, alice
    )
    assert len(own) < len(everyone)
    gid = global_id("Image", image_id)
    for viewer, expected in ((ADMIN, everyone), (customer_viewer(alice), own)):
        envs = (await gql_ro.ok(IMAGE_ENVIRONMENTS, {"id": gid}, viewer))["node"]["environments"]
        assert envs["totalCount"] == len(expected)
        assert [n["rowId"] for n in envs["nodes"]] == expected[:100]
        assert all(n["imageName"] == name for n in envs["nodes"])


async def test_customer_environments_edge_matches_sql(
    gql_ro: GraphQLRunner, seeded_shared_url: str
) -> None:
    alice, expected = await first_tenant_environments(seeded_shared_url)
    gid = global_id("Customer", alice)
    for viewer in (ADMIN, customer_viewer(alice)):
        data = await gql_ro.ok(CUSTOMER_ENVIRONMENTS, {"id": gid}, viewer)
        envs = data["node"]["environments"]
        assert envs["totalCount"] == len(expected)
        assert [n["rowId"] for n in envs["nodes"]] == expected
