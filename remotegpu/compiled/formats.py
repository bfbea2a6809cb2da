"""How values are written: each column as the reference path serialises it, in SQL.

Enums by GraphQL name, BigInt, UUID and Decimal as text, Float as the same double, DateTime as
Python's isoformat (microseconds only when non-zero), global IDs as URL-safe base64 of
`Type:key` (PostgreSQL's line breaks removed), cursor values as `loaders.paging._encode_value`
writes them. A column whose GraphQL and SQL types are not a known pair is not compilable.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLOutputType,
    GraphQLScalarType,
)
from sqlalchemy import (
    ARRAY,
    JSON,
    Boolean,
    ColumnElement,
    DateTime,
    Double,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    case,
    cast,
    func,
    literal_column,
    null,
)


class NotCompilable(Exception):
    """The selection holds something the planner does not know: run the reference path."""


# Decimal scales whose str() PostgreSQL's numeric text matches.
MAX_DECIMAL_SCALE = 6


@dataclass(frozen=True)
class Format:
    """How a column value becomes the JSON the reference path serialises."""

    kind: str  # plain | text | float | datetime | datetime_naive | enum
    enum_names: tuple[tuple[str, str], ...] = ()  # (database value, GraphQL name)


def const(text: str) -> ColumnElement[str]:
    """A constant of the schema (a response key, a type name, a format) inlined as SQL text:
    fewer bound parameters, and the statement text alone says what it builds."""
    return literal_column("'" + text.replace("'", "''") + "'", Text)


EMPTY_LIST: ColumnElement[Any] = literal_column("'[]'::json")
ISO_SECONDS = 'YYYY-MM-DD"T"HH24:MI:SS'


def iso_datetime(column: Any, aware: bool) -> ColumnElement[str]:
    """`datetime.isoformat()`: microseconds only when non-zero, `+00:00` for aware values
    (asyncpg hands the reference path UTC datetimes whatever the session TimeZone)."""
    local = func.timezone(const("UTC"), column) if aware else column
    seconds = func.to_char(local, const(ISO_SECONDS), type_=Text)
    micros = func.to_char(local, const("US"), type_=Text)
    fraction = case((micros == const("000000"), const("")), else_=const(".") + micros)
    text = seconds + fraction
    return text + const("+00:00") if aware else text


def formatted(column: Any, fmt: Format) -> ColumnElement[Any]:
    if fmt.kind == "plain":
        return column  # type: ignore[no-any-return]
    if fmt.kind == "text":
        return cast(column, Text)
    if fmt.kind == "float":
        # The reference serialises a Python float: 1.0 stays 1.0 in JSON. PostgreSQL writes
        # float8 in its shortest exact form ("1", "1.5", "1e+20"); a bare integer gets ".0"
        # so it decodes to the same float.
        text = cast(column, Text)
        return cast(case((text.regexp_match("^-?[0-9]+$"), text + const(".0")), else_=text), JSON)
    if fmt.kind in ("datetime", "datetime_naive"):
        return iso_datetime(column, fmt.kind == "datetime")
    whens = [(column == const(raw), const(name)) for raw, name in fmt.enum_names]
    return case(*whens, else_=null())


def global_id(type_name: str, key: Any) -> ColumnElement[str]:
    raw = func.convert_to(const(f"{type_name}:") + cast(key, Text), const("UTF8"))
    encoded = func.encode(raw, const("base64"), type_=Text)
    return func.translate(encoded, const("+/\n"), const("-_"), type_=Text)


def cursor_value(column: Any, sql_type: Any) -> ColumnElement[Any]:
    """One sort value as `loaders.paging._encode_value` writes it into a cursor."""
    if isinstance(sql_type, DateTime):
        tagged = func.json_build_object(const("t"), iso_datetime(column, bool(sql_type.timezone)))
        return case((column.is_(None), null()), else_=tagged)
    if isinstance(sql_type, Numeric) and not isinstance(sql_type, Integer):
        if not sql_type.asdecimal or sql_type.scale is None or sql_type.scale > MAX_DECIMAL_SCALE:
            raise NotCompilable
        tagged = func.json_build_object(const("d"), cast(column, Text))
        return case((column.is_(None), null()), else_=tagged)
    if isinstance(sql_type, Integer | String):
        return column  # type: ignore[no-any-return]
    raise NotCompilable


def _unwrap(type_: GraphQLOutputType) -> GraphQLOutputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


# GraphQL scalar -> (column type, format) pairs the reference path serialises that way.
_SCALAR_FORMATS: dict[str, tuple[tuple[type[Any], str], ...]] = {
    "String": ((String, "plain"), (Integer, "text")),
    "ID": ((String, "plain"), (Integer, "text")),
    "Int": ((Integer, "plain"),),
    "Boolean": ((Boolean, "plain"),),
    "Float": ((Double, "float"),),
    "BigInt": ((Integer, "text"),),
    "UUID": ((Uuid, "text"),),
    "JSON": ((JSON, "plain"),),
}


def format_of(graphql_type: GraphQLOutputType, sql_type: Any) -> Format:
    """How the reference path serialises this column as this GraphQL type, if known."""
    output = _unwrap(graphql_type)
    if isinstance(output, GraphQLList):
        item = _unwrap(output.of_type)
        if (
            isinstance(sql_type, ARRAY)
            and isinstance(item, GraphQLScalarType)
            and (
                (item.name == "String" and isinstance(sql_type.item_type, String))
                or (item.name == "Int" and isinstance(sql_type.item_type, Integer))
            )
        ):
            return Format("plain")
        raise NotCompilable
    if isinstance(output, GraphQLEnumType):
        names = []
        for name, value in output.values.items():
            raw = value.value.value if isinstance(value.value, Enum) else value.value
            if not isinstance(raw, str):
                raise NotCompilable
            names.append((raw, name))
        return Format("enum", tuple(names))
    if not isinstance(output, GraphQLScalarType):
        raise NotCompilable
    if output.name == "Decimal":
        # Decimal's str() switches to exponent notation below 1e-6; PostgreSQL never does.
        if (
            isinstance(sql_type, Numeric)
            and sql_type.asdecimal
            and sql_type.scale is not None
            and sql_type.scale <= MAX_DECIMAL_SCALE
        ):
            return Format("text")
        raise NotCompilable
    if output.name == "DateTime" and isinstance(sql_type, DateTime):
        return Format("datetime" if sql_type.timezone else "datetime_naive")
    for sql_class, kind in _SCALAR_FORMATS.get(output.name, ()):
        if isinstance(sql_type, sql_class) and not isinstance(sql_type, ARRAY):
            return Format(kind)
    raise NotCompilable
