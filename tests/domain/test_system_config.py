"""`systemConfigSet`: typed values, admin only, and the cross-key rules of the port ranges and
the environment cap, checked on the state after the change."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from remotegpu.auth.viewer import ANONYMOUS, Viewer
from tests.graphql import GraphQLRunner, customer_viewer
from tests.support.db import fetch, first_admin, last_audit, last_audit_outcome, value, violations
from tests.support.documents import mutation_document

SET = mutation_document(
    "systemConfigSet",
    "systemConfig { rowId configKey configValue configType description isPublic }",
)

PUBLIC_CONFIG = """
query One($key: String!) { systemConfig(key: $key) { configKey configValue configType } }
"""


# --- helpers -------------------------------------------------------------------------------


async def configs(url: str) -> dict[str, tuple[Any, ...]]:
    rows = await fetch(
        url,
        "SELECT config_key, config_value, config_type, description, is_public, updated_at"
        " FROM system_configs",
    )
    return {r[0]: tuple(r[1:]) for r in rows}


async def config_value(url: str, key: str) -> str | None:
    result: str | None = await value(
        url, "SELECT config_value FROM system_configs WHERE config_key = $1", key
    )
    return result


async def set_config(gql: GraphQLRunner, viewer: Viewer, **fields: Any) -> dict[str, Any]:
    data = await gql.ok(SET, {"input": fields}, viewer)
    payload: dict[str, Any] = data["systemConfigSet"]
    return payload


async def assert_refused(
    gql: GraphQLRunner, code: str, field: str, **fields: Any
) -> dict[str, Any]:
    """The change is refused with `code` on `field`, nothing changes, and it is audited."""
    staff = await first_admin(gql.url)
    before = await configs(gql.url)
    payload = await set_config(gql, staff, **fields)
    assert payload["systemConfig"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, ["input", field])]
    assert await configs(gql.url) == before
    audit = await last_audit(gql.url, "system_config.set")
    assert (audit["customer_id"], audit["resource_id"]) == (staff.customer_id, fields["key"][:128])
    assert audit["status_code"] == (409 if code == "IN_USE" else 422)
    assert audit["error_message"].startswith(code)
    return payload


# --- values and types -----------------------------------------------------------------------


async def test_system_config_set_existing_key_updated(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    before = await configs(gql.url)

    payload = await set_config(
        gql, staff, key="default_environment_timeout", value=" +0042 ", description="Seconds."
    )

    assert payload["errors"] == []
    config = payload["systemConfig"]
    assert (config["configKey"], config["configValue"], config["configType"]) == (
        "default_environment_timeout",
        "42",
        "INTEGER",
    )
    after = await configs(gql.url)
    assert after["default_environment_timeout"][:4] == ("42", "integer", "Seconds.", False)
    assert after["default_environment_timeout"][4] > before["default_environment_timeout"][4]
    assert {k: v for k, v in after.items() if k != "default_environment_timeout"} == {
        k: v for k, v in before.items() if k != "default_environment_timeout"
    }
    audited = (staff.customer_id, "system_config", "default_environment_timeout", 200)
    assert await last_audit_outcome(gql.url, "system_config.set") == audited
    assert await violations(gql.url) == []


async def test_system_config_set_new_key_created(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)

    payload = await set_config(
        gql,
        staff,
        key="ui.banner",
        value='{"text": "maintenance at 02:00", "level": "info"}',
        configType="JSON",
        description="Banner shown in the console.",
        isPublic=True,
    )

    assert payload["errors"] == []
    rows = await fetch(
        gql.url,
        "SELECT config_value, config_type, description, is_public FROM system_configs"
        " WHERE config_key = 'ui.banner'",
    )
    assert [tuple(r) for r in rows] == [
        (
            '{"text": "maintenance at 02:00", "level": "info"}',
            "json",
            "Banner shown in the console.",
            True,
        )
    ]
    # Public rows are readable without logging in.
    data = await gql.ok(PUBLIC_CONFIG, {"key": "ui.banner"}, ANONYMOUS)
    assert data["systemConfig"]["configType"] == "JSON"
    assert (await last_audit(gql.url, "system_config.set"))["status_code"] == 200


async def test_system_config_set_boolean_normalized(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    payload = await set_config(gql, staff, key="signup.open", value=" TRUE ", configType="BOOLEAN")
    assert payload["errors"] == []
    assert await config_value(gql.url, "signup.open") == "true"
    assert payload["systemConfig"]["isPublic"] is False


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"key": "max_environments_per_user", "value": "12.5"}, "value"),
        ({"key": "max_environments_per_user", "value": "ten"}, "value"),
        ({"key": "max_environments_per_user", "value": "1" * 19}, "value"),
        ({"key": "max_environments_per_user", "value": "-1"}, "value"),
        ({"key": "default_environment_timeout", "value": "-5"}, "value"),
        ({"key": "flag.x", "value": "yes", "configType": "BOOLEAN"}, "value"),
        ({"key": "json.x", "value": "{bad", "configType": "JSON"}, "value"),
        ({"key": "text.x", "value": "x" * 10_001, "configType": "STRING"}, "value"),
        ({"key": "price_gpu_hour", "value": "cheap"}, "value"),
        ({"key": "price_gpu_hour", "value": "-1.5"}, "value"),
        ({"key": "new.key", "value": "1"}, "configType"),
        ({"key": "system_name", "value": "1", "configType": "INTEGER"}, "configType"),
        ({"key": "ssh_port_range_end", "value": "40000", "configType": "STRING"}, "configType"),
        ({"key": "Bad Key", "value": "1", "configType": "STRING"}, "key"),
        ({"key": "k" * 129, "value": "1", "configType": "STRING"}, "key"),
    ],
)
async def test_system_config_set_bad_value_invalid_input(
    gql: GraphQLRunner, fields: dict[str, Any], field: str
) -> None:
    await assert_refused(gql, "INVALID_INPUT", field, **fields)


async def test_system_config_set_by_customer_forbidden(gql: GraphQLRunner) -> None:
    customer = await value(gql.url, "SELECT min(id) FROM customers WHERE user_type <> 'admin'")
    before = await configs(gql.url)

    payload = await set_config(
        gql, customer_viewer(customer, "internal"), key="system_name", value="Mine"
    )
    anonymous = await set_config(gql, ANONYMOUS, key="system_name", value="Mine")

    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in anonymous["errors"]] == ["UNAUTHENTICATED"]
    assert payload["systemConfig"] is None
    assert await configs(gql.url) == before
    audits = await fetch(
        gql.url,
        "SELECT customer_id, status_code FROM audit_logs WHERE action = 'system_config.set'"
        " ORDER BY id",
    )
    assert [tuple(a) for a in audits] == [(customer, 403), (None, 401)]


# --- port ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "new_value"),
    [
        ("rdp_port_range_start", "39000"),  # into ssh 30000..40000
        ("ssh_port_range_end", "40001"),  # touches rdp's first port
        ("jupyter_port_range_end", "65535"),  # over custom 60001..65000
        ("custom_port_range_start", "29000"),  # custom would swallow every other range
    ],
)
async def test_system_config_set_overlapping_port_ranges_invalid_input(
    gql: GraphQLRunner, key: str, new_value: str
) -> None:
    payload = await assert_refused(gql, "INVALID_INPUT", "value", key=key, value=new_value)
    assert "overlap" in payload["errors"][0]["message"]


@pytest.mark.parametrize(
    ("key", "new_value"),
    [
        ("ssh_port_range_end", "30000"),  # start == end
        ("ssh_port_range_end", "20000"),  # end below start
        ("custom_port_range_start", "65000"),
        ("rdp_port_range_start", "50001"),
    ],
)
async def test_system_config_set_port_range_start_not_below_end_invalid_input(
    gql: GraphQLRunner, key: str, new_value: str
) -> None:
    payload = await assert_refused(gql, "INVALID_INPUT", "value", key=key, value=new_value)
    assert "start must be below the end" in payload["errors"][0]["message"]


@pytest.mark.parametrize("new_value", ["0", "65536", "-1"])
async def test_system_config_set_port_outside_1_to_65535_invalid_input(
    gql: GraphQLRunner, new_value: str
) -> None:
    await assert_refused(
        gql, "INVALID_INPUT", "value", key="custom_port_range_end", value=new_value
    )


async def test_system_config_set_range_excluding_active_ports_in_use(gql: GraphQLRunner) -> None:
    highest = await value(
        gql.url,
        "SELECT max(external_port) FROM port_mappings WHERE service_type='ssh' AND status='active'",
    )
    await assert_refused(gql, "IN_USE", "value", key="ssh_port_range_end", value=str(highest - 1))


async def test_system_config_set_valid_port_range_accepted(gql: GraphQLRunner) -> None:
    staff = await first_admin(gql.url)
    for key, new_value in (
        ("custom_port_range_start", "61000"),
        ("jupyter_port_range_end", "60999"),  # into the gap just made
        ("custom_port_range_end", "65535"),
    ):
        payload = await set_config(gql, staff, key=key, value=new_value)
        assert payload["errors"] == []
        assert await config_value(gql.url, key) == new_value
    assert await violations(gql.url) == []


async def test_system_config_set_concurrent_bounds_cannot_overlap(gql: GraphQLRunner) -> None:
    """Each change is fine alone, together they overlap: the range rows are locked, so the
    second sees the first's commit and is refused."""
    staff = await first_admin(gql.url)
    assert (await set_config(gql, staff, key="custom_port_range_start", value="62000"))[
        "errors"
    ] == []

    results = await asyncio.gather(
        set_config(gql, staff, key="jupyter_port_range_end", value="61500"),
        set_config(gql, staff, key="custom_port_range_start", value="61000"),
    )

    outcomes = sorted(bool(r["errors"]) for r in results)
    assert outcomes == [False, True]
    refused = next(r for r in results if r["errors"])
    assert refused["errors"][0]["code"] == "INVALID_INPUT"
    jupyter_end = int(await config_value(gql.url, "jupyter_port_range_end") or 0)
    custom_start = int(await config_value(gql.url, "custom_port_range_start") or 0)
    assert jupyter_end < custom_start
    assert await violations(gql.url) == []


# --- the environment cap --------------------------------------------------------------------


async def test_system_config_set_cap_below_running_environments_in_use(gql: GraphQLRunner) -> None:
    busiest = await value(
        gql.url,
        "SELECT count(*) FROM environments WHERE status IN ('creating', 'running')"
        " GROUP BY user_id ORDER BY 1 DESC LIMIT 1",
    )
    await assert_refused(
        gql, "IN_USE", "value", key="max_environments_per_user", value=str(busiest - 1)
    )

    payload = await set_config(
        gql, await first_admin(gql.url), key="max_environments_per_user", value=str(busiest)
    )
    assert payload["errors"] == []
    assert await config_value(gql.url, "max_environments_per_user") == str(busiest)
    assert await violations(gql.url) == []
