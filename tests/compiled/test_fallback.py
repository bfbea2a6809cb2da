"""What the planner does not know runs whole on the reference path, with the same answer and
the same errors: computed fields, unknown relations, refused arguments, mutations."""

from __future__ import annotations

from typing import Any

import pytest

from remotegpu.compiled.execute import planner_for
from tests.compiled.conftest import Paths, assert_same

COMPUTED = """
{ hosts(first: 3) { nodes { rowId name } } gpuAvailability { gpuModel total free } }
"""

UNKNOWN_RELATION = """
{ issues(first: 5) { nodes { rowId reporter { username } } } }
"""

# (name, document, variables): arguments the reference path refuses with an error.
REFUSED: list[tuple[str, str, dict[str, Any]]] = [
    ("bad_cursor", "{ hosts(first: 2, after: \"bm90IGEgY3Vyc29y\") { nodes { rowId } } }", {}),
    ("garbage_cursor", "query ($c: String) { hosts(before: $c, last: 2) { nodes { rowId } } }",
     {"c": "%%%"}),
    ("cursor_of_other_ordering",
     "query ($c: String) { environments(after: $c, orderBy: NAME_ASC) { nodes { rowId } } }",
     {"c": "WyJjcmVhdGVkIixbIjIwMjYtMDEtMDFUMDA6MDA6MDArMDA6MDAiLCJ4Il1d"}),
    ("first_and_last", "{ environments(first: 2, last: 2) { nodes { rowId } } }", {}),
    ("over_page_cap", "{ hosts(first: 101) { nodes { rowId } } }", {}),
    ("negative_first", "{ hosts(first: 3) { nodes { gpus(first: -1) { nodes { rowId } } } } }",
     {}),
    ("bad_key_in_where", "{ environments(where: {ownerId: {eq: \"abc\"}}) { nodes { rowId } } }",
     {}),
    ("nested_bad_cursor",
     "{ hosts(first: 2) { nodes { environments(after: \"eHh4\") { nodes { rowId } } } } }", {}),
]  # fmt: skip


async def test_read_with_computed_field_runs_on_reference_path(paths: Paths) -> None:
    admin = paths.viewers["admin"]
    paths.reference.reset_count()
    expected = await assert_same(paths, COMPUTED, {}, "admin", 0)
    assert expected["data"]["gpuAvailability"]
    # the compiled runner sent exactly what the reference path sends: it fell back, whole
    paths.compiled.reset_count()
    paths.reference.reset_count()
    await paths.compiled(COMPUTED, {}, admin)
    await paths.reference(COMPUTED, {}, admin)
    assert len(paths.compiled.statements) == len(paths.reference.statements) == 2
    assert not any("json_build_object" in s for s in paths.compiled.statements)


async def test_read_with_unknown_relation_plans_nothing(paths: Paths) -> None:
    settings = paths.compiled.settings
    planner = planner_for(paths.compiled.schema._schema, settings.compiled_plan_cache_size)
    document = UNKNOWN_RELATION + "# unknown relation test"
    await assert_same(paths, document, {}, "customer", 0)
    assert not any("json_build_object" in s for s in paths.compiled.statements)
    key = (document, None, "customer", ())
    assert key in planner._plans
    assert planner._plans.get(key, ()) is None


async def test_mutation_on_compiled_runner_runs_on_reference_path(paths: Paths) -> None:
    customer = paths.viewers["customer"]
    mutation = 'mutation { login(input: {login: "x", password: "y"}) { accessToken } }'
    paths.compiled.reset_count()
    answer = await paths.compiled(mutation, {}, customer)
    assert not any("json_build_object" in s for s in paths.compiled.statements)
    assert answer == await paths.reference(mutation, {}, customer)


@pytest.mark.parametrize("viewer", ["admin", "customer"])
@pytest.mark.parametrize(("name", "document", "variables"), REFUSED, ids=[r[0] for r in REFUSED])
async def test_read_refused_arguments_same_errors_on_both_paths(
    paths: Paths, name: str, document: str, variables: dict[str, Any], viewer: str
) -> None:
    expected = await assert_same(paths, document, variables, viewer, 0)
    assert expected.get("errors"), f"{name}: the reference path was expected to refuse it"
