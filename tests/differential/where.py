"""`where` arguments built from the seeded data, so that filters select something.

Each filter field takes its values from the node field of the same name (`status`,
`createdAt`, `customerId`), from the reference of the same stem (`ownerId` <- `owner.rowId`),
or from the few columns named otherwise (WHERE_SOURCES). A field without any sample is left out.
"""

from __future__ import annotations

import random
from typing import Any

import graphql

from tests.differential.samples import Samples

# (node type, where field) -> node field holding the filtered column's values.
WHERE_SOURCES = {
    ("Environment", "image"): "imageName",
    ("SystemConfig", "key"): "configKey",
}


def where_value(
    rng: random.Random,
    where_type: graphql.GraphQLInputType,
    node: str,
    samples: Samples,
    *,
    narrow: bool = False,
) -> dict[str, Any]:
    """One to two filter fields with values seen in the data (empty when there are none);
    `narrow`: one of them is a key filter (`hostId: {eq: ...}`)."""
    where = graphql.get_named_type(where_type)
    assert isinstance(where, graphql.GraphQLInputObjectType)
    chosen = rng.sample(list(where.fields), min(len(where.fields), rng.choice((1, 1, 2))))
    keys = [
        n for n, f in where.fields.items() if graphql.get_named_type(f.type).name == "KeyFilter"
    ]
    if narrow and keys and not set(chosen) & set(keys):
        chosen.append(rng.choice(keys))
    value = {}
    for name in chosen:
        filter_value = _filter(rng, where.fields[name].type, _values(samples, node, name))
        if filter_value is not None:
            value[name] = filter_value
    return value


def _values(samples: Samples, node: str, name: str) -> list[Any]:
    if name == "region":  # labels->>'region'
        return [
            v["region"] for v in samples.of(node, "labels") if isinstance(v, dict) and "region" in v
        ]
    if name == "labelsContain":
        return [
            {key: labels[key]}
            for labels in samples.of(node, "labels")
            if isinstance(labels, dict)
            for key in labels
        ]
    values: list[Any] = samples.of(node, WHERE_SOURCES.get((node, name), name))
    if values and all(isinstance(v, dict) for v in values):
        return []  # a reference object; its key was sampled as `<name>Id`
    return values


def _filter(rng: random.Random, type_: graphql.GraphQLInputType, values: list[Any]) -> Any:
    target = graphql.get_named_type(type_)
    if target.name == "Boolean":
        return rng.choice(values) if values else rng.random() < 0.5
    if isinstance(target, graphql.GraphQLInputObjectType) and target.name.endswith("EnumFilter"):
        enum = graphql.get_named_type(target.fields["eq"].type)
        assert isinstance(enum, graphql.GraphQLEnumType)
        choices = values or list(enum.values)
        return _eq_or_in(rng, choices)
    if not values:
        return None
    if target.name == "StringFilter":
        text = str(rng.choice(values))
        operator = rng.choice(("eq", "in", "startsWith", "contains"))
        if operator == "startsWith":
            return {"startsWith": text[: rng.randint(1, max(1, min(4, len(text))))]}
        if operator == "contains":
            start = rng.randint(0, max(0, len(text) - 3))
            piece = text[start : start + 3]
            return {"contains": piece.upper() if rng.random() < 0.3 else piece}
        return _eq_or_in(rng, [str(v) for v in values], operator)
    if target.name == "KeyFilter":
        return _eq_or_in(rng, [str(v) for v in values])
    if target.name == "DateTimeFilter":
        operators = rng.sample(["gt", "gte", "lt", "lte"], rng.choice((1, 1, 2)))
        return {operator: rng.choice(values) for operator in operators}
    return rng.choice(values)  # Int, String, JSON: a value itself


def _eq_or_in(
    rng: random.Random, choices: list[Any], operator: str | None = None
) -> dict[str, Any]:
    operator = operator or rng.choice(("eq", "in"))
    if operator == "eq":
        return {"eq": rng.choice(choices)}
    return {"in": rng.sample(choices, min(len(choices), rng.randint(1, 3)))}
