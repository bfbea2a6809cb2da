"""The assembled GraphQL schema: root types merged from resolvers/, plus extensions."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from remotegpu.resolvers.config import ConfigQuery

Query = merge_types("Query", (ConfigQuery,))

schema = strawberry.Schema(query=Query)
