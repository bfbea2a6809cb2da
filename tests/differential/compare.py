"""The harness: two configured apps answer the same generated requests, as the same viewer.

Side A is the reference, side B the candidate (`reference_and_candidate`, the one place that
says which is which). Each side is the whole in-process app (`create_app`: auth, limits,
GraphQL) reached over httpx's ASGI transport; both use the same database. A case is one seed:
the generated operation, then, when it pages a root connection, the neighbouring page asked
for with the cursor side A returned. Both responses must be the same JSON: the same status,
keys in the same order, values of the same JSON types, data and errors alike (errors are kept,
not skipped: a viewer refused something must be refused the same way by both paths). The only
thing blanked is an unexpected error's request id, new for every request; such an error is
reported on its own (`Outcome.internal`) even when both sides agree on it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette

from remotegpu.api import schema as api_schema
from remotegpu.app import create_app
from remotegpu.settings import Settings
from tests.differential.generate import Operation, OperationGenerator
from tests.differential.samples import Samples, sample_documents

# Each case goes to one of these viewers: seed % len(VIEWERS), so a seed alone replays it.
VIEWERS = ("admin", "customer", "other_customer", "agent", "anonymous")
IN_FLIGHT = 6  # cases sent at once: the database works on one while Python builds another
REPLAY = (
    "DIFF_SEED={seed} DIFF_CASES=1 .venv/bin/pytest tests/differential -p no:xdist -k identical"
)
Alter = Callable[[dict[str, Any]], dict[str, Any]]


def reference_and_candidate(settings: Settings) -> tuple[Settings, Settings]:
    """Side A: the DataLoader path (the reference). Side B: the compiled read path."""
    reference = settings.model_copy(update={"compiled_reads": False})
    candidate = settings.model_copy(update={"compiled_reads": True})
    return reference, candidate


@dataclass
class Side:
    name: str
    app: Starlette
    client: httpx.AsyncClient
    alter: Alter | None = None  # only the harness's own test sets this: a deliberate bug

    @classmethod
    def open(cls, name: str, settings: Settings, database_url: str) -> Side:
        app = create_app(settings, database_url)
        # App exceptions become HTTP 500 responses, as in production, and get compared.
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        client = httpx.AsyncClient(transport=transport, base_url="http://difftest", timeout=60)
        return cls(name, app, client)

    async def send(self, headers: dict[str, str], operation: Operation) -> tuple[int, Any]:
        body = {"query": operation.document, "variables": operation.variables}
        response = await self.client.post("/graphql", json=body, headers=headers)
        payload = _without_request_ids(response.json())
        if self.alter is not None:
            payload = self.alter(payload)
        return response.status_code, payload

    async def close(self) -> None:
        await self.client.aclose()
        await self.app.state.engine.dispose()


@dataclass(frozen=True)
class Mismatch:
    """Two different answers to one request, with what it takes to replay it."""

    seed: int
    viewer: str
    operation: Operation
    path: str
    reference: Any
    candidate: Any

    def report(self) -> str:
        return "\n".join(
            [
                f"seed {self.seed}, viewer {self.viewer}: the answers differ at {self.path}",
                f"  side A (reference): {json.dumps(self.reference)[:500]}",
                f"  side B (candidate): {json.dumps(self.candidate)[:500]}",
                f"document:\n{self.operation.document}",
                f"variables: {json.dumps(self.operation.variables)}",
                f"replay: {REPLAY.format(seed=self.seed)}",
            ]
        )


def first_difference(a: Any, b: Any, path: str = "$") -> tuple[str, Any, Any] | None:
    """The first JSON path where `a` and `b` differ (value, JSON type or key order)."""
    if type(a) is not type(b):  # 1 == 1.0 == True in Python, not in JSON
        return path, a, b
    if isinstance(a, dict):
        if list(a) != list(b):
            return path, list(a), list(b)
        for key in a:
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None if len(a) == len(b) else (f"{path}.length", len(a), len(b))
    return None if a == b else (path, a, b)


@dataclass
class Outcome:
    """What a run did: operations sent (per side), their constructs, the mismatches found."""

    operations: int = 0
    constructs: dict[str, int] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # generator bugs: refused documents
    internal: list[str] = field(default_factory=list)  # server bugs, even if both sides agree

    def count(self, operation: Operation) -> None:
        self.operations += 1
        for construct in operation.constructs:
            self.constructs[construct] = self.constructs.get(construct, 0) + 1


@dataclass
class Differential:
    reference: Side
    candidate: Side
    generator: OperationGenerator
    headers: dict[str, dict[str, str]]

    async def run(self, seeds: Iterable[int]) -> Outcome:
        outcome = Outcome()
        gate = asyncio.Semaphore(IN_FLIGHT)

        async def one(seed: int) -> None:
            async with gate:
                await self.run_case(seed, outcome)

        await asyncio.gather(*(one(seed) for seed in seeds))
        outcome.mismatches.sort(key=lambda m: m.seed)
        return outcome

    async def run_case(self, seed: int, outcome: Outcome) -> None:
        viewer = VIEWERS[seed % len(VIEWERS)]
        operation: Operation | None = self.generator.generate(seed)
        while operation is not None:
            outcome.count(operation)
            (status_a, a), (status_b, b) = await asyncio.gather(
                self.reference.send(self.headers[viewer], operation),
                self.candidate.send(self.headers[viewer], operation),
            )
            found = first_difference([status_a, a], [status_b, b])
            if found is not None:
                path = found[0].replace("$[0]", "$.status", 1).replace("$[1]", "$", 1)
                outcome.mismatches.append(
                    Mismatch(seed, viewer, operation, path, found[1], found[2])
                )
                return
            codes = _error_codes(a)
            if codes & {"GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"}:
                outcome.invalid.append(f"seed {seed}: {a['errors'][0]['message']}")
                return
            if status_a >= 500 or "INTERNAL_SERVER_ERROR" in codes:
                outcome.internal.append(f"seed {seed}, viewer {viewer}: {json.dumps(a)[:300]}")
            operation = self.generator.follow_up(operation, a)


def _error_codes(payload: Any) -> set[str]:
    errors = payload.get("errors") if isinstance(payload, dict) else None
    return {str((e.get("extensions") or {}).get("code")) for e in errors or ()}


def _without_request_ids(payload: Any) -> Any:
    """An unexpected error names its request's id, which is new for every request: the one
    part of an answer that may differ. Kept present, its value blanked."""
    for error in payload.get("errors") or () if isinstance(payload, dict) else ():
        extensions = error.get("extensions")
        if isinstance(extensions, dict) and "requestId" in extensions:
            extensions["requestId"] = "(request id)"
    return payload


async def collect_samples(side: Side, headers: dict[str, str]) -> Samples:
    """A page of every root connection, read as `headers` (admin: every row is visible)."""
    schema = api_schema._schema
    responses = {}
    for root, document in sample_documents(schema).items():
        response = await side.client.post("/graphql", json={"query": document}, headers=headers)
        responses[root] = response.json()
    return Samples.from_responses(schema, responses)
