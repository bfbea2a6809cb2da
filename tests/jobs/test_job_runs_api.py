"""jobRuns: admins read every run (connection conventions); nobody else sees any."""

from __future__ import annotations

import pytest

from tests.graphql import admin_viewer, agent_viewer, customer_viewer
from tests.jobs.conftest import Fleet
from tests.support.jobs import FAILING, MARKER

JOB_RUNS = """
query Runs($where: JobRunWhere, $first: Int, $after: String) {
  jobRuns(where: $where, first: $first, after: $after) {
    totalCount
    nodes { id rowId jobName startedAt finishedAt rowsTouched outcome error }
    pageInfo { hasNextPage endCursor }
  }
}"""
NODE = """
query Node($id: ID!) { node(id: $id) { ... on JobRun { rowId jobName outcome } } }
"""


async def _three_runs(fleet: Fleet) -> None:
    await fleet.run(MARKER, await fleet.db_now())
    await fleet.run(MARKER, await fleet.db_now())
    with pytest.raises(RuntimeError):
        await fleet.run(FAILING, await fleet.db_now())


async def test_job_runs_admin_reads_runs_newest_first_in_pages(fleet: Fleet) -> None:
    await _three_runs(fleet)
    admin = admin_viewer(fleet.admin)

    first = (await fleet.gql.ok(JOB_RUNS, {"first": 2}, admin))["jobRuns"]

    assert first["totalCount"] == 3
    assert [n["jobName"] for n in first["nodes"]] == ["test.failing", "test.marker"]
    failed = first["nodes"][0]
    assert (failed["outcome"], failed["rowsTouched"]) == ("FAILED", None)
    assert failed["error"] == "RuntimeError: the disk is on fire"
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await fleet.gql.ok(JOB_RUNS, {"first": 2, "after": first["pageInfo"]["endCursor"]},
                              admin)  # fmt: skip
    [last] = rest["jobRuns"]["nodes"]
    assert (last["jobName"], last["outcome"], last["rowsTouched"]) == ("test.marker",
                                                                       "SUCCEEDED", 1)  # fmt: skip
    node = (await fleet.gql.ok(NODE, {"id": last["id"]}, admin))["node"]
    assert node == {"rowId": last["rowId"], "jobName": "test.marker", "outcome": "SUCCEEDED"}


async def test_job_runs_where_outcome_filters(fleet: Fleet) -> None:
    await _three_runs(fleet)
    where = {"outcome": {"eq": "FAILED"}}
    data = await fleet.gql.ok(JOB_RUNS, {"where": where}, admin_viewer(fleet.admin))
    assert [n["jobName"] for n in data["jobRuns"]["nodes"]] == ["test.failing"]


async def test_job_runs_customer_or_agent_sees_none(fleet: Fleet) -> None:
    await _three_runs(fleet)
    for viewer in (customer_viewer(fleet.alice), agent_viewer(fleet.admin, fleet.hosts[0])):
        data = await fleet.gql.ok(JOB_RUNS, {}, viewer)
        empty = {"hasNextPage": False, "endCursor": None}
        assert data["jobRuns"] == {"totalCount": 0, "nodes": [], "pageInfo": empty}
    run_id = (await fleet.gql.ok(JOB_RUNS, {}, admin_viewer(fleet.admin)))["jobRuns"]["nodes"][0]
    hidden = await fleet.gql.ok(NODE, {"id": run_id["id"]}, customer_viewer(fleet.alice))
    assert hidden["node"] is None
