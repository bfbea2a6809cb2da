"""strawberry's ASGI view, hardened at the HTTP edge.

- Request bodies: over `max_request_body_bytes` they are refused with 413 before being read
  (from Content-Length, or while streaming a chunked body); anything but one JSON object
  with a string `query` is answered 400. Every refusal is a GraphQL-shaped JSON error
  `{"errors": [{"message", "extensions": {"code"}}]}`, never strawberry's plain text (nor the
  plain-text 500 a `null`, number or non-UTF-8 body used to get).
- A time limit per operation: past `request_timeout_seconds` the operation's task is
  cancelled, which makes asyncpg cancel its running statements, and the answer is a
  `REQUEST_TIMEOUT` error.
- Responses are encoded with orjson; one over `max_response_bytes` is replaced by a
  `RESPONSE_TOO_LARGE` error.
"""

from __future__ import annotations

import asyncio
import json
import logging
from functools import lru_cache
from typing import Any
from uuid import uuid4

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.base import BaseSchema
from strawberry.types import ExecutionResult
from strawberry.types.execution import SubscriptionExecutionResult

from remotegpu.auth.viewer import ANONYMOUS
from remotegpu.compiled.execute import CompiledAnswer, answered_by_compiled
from remotegpu.compiled.fast import FastPath
from remotegpu.context import Context
from remotegpu.persisted_documents import DocumentRefused
from remotegpu.request_tasks import cancel_all, tracking_tasks
from remotegpu.settings import Settings

log = logging.getLogger("remotegpu.graphql")

BAD_REQUEST = "BAD_REQUEST"
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
REQUEST_TIMEOUT = "REQUEST_TIMEOUT"
RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
# Nesting allowed in `variables` / `extensions`: far beyond any real input, far below the
# depth at which coercing them would exhaust Python's recursion limit.
MAX_JSON_DEPTH = 64


class RequestBodyTooLarge(Exception):
    """The client sent more bytes than `max_request_body_bytes`."""


def error_response(message: str, status_code: int, code: str) -> Response:
    """A refusal in the shape every GraphQL client already parses."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status_code)


def _capped(receive: Receive, limit: int) -> Receive:
    """`receive` that stops a chunked body as soon as it grows over `limit` bytes."""
    received = 0

    async def capped_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise RequestBodyTooLarge
        return message

    return capped_receive


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                raise HTTPException(400, "The Content-Length header is not a number.") from None
    return None


def _depth(value: object) -> int:
    """Nesting depth of decoded JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def _check_request(data: object) -> None:
    """A GraphQL-over-HTTP request: one JSON object with a string `query`."""
    if isinstance(data, list):
        raise HTTPException(400, "Batched requests are not supported: send one operation.")
    if not isinstance(data, dict):
        raise HTTPException(400, "The request body must be a JSON object.")
    if not isinstance(data.get("query"), str):
        raise HTTPException(400, "The request's `query` must be a string.")
    if not isinstance(data.get("operationName"), str | None):
        raise HTTPException(400, "The request's `operationName` must be a string or null.")
    for key in ("variables", "extensions"):
        value = data.get(key)
        if not isinstance(value, dict | None):
            raise HTTPException(400, f"The request's `{key}` must be an object or null.")
        if value is not None and _depth(value) > MAX_JSON_DEPTH:
            raise HTTPException(400, f"The request's `{key}` are nested too deeply.")


