"""The differential test of the read path: generated operations, two paths, identical JSON.

Side A runs the DataLoader path (the reference), side B the compiled read path
(`compiled_reads`; see compare.reference_and_candidate). Until the planner is merged both
sides are the reference, so any difference is non-determinism of the reference itself.
Every case is a seed: the operation (generate.py), its viewer (seed % 5: admin, customer,
other customer, agent token, anonymous) and its follow-up page are functions of it, over
this module's own copy of the seeded small fleet (seed 42).

Replay one case (its seed is in the failure message):

    DIFF_SEED=1234 DIFF_CASES=1 .venv/bin/pytest tests/differential -p no:xdist -k identical

DIFF_SEED (default 0) is the first seed and DIFF_CASES (default CASES) how many to run; a
long hunt (past pytest's 300 s per test): DIFF_CASES=50000 .venv/bin/pytest
tests/differential -k identical -p no:xdist -o timeout=0.
"""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from remotegpu.api import schema as api_schema
from remotegpu.db.urls import asyncpg_dsn, with_database
from tests.conftest import create_database, drop_database, make_settings
from tests.differential.compare import (
    VIEWERS,
    Differential,
    Side,
    collect_samples,
    reference_and_candidate,
)
from tests.differential.generate import OperationGenerator
from tests.differential.schema_shape import root_connections
from tests.live import bearer

# 1,750 seeds make about 2,070 operations: a fifth of them page a root connection that
# answers a cursor, and the follow-up page is an operation of its own.
CASES = 1_750
OPERATIONS = 2_000
FIRST_SEED = int(os.environ.get("DIFF_SEED", "0"))
SEEDS = range(FIRST_SEED, FIRST_SEED + int(os.environ.get("DIFF_CASES", str(CASES))))
AGENT_TOKEN_CREATE = """
mutation AgentToken($host: String) {
  apiTokenCreate(input: {name: "difftest agent", scopes: [AGENT], hostId: $host}) {
    token
    errors { code message }
  }
}
"""
# The constructs every run of CASES seeds must use (besides one `root:<name>` per connection).
CONSTRUCTS = (
    "reference",
    "nested_connection",
    "cursor_follow_up",
    "after",
    "before",
    "first",
    "last",
    "where",
    "order_by",
    "named_fragment",
    "inline_fragment",
    "fragment_on_node",
    "alias",
    "same_field_twice",
    "include",
    "skip",
    "variable",
    "typename",
    "node",
    "nodes",
    "lookup",
    "total_count",
    "page_info",
    "edges",
    "edges_cursor",
)


@pytest.fixture(scope="module")
async def differential(admin_url: str, seeded_template: str) -> AsyncIterator[Differential]:
    name = await create_database(admin_url, seeded_template)
    url = with_database(admin_url, name)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        admin = await conn.fetchval("SELECT id FROM customers WHERE username = 'admin'")
        # Two external customers in workspaces: alice and the next one in the most workspaces.
        customers = await conn.fetch(
            "SELECT c.id FROM customers c JOIN workspace_members m ON m.customer_id = c.id"
            " WHERE c.user_type = 'external' AND c.deleted_at IS NULL AND c.status = 'active'"
            " GROUP BY c.id ORDER BY (c.username = 'alice') DESC, count(*) DESC, c.id LIMIT 2"
        )
        host = await conn.fetchval("SELECT id FROM hosts ORDER BY id LIMIT 1")
    finally:
        await conn.close()
    # Rate limits are not under test here (tests/api/test_rate_limits.py): lift them.
    reference, candidate = reference_and_candidate(make_settings(rate_limit_enabled=False))
    side_a = Side.open("reference", reference, url)
    side_b = Side.open("candidate", candidate, url)
    headers: dict[str, dict[str, str]] = {
        "admin": bearer(admin),
        "customer": bearer(customers[0]["id"]),
        "other_customer": bearer(customers[1]["id"]),
        "anonymous": {},
    }
    created = await side_a.client.post(
        "/graphql",
        json={"query": AGENT_TOKEN_CREATE, "variables": {"host": host}},
        headers=headers["admin"],
    )
    token = created.json()["data"]["apiTokenCreate"]["token"]
    assert token, created.text
    headers["agent"] = {"Authorization": f"Bearer {token}"}
    assert set(headers) == set(VIEWERS)
    samples = await collect_samples(side_a, headers["admin"])
    generator = OperationGenerator(api_schema._schema, samples)
    yield Differential(side_a, side_b, generator, headers)
    await side_a.close()
    await side_b.close()
    await drop_database(admin_url, name)


