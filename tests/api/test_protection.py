"""Protection on from the start: depth, aliases, tokens, batching, masking, introspection."""

from __future__ import annotations

import logging

import httpx
import pytest

from remotegpu.app import create_app
from remotegpu.loaders.paging import BadUserInputError
from remotegpu.schema.validation import document_validator
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


WHERE_TYPO = '{ environments(where: { nme: { eq: "x" } }) { totalCount } }'
WHERE_TYPO_VARIABLE = "query ($w: EnvironmentWhere) { environments(where: $w) { totalCount } }"
ORDER_TYPO = "{ environments(orderBy: NAME_AS) { totalCount } }"
ORDER_TYPO_VARIABLE = "query ($o: EnvironmentOrder) { environments(orderBy: $o) { totalCount } }"
CREATE_TYPO = (
    'mutation { environmentCreate(input: { nme: "a", image: "x", cpu: 1, memory: "1" }) '
    "{ errors { code } } }"
)
CREATE_TYPO_VARIABLE = (
    "mutation ($input: EnvironmentCreateInput!) { environmentCreate(input: $input) "
    "{ errors { code } } }"
)
CREATE_TYPO_INPUT = {"input": {"nme": "a", "image": "x", "cpu": 1, "memory": "1"}}

# Each leaks a schema name after "Did you mean" when suggestions are on; the hint sits
# mid-message for input objects ("... Did you mean 'name'? Found: {...}").
SUGGESTING_REQUESTS = [
    pytest.param(WHERE_TYPO, None, "nme", id="filter-literal"),
    pytest.param(WHERE_TYPO_VARIABLE, {"w": {"nme": {"eq": "x"}}}, "nme", id="filter-variable"),
    pytest.param(ORDER_TYPO, None, "NAME_AS", id="enum-literal"),
    pytest.param(ORDER_TYPO_VARIABLE, {"o": "NAME_AS"}, "NAME_AS", id="enum-variable"),
    pytest.param(CREATE_TYPO, None, "nme", id="mutation-input-literal"),
    pytest.param(CREATE_TYPO_VARIABLE, CREATE_TYPO_INPUT, "nme", id="mutation-input-variable"),
]


@pytest.mark.parametrize(("query", "variables", "typo"), SUGGESTING_REQUESTS)
async def test_input_typo_in_production_answers_without_any_suggestion(
    strict: GraphQLRunner, query: str, variables: dict[str, object] | None, typo: str
) -> None:
    result = await strict(query, variables)
    messages = [error["message"] for error in result["errors"]]
    assert any(typo in message for message in messages), messages
    assert not any("Did you mean" in message for message in messages), messages
    assert not any("NAME_ASC" in message for message in messages), messages


@pytest.mark.parametrize(("query", "variables", "typo"), SUGGESTING_REQUESTS)
async def test_input_typo_in_development_answers_with_a_suggestion(
    migrated_url: str, query: str, variables: dict[str, object] | None, typo: str
) -> None:
    async for runner in runner_for(migrated_url):
        result = await runner(query, variables)
        messages = [error["message"] for error in result["errors"]]
        assert any("Did you mean" in message for message in messages), messages


COUNTED = "query Counted($first: Int) { hosts(first: $first) { nodes { name } } }"


async def test_identical_document_twice_is_validated_once(migrated_url: str) -> None:
    # Own limits, so this test has its own validator and cache.
    async for runner in runner_for(migrated_url, max_aliases=29):
        validator = document_validator(runner.settings)
        before = validator.validations
        await runner.ok(COUNTED, {"first": 1}, viewer=admin_viewer())
        assert validator.validations == before + 1
        # Other variables, a fresh request: the cached result is reused.
        await runner.ok(COUNTED, {"first": 2}, viewer=admin_viewer())
        await runner.ok(COUNTED, {"first": 3}, viewer=admin_viewer())
        assert validator.validations == before + 1


async def test_cached_validation_still_rejects_a_deep_document(strict: GraphQLRunner) -> None:
    for _ in range(2):
        result = await strict(DEEP, viewer=admin_viewer())
        assert "exceeds maximum operation depth" in result["errors"][0]["message"]
    assert strict.statements == []


async def test_validation_cache_over_its_size_evicts_the_oldest(migrated_url: str) -> None:
    async for runner in runner_for(migrated_url, document_cache_size=3):
        validator = document_validator(runner.settings)
        documents = [f"query Q{i} {{ health {{ ok }} }}" for i in range(validator.maxsize + 1)]
        for document in documents:
            await runner.ok(document)
        before = validator.validations
        await runner.ok(documents[-1])  # still cached
        assert validator.validations == before
        await runner.ok(documents[0])  # evicted: validated again
        assert validator.validations == before + 1
