"""Protection on from the start: depth, aliases, tokens, batching, masking, introspection."""

from __future__ import annotations

import logging

import httpx
import pytest

from remotegpu.app import create_app
from remotegpu.loaders.paging import BadUserInputError
from tests.conftest import app_client, make_settings
from tests.graphql import GraphQLRunner, admin_viewer, runner_for

DEEP = "{ hosts { nodes { gpus { nodes { host { gpus { nodes { host { name } } } } } } } } }"
INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture
async def strict(migrated_url: str) -> object:
    async for runner in runner_for(
        migrated_url,
        max_query_depth=4,
        max_aliases=3,
        max_tokens=60,
        environment="production",
        jwt_secret="a-production-secret-that-is-long-enough-0123456789",
    ):
        yield runner


async def test_depth_over_the_limit_is_rejected_before_execution(strict: GraphQLRunner) -> None:
    result = await strict(DEEP, viewer=admin_viewer())
    assert result["data"] is None
    assert "exceeds maximum operation depth" in result["errors"][0]["message"]
    assert strict.statements == []


async def test_aliases_over_the_limit_are_rejected(strict: GraphQLRunner) -> None:
    query = "{ a: systemInfo { name } b: systemInfo { name } c: health { ok } d: health { ok } }"
    result = await strict(query)
    assert result["data"] is None
    assert "aliases" in result["errors"][0]["message"].lower()
    assert strict.statements == []


async def test_tokens_over_the_limit_are_rejected(strict: GraphQLRunner) -> None:
    query = "{ " + " ".join(["systemInfo { name version apiVersion }"] * 12) + " }"
    result = await strict(query)
    assert result["data"] is None
    assert "token" in result["errors"][0]["message"].lower()


async def test_introspection_off_in_production(strict: GraphQLRunner) -> None:
    result = await strict(INTROSPECTION)
    assert result["data"] is None
    assert "introspection" in result["errors"][0]["message"].lower()


async def test_introspection_on_in_development(migrated_url: str) -> None:
    async for runner in runner_for(migrated_url):
        data = await runner.ok(INTROSPECTION)
        assert data["__schema"]["queryType"]["name"] == "Query"


async def test_field_suggestions_hidden_in_production(strict: GraphQLRunner) -> None:
    result = await strict("{ systemInf { name } }")
    message = result["errors"][0]["message"]
    assert "systemInf" in message
    assert "Did you mean" not in message


async def test_field_suggestions_shown_in_development(migrated_url: str) -> None:
    async for runner in runner_for(migrated_url):
        result = await runner("{ systemInf { name } }")
        assert "Did you mean" in result["errors"][0]["message"]


async def test_unexpected_error_is_masked_with_a_request_id(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from remotegpu.resolvers import config

    async def boom(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail: SELECT password_hash FROM customers")

    async for runner in runner_for(migrated_url):
        async with runner.sessions() as session:
            monkeypatch.setattr(type(session), "execute", boom)
            with caplog.at_level(logging.ERROR, logger="remotegpu.graphql"):
                result = await runner("{ systemInfo { name } }")
    error = result["errors"][0]
    assert error["message"] == "Internal server error."
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["extensions"]["requestId"]
    assert "password_hash" not in str(result)
    assert "secret detail" in caplog.text
    assert error["extensions"]["requestId"] in caplog.text
    assert config is not None


async def test_page_over_the_cap_is_a_bad_user_input_error(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro("{ hosts(first: 101) { nodes { name } } }", viewer=admin_viewer())
    assert result["errors"][0]["extensions"]["code"] == BadUserInputError.code
    assert "cap" in result["errors"][0]["message"]


async def test_garbage_cursor_is_a_bad_user_input_error(gql_ro: GraphQLRunner) -> None:
    result = await gql_ro(
        '{ hosts(first: 5, after: "not-a-cursor") { nodes { name } } }', viewer=admin_viewer()
    )
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_batched_requests_are_refused(client: httpx.AsyncClient) -> None:
    body = [{"query": "{ health { ok } }"}, {"query": "{ health { ok } }"}]
    response = await client.post("/graphql", json=body)
    assert response.status_code == 400


async def test_queries_over_get_are_refused(migrated_url: str) -> None:
    async for client in app_client(create_app(make_settings(), migrated_url)):
        response = await client.get(
            "/graphql",
            params={"query": "{ health { ok } }"},
            headers={"Accept": "application/json"},
        )
        assert response.status_code in (400, 405)


async def test_validation_same_document_twice_validated_once(strict: GraphQLRunner) -> None:
    from strawberry.extensions.validation_cache import _get_validate_cache

    cache = _get_validate_cache(512)
    document = "{ systemInfo { name version } }"
    await strict(document, viewer=admin_viewer())
    before = cache.cache_info()  # type: ignore[attr-defined]
    await strict(document, viewer=admin_viewer())
    after = cache.cache_info()  # type: ignore[attr-defined]
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 0)