async def test_read_paths_generated_operations_answer_identical_json(
    differential: Differential,
) -> None:
    outcome = await differential.run(SEEDS)
    reports = [mismatch.report() for mismatch in outcome.mismatches[:3]]
    assert not outcome.mismatches, (
        f"{len(outcome.mismatches)} of {len(SEEDS)} cases differ; the first:\n\n"
        + "\n\n".join(reports)
    )
    assert not outcome.invalid, f"the generator wrote refused documents: {outcome.invalid[:5]}"
    assert not outcome.internal, f"the reference failed internally: {outcome.internal[:5]}"
    assert outcome.operations >= (OPERATIONS if len(SEEDS) == CASES else len(SEEDS))
    # Follow-up pages repeat their document: the candidate answers them on the fast path.
    fast_path = differential.candidate.app.state.fast_path
    if len(SEEDS) == CASES:
        assert fast_path.answered >= 100, (fast_path.answered, fast_path.declined)


class _DeliberateBug:
    """Wraps the candidate side's answers: changes one value, or the order of one list, in
    `data`, and remembers the JSON path it changed."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.changed: list[str] = []

    def __call__(self, payload: Any) -> Any:
        altered = copy.deepcopy(payload)
        path = self._change(altered.get("data"), "$.data")
        if path is not None:
            self.changed.append(path)
        return altered

    def _change(self, value: Any, path: str) -> str | None:
        if isinstance(value, dict):
            for key, item in value.items():
                if self.kind == "value" and isinstance(item, str):
                    value[key] = item + "?"
                    return f"{path}.{key}"
                found = self._change(item, f"{path}.{key}")
                if found:
                    return found
        if isinstance(value, list):
            if self.kind == "order" and len(value) > 1 and value[0] != value[-1]:
                value.reverse()
                return path
            for index, item in enumerate(value):
                found = self._change(item, f"{path}[{index}]")
                if found:
                    return found
        return None


@pytest.mark.parametrize("kind", ["value", "order"])
async def test_read_paths_candidate_deliberately_changed_difference_reported(
    differential: Differential, kind: str
) -> None:
    bug = _DeliberateBug(kind)
    differential.candidate.alter = bug
    try:
        outcome = await differential.run(range(40))
    finally:
        differential.candidate.alter = None
    assert bug.changed, "the deliberate bug found nothing to change: widen the seed range"
    assert outcome.mismatches, f"the harness missed changes at {bug.changed[:3]}"
    first = outcome.mismatches[0]
    report = first.report()
    assert f"seed {first.seed}, viewer {VIEWERS[first.seed % len(VIEWERS)]}" in report
    assert first.operation.document in report
    assert json.dumps(first.operation.variables) in report
    assert f"DIFF_SEED={first.seed} DIFF_CASES=1 .venv/bin/pytest tests/differential" in report
    # The reported path is where the bug struck (a reordered list differs at or below it).
    assert any(first.path.startswith(path) for path in bug.changed), (first.path, bug.changed)


async def test_generator_operations_cover_every_construct(differential: Differential) -> None:
    generator = differential.generator
    counts: Counter[str] = Counter()
    paged = []
    for seed in range(CASES):  # the set the identical-JSON test runs by default
        operation = generator.generate(seed)
        counts.update(operation.constructs)
        if operation.page is not None:
            paged.append(operation)
    # A follow-up page needs a first answer: the reference gives a few, as admin.
    for operation in paged[:60]:
        _, payload = await differential.reference.send(differential.headers["admin"], operation)
        follow_up = generator.follow_up(operation, payload)
        if follow_up is not None:
            counts.update(follow_up.constructs - operation.constructs)
    expected = [*CONSTRUCTS, *(f"root:{name}" for name in root_connections(api_schema._schema))]
    missing = [construct for construct in expected if counts[construct] == 0]
    assert not missing, f"never generated: {missing}; counts: {sorted(counts.items())}"
    assert len(root_connections(api_schema._schema)) >= 32  # one per table, and more to come
