"""Subscriptions are served over WebSocket only: over HTTP they are refused before running."""

from __future__ import annotations

import httpx

SUBSCRIPTION = "subscription { environmentsUpdated { rowId } }"


async def test_subscription_over_http_post_refused_with_400(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": SUBSCRIPTION})
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "subscription" in error["message"].lower()
