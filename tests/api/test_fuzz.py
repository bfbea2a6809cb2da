"""A property-based fuzz of the whole schema over HTTP: nothing a client sends is a server error.

hypothesis-graphql generates operations from the schema: valid queries and mutations, and
invalid ones (wrong argument types, unknown fields or enum values, missing arguments); a
third strategy sends garbage bodies. Each goes to the in-process app (the real middleware
stack: auth, rate limits, GraphQL) on this module's own copy of the seeded fleet, as an
admin, a customer, an agent token or anonymously. Properties: no HTTP 500, no
INTERNAL_SERVER_ERROR anywhere in a response, no response slower than SLOW_SECONDS.

Derandomized with a bounded example count so `make test` stays fast and repeatable; set
REMOTEGPU_FUZZ_PROFILE=nightly for a long run (see README). A failure prints the viewer, the
operation and the response, ready to replay with curl or GraphiQL.
"""

from __future__ import annotations

import json
import os
import string
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from remotegpu.api import schema as api_schema
from remotegpu.app import create_app
from tests.conftest import database_copy, make_settings
from tests.live import bearer
from tests.support.db import fetch, first_value

PROFILES = {
    # name: (examples per strategy, slowest acceptable response in seconds)
    "default": (30, 10.0),
    "nightly": (2_000, 10.0),
}
PROFILE = os.environ.get("REMOTEGPU_FUZZ_PROFILE", "default")
EXAMPLES, SLOW_SECONDS = PROFILES[PROFILE]
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=PROFILE == "default",
    deadline=None,  # timing is a property of its own (SLOW_SECONDS), with a clear message
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCHEMA = api_schema._schema
VIEWERS = ("anonymous", "customer", "admin", "agent")


def _json_value() -> st.SearchStrategy[graphql.ValueNode]:
    leaves = st.one_of(
        st.text(max_size=8).map(nodes.String),
        st.integers(-(2**70), 2**70).map(nodes.Int),
        st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        st.booleans().map(nodes.Boolean),
    )

    def obj(children: st.SearchStrategy[graphql.ValueNode]) -> st.SearchStrategy[Any]:
        fields = st.dictionaries(
            st.text(string.ascii_letters, min_size=1, max_size=6), children, max_size=3
        )
        return fields.map(
            lambda d: nodes.Object(
                [
                    graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v)
                    for k, v in d.items()
                ]
            )
        )

    return st.recursive(
        leaves, lambda c: st.one_of(obj(c), st.lists(c, max_size=3).map(nodes.List)), max_leaves=6
    )


# Values near and past what the columns hold, and plain garbage, for every custom scalar.
CUSTOM_SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    "BigInt": st.one_of(
        st.integers(-(2**64), 2**64).map(nodes.String),
        st.integers(-(2**31), 2**31 - 1).map(nodes.Int),
        st.sampled_from(["abc", "", "1.5", "1e3"]).map(nodes.String),
    ),
    "Decimal": st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True).map(nodes.String),
        st.sampled_from(["12.3400", "99999999999.0", "-0.0001", "x"]).map(nodes.String),
    ),
    "DateTime": st.one_of(
        st.datetimes(timezones=st.sampled_from([UTC, None])).map(
            lambda d: nodes.String(d.isoformat())
        ),
        st.sampled_from(["0001-01-01T00:00:00+14:00", "yesterday", ""]).map(nodes.String),
    ),
    "UUID": st.one_of(st.uuids().map(nodes.String), st.text(max_size=8).map(nodes.String)),
    "JSON": _json_value(),
}


@dataclass
class Fuzzed:
    """The app on the module's database and the headers of each kind of viewer."""

    client: httpx.AsyncClient
    headers: dict[str, dict[str, str]]

    async def send(self, viewer: str, body: bytes | dict[str, Any]) -> httpx.Response:
        headers = {"content-type": "application/json", **self.headers[viewer]}
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        return await self.client.post("/graphql", content=content, headers=headers)


@pytest.fixture(scope="module")
async def fuzz_url(admin_url: str, seeded_template: str) -> AsyncIterator[str]:
    """A copy of the seeded fleet for this module (the fuzz writes)."""
    async with database_copy(admin_url, seeded_template) as url:
        yield url


@pytest.fixture(scope="module")
async def fuzzed(fuzz_url: str) -> AsyncIterator[Fuzzed]:
    url = fuzz_url
    sql = "SELECT username, id FROM customers WHERE username IN ('admin', 'alice')"
    ids = dict(await fetch(url, sql))
    host = await first_value(url, "SELECT id FROM hosts ORDER BY id LIMIT 1")
    # The fuzz is not about rate limits (tests/api/test_rate_limits.py is): lift them.
    app = create_app(
        make_settings(rate_limit_address=0, rate_limit_viewer=0, rate_limit_login_address=0,
                      rate_limit_login_username=0),
        url,
    )  # fmt: skip
    # App exceptions become HTTP 500 responses, as in production, so the check can print them.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://fuzz", timeout=60) as client:
        headers = {
            "anonymous": {},
            "customer": bearer(ids["alice"]),
            "admin": bearer(ids["admin"]),
        }
        created = await client.post(
            "/graphql",
            json={
                "query": 'mutation($h: String) { apiTokenCreate(input: {name: "fuzz agent", '
                "scopes: [AGENT], hostId: $h}) { token errors { code message } } }",
                "variables": {"h": host},
            },
            headers=headers["admin"],
        )
        token = created.json()["data"]["apiTokenCreate"]["token"]
        assert token, created.text
        headers["agent"] = {"Authorization": f"Bearer {token}"}
        yield Fuzzed(client, headers)
    await app.state.engine.dispose()


