"""Every `where` field declares what it filters: a field that adds no condition cannot ship."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry
from graphql import GraphQLInputObjectType
from sqlalchemy.dialects import postgresql
from strawberry.types.base import StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition

from remotegpu.api import schema
from remotegpu.db.models import Host
from remotegpu.schema.inputs.filters import Where, filter_on

WHERE_INPUTS = {
    name: graphql_type.extensions["strawberry-definition"].origin
    for name, graphql_type in schema._schema.type_map.items()
    if isinstance(graphql_type, GraphQLInputObjectType) and name.endswith("Where")
}


def _sample(python_type: Any) -> Any:
    """A value of a filter field's type that matches something: the first field of a filter
    input (`eq`, `gt`) set, an enum's first member, a key that fits any key column."""
    if isinstance(python_type, StrawberryOptional):
        return _sample(python_type.of_type)
    if isinstance(python_type, StrawberryEnumDefinition):
        return next(iter(python_type.wrapped_cls))
    definition = getattr(python_type, "__strawberry_definition__", None)
    if definition is not None:
        first = definition.fields[0]
        return python_type(**{first.python_name: _sample(first.type)})
    samples: dict[Any, Any] = {
        bool: True,
        int: 1,
        str: "1",
        strawberry.ID: "1",
        datetime: datetime(2024, 1, 1, tzinfo=UTC),
        strawberry.scalars.JSON: {"region": "eu"},
    }
    return samples[python_type]


def test_where_inputs_all_declare_their_fields() -> None:
    assert len(WHERE_INPUTS) >= 33
    undeclared = [name for name, cls in WHERE_INPUTS.items() if not issubclass(cls, Where)]
    assert undeclared == []


@pytest.mark.parametrize("where_name", sorted(WHERE_INPUTS))
def test_where_each_field_set_adds_a_condition(where_name: str) -> None:
    cls = WHERE_INPUTS[where_name]
    for field in cls.__strawberry_definition__.fields:
        where = cls(**{field.python_name: _sample(field.type)})
        conditions = where.conditions()
        assert conditions, f"{where_name}.{field.python_name} adds no condition"
        for condition in conditions:
            # Each condition compiles to PostgreSQL: a column the declaration names exists.
            assert str(condition.compile(dialect=postgresql.dialect()))


def test_where_field_without_a_declaration_is_refused() -> None:
    @strawberry.input(description="A filter with one undeclared field.")
    class HalfDeclaredWhere(Where):
        declared: str | None = filter_on(Host.name, "Declared.")
        undeclared: int | None = strawberry.field(default=None, description="Forgotten.")

    with pytest.raises(TypeError, match="undeclared"):
        HalfDeclaredWhere(undeclared=1).conditions()
