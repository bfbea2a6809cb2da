"""Run GraphQL documents in-process as a given viewer, counting SQL statements."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from starlette.requests import Request

from remotegpu.api import build_schema
from remotegpu.auth.viewer import ANONYMOUS, Scope, Viewer
from remotegpu.context import Context
from remotegpu.db.engine import create_engine, create_session_factory
from remotegpu.settings import Settings

ADMIN_SCOPES = frozenset({Scope.READ, Scope.WRITE})


def customer_viewer(customer_id: int, user_type: str = "external", username: str = "") -> Viewer:
    return Viewer(
        customer_id=customer_id,
        username=username or f"customer-{customer_id}",
        user_type=user_type,
        scopes=ADMIN_SCOPES,
    )


def admin_viewer(customer_id: int = 1) -> Viewer:
    return customer_viewer(customer_id, "admin", "admin")


def agent_viewer(customer_id: int, host_id: str) -> Viewer:
    return Viewer(
        customer_id=customer_id,
        username="agent",
        user_type="admin",
        scopes=frozenset({Scope.AGENT}),
        agent_host_id=host_id,
    )


@dataclass
class GraphQLRunner:
    """Executes documents against one database; `statements` counts SQL sent since reset."""

    settings: Settings
    url: str
    statements: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.engine = create_engine(self.url, self.settings)
        self.sessions = create_session_factory(self.engine)
        self.schema = build_schema(self.settings)

        @event.listens_for(self.engine.sync_engine, "before_cursor_execute")
        def _count(*args: Any) -> None:
            self.statements.append(str(args[2]))

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        viewer: Viewer = ANONYMOUS,
    ) -> dict[str, Any]:
        request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": []})
        context = Context(
            settings=self.settings, sessions=self.sessions, request=request, viewer=viewer
        )
        result = await self.schema.execute(query, variable_values=variables, context_value=context)
        out: dict[str, Any] = {"data": result.data}
        if result.errors:
            out["errors"] = [
                {"message": e.message, "path": e.path, "extensions": e.extensions}
                for e in result.errors
            ]
        return out

    async def ok(
        self, query: str, variables: dict[str, Any] | None = None, viewer: Viewer = ANONYMOUS
    ) -> dict[str, Any]:
        """Execute and assert there were no errors; return `data`."""
        result = await self(query, variables, viewer)
        assert "errors" not in result, result["errors"]
        data: dict[str, Any] = result["data"]
        return data

    def reset_count(self) -> None:
        self.statements.clear()

    async def close(self) -> None:
        await self.engine.dispose()


async def runner_for(url: str, **settings: Any) -> AsyncIterator[GraphQLRunner]:
    runner = GraphQLRunner(Settings(**settings), url)
    yield runner
    await runner.close()