class HardenedGraphQLView(GraphQL[Context, None]):
    """strawberry's ASGI view with body, size and time limits and orjson encoding."""

    def __init__(self, schema: BaseSchema, settings: Settings, **options: Any) -> None:
        super().__init__(schema, **options)
        self.settings = settings
        # Set by the app when compiled reads answer documents again without strawberry.
        self.fast_path: FastPath | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        limit = self.settings.max_request_body_bytes
        try:
            declared = _declared_length(scope)
            if declared is not None and declared > limit:
                raise RequestBodyTooLarge
            request = Request(scope, receive=_capped(receive, limit))
            fast = None if self.fast_path is None else await self._fast(request, self.fast_path)
            # The body read by the fast path stays on the request for strawberry to read.
            response = fast if fast is not None else await self.run(request)
        except RequestBodyTooLarge:
            response = error_response(
                f"The request body is over the limit of {limit} bytes.", 413, REQUEST_TOO_LARGE
            )
        except HTTPException as exc:
            response = error_response(exc.reason, exc.status_code, BAD_REQUEST)
        except DocumentRefused as refused:  # a persisted-document hash unknown or not allowed
            response = JSONResponse(refused.body(), status_code=400)
        except Exception:  # a bug of ours: still JSON, and nothing of it reaches the client
            log.exception("unexpected error while serving /graphql")
            response = error_response("Internal server error.", 500, INTERNAL_SERVER_ERROR)
        await response(scope, receive, send)

    async def _fast(self, request: Request, fast_path: FastPath) -> Response | None:
        """The fast path's answer to a JSON POST of a document the compiled path answered
        before; None for every other request, and for one the fast path declines."""
        if request.method != "POST":
            return None
        if not _is_json(request.headers.get("content-type", "")):
            return None
        try:
            payload = self.parse_json(await request.body())
            _check_request(payload)
        except (ValueError, HTTPException, DocumentRefused):
            return None  # the normal path refuses it, in its own words
        assert isinstance(payload, dict)
        if not fast_path.knows(payload["query"], payload.get("operationName")):
            return None
        state = request.state
        result = await fast_path.answer(
            payload,
            request,
            getattr(state, "viewer", ANONYMOUS),
            getattr(state, "request_id", None) or uuid4().hex,
        )
        if result is None:
            return None
        response_data = await self.process_result(request, result)
        return self.create_response(response_data, await self.get_sub_response(request))

    # -- parsing -------------------------------------------------------------------------

    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses invalid UTF-8 and nesting past 1024 levels with a JSONDecodeError,
        # which strawberry turns into a 400 (json.loads raised UnicodeDecodeError or
        # RecursionError instead: a 500).
        return orjson.loads(data)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        content_type, _ = parse_content_type(request.content_type or "")
        if request.method == "POST" and "application/json" in content_type:
            # strawberry assumes a JSON object (`data.get`, a 500 otherwise) and lets an odd
            # `operationName` through: check the shape, then build the request from the one
            # decoded body (plain HTTP: subscriptions run over WebSocket, refused here).
            data = self.parse_json(await request.get_body())
            _check_request(data)
            return GraphQLRequestData(
                query=data["query"],
                variables=data.get("variables"),
                operation_name=data.get("operationName"),
                extensions=data.get("extensions"),
                protocol="http",
            )
        return await super().parse_http_body(request)

    # -- execution -----------------------------------------------------------------------

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> ExecutionResult | list[ExecutionResult] | SubscriptionExecutionResult:
        seconds = self.settings.request_timeout_seconds
        deadline = asyncio.timeout(seconds)
        answer = CompiledAnswer()
        token = answered_by_compiled.set(answer)
        with tracking_tasks() as started:
            try:
                async with deadline:
                    result = await super().execute_operation(
                        request, request_adapter, request_data, context, root_value, sub_response
                    )
                self._remember(request_data, result, answer)
                return result
            except TimeoutError:
                if not deadline.expired():
                    raise
            finally:
                answered_by_compiled.reset(token)
            # The deadline cancelled this task (and the resolvers it awaits); DataLoader
            # batches run in tasks of their own.
            await cancel_all(started)
        log.warning("request %s cancelled after %s s", context.request_id, seconds)
        error = GraphQLError(
            f"The operation ran longer than {seconds:g} s and was cancelled.",
            extensions={"code": REQUEST_TIMEOUT, "timeoutSeconds": seconds},
        )
        return ExecutionResult(data=None, errors=[error])

    def _remember(
        self,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        result: object,
        answer: CompiledAnswer,
    ) -> None:
        """A document the compiled path answered whole, without errors, goes to the fast path."""
        if (
            self.fast_path is not None
            and answer.document is not None
            and isinstance(request_data, GraphQLRequestData)
            and request_data.query is not None
            and isinstance(result, ExecutionResult)
            and not result.errors
        ):
            self.fast_path.remember(
                request_data.query, request_data.operation_name, answer.document
            )

    # -- encoding ------------------------------------------------------------------------

    def encode_json(self, data: object) -> str:
        # Text, not bytes: the WebSocket transports send what this returns as a text frame.
        return _encode(data).decode()

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        body = _encode(response_data)
        limit = self.settings.max_response_bytes
        if len(body) > limit:
            log.warning("response of %d bytes replaced by an error", len(body))
            error = {
                "message": f"The response is {len(body)} bytes, over the limit of {limit}: "
                "request fewer items per page or fewer fields.",
                "extensions": {"code": RESPONSE_TOO_LARGE, "size": len(body), "limit": limit},
            }
            body = _encode({"data": None, "errors": [error]})
        response = Response(body, status_code=200, media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response


@lru_cache(maxsize=64)
def _is_json(content_type: str) -> bool:
    """Whether strawberry reads a body of this Content-Type as JSON. Parsed once per header
    value: `parse_content_type` builds an email Message, a tenth of a fast-path request."""
    mime_type, _ = parse_content_type(content_type)
    return "application/json" in mime_type


def _encode(data: object) -> bytes:
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        # Integers past 64 bits (inside a JSON scalar): orjson refuses them, json does not.
        return json.dumps(data, separators=(",", ":")).encode()
