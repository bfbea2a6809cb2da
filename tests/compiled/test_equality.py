"""The compiled path answers exactly as the reference path: same JSON bytes, every viewer.

Each operation runs twice over the same seeded fleet, with compiled reads on and off, as an
admin, two different customers, an agent token and anonymous. Operations marked compiled must
also have been answered by the compiled path (one statement per root field), so a planner
that silently falls back cannot pass for an equal one.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bench.read_api import CONSOLE_PAGE, FLEET_VIEW, HOSTS_PAGE
from tests.compiled.conftest import VIEWER_NAMES, Paths

# (name, document, variables, root fields when compiled; 0: must fall back)
OPERATIONS: list[tuple[str, str, dict[str, Any], int]] = [
    ("console_page", CONSOLE_PAGE, {}, 1),
    ("fleet_view", FLEET_VIEW, {}, 1),
    ("hosts_page", HOSTS_PAGE, {"after": None}, 1),
]


async def assert_same(paths: Paths, document: str, variables: dict[str, Any], viewer: str,
                      roots: int) -> dict[str, Any]:  # fmt: skip
    who = paths.viewers[viewer]
    expected = await paths.reference(document, variables, who)
    paths.compiled.reset_count()
    got = await paths.compiled(document, variables, who)
    assert orjson.dumps(got) == orjson.dumps(expected), (
        f"compiled and reference differ as {viewer}: replay with\n{document}\n{variables}"
    )
    if roots:
        assert len(paths.compiled.statements) == roots, paths.compiled.statements
    return expected


@pytest.mark.parametrize("viewer", VIEWER_NAMES)
@pytest.mark.parametrize(("name", "document", "variables", "roots"), OPERATIONS,
                         ids=[op[0] for op in OPERATIONS])  # fmt: skip
async def test_read_compiled_or_reference_same_json(
    paths: Paths, name: str, document: str, variables: dict[str, Any], roots: int, viewer: str
) -> None:
    await assert_same(paths, document, variables, viewer, roots)