def _replay(viewer: str, body: bytes | dict[str, Any], response: httpx.Response | None) -> str:
    shown = body.decode(errors="replace") if isinstance(body, bytes) else body["query"]
    answer = "(no response)" if response is None else f"{response.status_code} {response.text}"
    return f"\nviewer: {viewer}\noperation:\n{shown}\nresponse: {answer[:2000]}"


async def check(fuzzed: Fuzzed, viewer: str, body: bytes | dict[str, Any]) -> None:
    started = time.perf_counter()
    response = await fuzzed.send(viewer, body)
    elapsed = time.perf_counter() - started
    replay = _replay(viewer, body, response)
    assert response.status_code < 500, "server error" + replay
    assert "INTERNAL_SERVER_ERROR" not in response.text, "internal error" + replay
    assert elapsed < SLOW_SECONDS, f"took {elapsed:.1f} s" + replay
    if response.status_code == 200:
        payload = response.json()
        assert isinstance(payload, dict), replay
        assert "data" in payload or "errors" in payload, replay


class _SanePaging(graphql.Visitor):
    """Generated operations mostly pass both `first` and `last`, a page over the cap or a
    random cursor, and stop there (BAD_USER_INPUT, tested in test_input_validation.py). Keep
    one small page and no cursor, so valid operations reach the resolvers and the database."""

    def enter_field(self, node: graphql.FieldNode, *_: Any) -> graphql.FieldNode | None:
        names = {argument.name.value for argument in node.arguments or ()}
        if not names & {"first", "last"}:
            return None
        drop = {"after", "before", "last" if "first" in names else "first"}
        kept = []
        for argument in node.arguments or ():
            if argument.name.value in drop:
                continue
            value = argument.value
            if argument.name.value in ("first", "last") and isinstance(value, graphql.IntValueNode):
                value = graphql.IntValueNode(value=str(min(abs(int(value.value)), 5)))
            kept.append(graphql.ArgumentNode(name=argument.name, value=value))
        return graphql.FieldNode(
            alias=node.alias,
            name=node.name,
            arguments=tuple(kept),
            directives=node.directives,
            selection_set=node.selection_set,
        )


def _print_with_sane_paging(document: graphql.DocumentNode) -> str:
    return graphql.print_ast(graphql.visit(document, _SanePaging()))


def _operations(kind: str, mode: Mode) -> st.SearchStrategy[str]:
    build = queries if kind == "query" else mutations
    printer = _print_with_sane_paging if mode is Mode.POSITIVE else graphql.print_ast

    def operations(allow_x00: bool) -> st.SearchStrategy[str]:
        return build(
            SCHEMA,
            custom_scalars=CUSTOM_SCALARS,
            mode=mode,
            allow_x00=allow_x00,
            print_ast=printer,
        )

    # A NUL character stops an operation at the door (BAD_USER_INPUT, see
    # tests/api/test_input_validation.py): half of the operations go without, to reach the
    # resolvers and the database more often.
    return st.one_of(operations(False), operations(True))


VALID_QUERIES = _operations("query", Mode.POSITIVE)
VALID_MUTATIONS = _operations("mutation", Mode.POSITIVE)
INVALID_QUERIES = _operations("query", Mode.NEGATIVE)
INVALID_MUTATIONS = _operations("mutation", Mode.NEGATIVE)


@FUZZ_SETTINGS
@given(viewer=st.sampled_from(VIEWERS), query=VALID_QUERIES)
async def test_fuzz_valid_queries_never_fail_internally(
    fuzzed: Fuzzed, viewer: str, query: str
) -> None:
    await check(fuzzed, viewer, {"query": query})


@FUZZ_SETTINGS
@given(viewer=st.sampled_from(VIEWERS), mutation=VALID_MUTATIONS)
async def test_fuzz_valid_mutations_never_fail_internally(
    fuzzed: Fuzzed, viewer: str, mutation: str
) -> None:
    await check(fuzzed, viewer, {"query": mutation})


@FUZZ_SETTINGS
@given(viewer=st.sampled_from(VIEWERS), query=st.one_of(INVALID_QUERIES, INVALID_MUTATIONS))
async def test_fuzz_invalid_operations_are_refused_cleanly(
    fuzzed: Fuzzed, viewer: str, query: str
) -> None:
    await check(fuzzed, viewer, {"query": query})


@FUZZ_SETTINGS
@given(viewer=st.sampled_from(VIEWERS), text=st.text(max_size=80))
async def test_fuzz_garbage_documents_are_refused_cleanly(
    fuzzed: Fuzzed, viewer: str, text: str
) -> None:
    await check(fuzzed, viewer, {"query": text})


# Not a JSON object with a string `query`: malformed request bodies.
GARBAGE_BODIES = st.one_of(
    st.binary(min_size=1, max_size=64),
    st.text(max_size=64).map(str.encode),
    st.sampled_from(
        [b"null", b"[]", b'"x"', b"1", b'{"query": 1}', b'{"query": "{", "variables": 3}']
    ),
)


@FUZZ_SETTINGS
@given(viewer=st.sampled_from(VIEWERS), body=GARBAGE_BODIES)
async def test_fuzz_garbage_bodies_are_refused_cleanly(
    fuzzed: Fuzzed, viewer: str, body: bytes
) -> None:
    await check(fuzzed, viewer, body)
