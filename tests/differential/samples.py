"""Real values of the seeded fleet, so generated filters and lookups match something.

Before generating, the harness reads a page of every root connection as admin (through the
reference side) with every column and the row key of every reference; `Samples` keeps the
values per type and field. The sample documents come from the schema, like the operations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import graphql

from tests.differential.schema_shape import (
    connection_node_type,
    is_connection,
    leaf_fields,
    reference_fields,
)

SAMPLE_PAGE = 40


def sample_documents(schema: graphql.GraphQLSchema) -> dict[str, str]:
    """One document per root connection: a page of nodes, every column and reference key."""
    documents = {}
    for name, root in schema.query_type.fields.items() if schema.query_type else ():
        if not is_connection(root.type):
            continue
        node = connection_node_type(root.type)
        columns = " ".join(leaf_fields(node))
        references = " ".join(f"{ref} {{ rowId }}" for ref in reference_fields(node))
        documents[name] = (
            f"{{ {name}(first: {SAMPLE_PAGE}) {{ nodes {{ {columns} {references} }} }} }}"
        )
    return documents


@dataclass
class Samples:
    """Distinct values seen per (type name, field name), in first-seen order."""

    values: dict[tuple[str, str], list[Any]] = field(default_factory=lambda: defaultdict(list))

    def add_page(self, type_name: str, nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            for name, value in node.items():
                if isinstance(value, dict) and set(value) == {"rowId"}:
                    # A reference: its key is what `<name>Id` filters take.
                    self._add(type_name, f"{name}Id", value["rowId"])
                else:
                    self._add(type_name, name, value)

    def _add(self, type_name: str, name: str, value: Any) -> None:
        if value is None:
            return
        seen = self.values[(type_name, name)]
        if value not in seen:
            seen.append(value)

    def of(self, type_name: str, name: str) -> list[Any]:
        return self.values.get((type_name, name), [])

    @classmethod
    def from_responses(
        cls, schema: graphql.GraphQLSchema, responses: dict[str, dict[str, Any]]
    ) -> Samples:
        samples = cls()
        assert schema.query_type is not None
        for root, response in responses.items():
            assert "errors" not in response, (root, response["errors"])
            node = connection_node_type(schema.query_type.fields[root].type)
            samples.add_page(node.name, response["data"][root]["nodes"])
        return samples
