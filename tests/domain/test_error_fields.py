"""The domain names a failing field in its own terms; the API maps it to a client path.

Two checks: the mapping itself (`client_path`), and that every field name written in a domain
module's errors maps to a path that exists on some mutation's input type: a misspelt or
renamed field would otherwise send clients a path to nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
)

import remotegpu.domain
from remotegpu.api import schema
from remotegpu.domain.errors import WHOLE_INPUT, DomainError, ErrorCode
from remotegpu.schema.errors import UserError, client_path

DOMAIN = Path(remotegpu.domain.__file__).parent
# Errors of operations that only jobs run (alert firing, metering, invoicing a month, job
# clocks): they never reach a mutation's payload, so no input type has their fields.
JOB_ONLY = {
    ("alert_firing", "comparison"),
    ("alert_firing", "current_value"),
    ("alert_firing", "now"),
    ("alert_firing", "resource_id"),
    ("alert_firing", "resource_type"),
    ("alert_firing", "rule_id"),
    ("invoicing", "customer_id"),
    ("invoicing", "month"),
    ("invoicing", "now"),
    ("invoicing", "year"),
    ("job_watermarks", "now"),
}
# Paths clients have always received that name no field of the input (the invoice is `rowId`
# there); kept byte-identical.
TODAYS_ODD_PATHS = {("invoicing", "invoice_id")}
# Helpers that take the field as an argument: name -> its position.
FIELD_POSITION = {
    "invalid": 0,
    "clean_text": 1,
    "check_range": 1,
    "check_choice": 2,
    "check_count": 1,
    "clean_name": 2,
    "check_text": 1,
    "_text": 2,
    "_ip": 1,
    "_port": 1,
    "in_range": 3,
    "_at": 1,
    "_invalid": 0,
    "_refused": 2,
}
# Helpers of the job-side modules that report their fields outside `input`.
OUTSIDE_INPUT_HELPERS = {"_invalid", "_refused"}


def _texts_of(node: ast.expr, names: dict[str, list[str]]) -> list[str]:
    """The field names written in the source: a literal, a name assigned one (or looping over
    literals), or an f-string whose other placeholders are list positions, read as 0. An
    f-string that starts with an unknown placeholder names no field we can check: none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name):
        return names.get(node.id, [])
    if not isinstance(node, ast.JoinedStr):
        return []
    texts = [""]
    for i, part in enumerate(node.values):
        if isinstance(part, ast.Constant):
            options = [str(part.value)]
        else:
            inner = part.value if isinstance(part, ast.FormattedValue) else part
            options = names.get(inner.id, []) if isinstance(inner, ast.Name) else []
            if not options and i == 0:
                return []
            options = options or ["0"]
        texts = [text + option for text in texts for option in options]
    return texts


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _fields_of(tree: ast.Module) -> Iterator[tuple[str, bool]]:
    """(field, outside_input) of every error a module writes with a field name it spells out."""
    names: dict[str, list[str]] = {}  # names given a text anywhere in the module
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, texts = node.targets[0], _texts_of(node.value, names)
        elif isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple | ast.List):
            target = node.target
            texts = [t for item in node.iter.elts for t in _texts_of(item, names)]
        else:
            continue
        if isinstance(target, ast.Name) and texts:
            names[target.id] = texts
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _called(node)
            outside = name in OUTSIDE_INPUT_HELPERS or any(
                k.arg == "outside_input" and isinstance(k.value, ast.Constant) and k.value.value
                for k in node.keywords
            )
            candidates: list[ast.expr] = [
                k.value
                for k in node.keywords
                if k.arg is not None and (k.arg == "field" or k.arg.endswith("_field"))
            ]
            position = 2 if name == "DomainError" else FIELD_POSITION.get(name)
            if position is not None and len(node.args) > position:
                candidates.append(node.args[position])
            for candidate in candidates:
                for text in _texts_of(candidate, names):
                    yield text, outside


def _domain_fields() -> list[tuple[str, str, bool]]:
    found = set()
    for path in sorted(DOMAIN.glob("*.py")):
        for field, outside in _fields_of(ast.parse(path.read_text())):
            if (path.stem, field) not in JOB_ONLY | TODAYS_ODD_PATHS:
                found.add((path.stem, field, outside))
    return sorted(found)


def _input_paths(kind: GraphQLInputType, prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every path into an input value: fields by name, list items as "0"."""
    yield prefix
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    if isinstance(kind, GraphQLList):
        yield from _input_paths(kind.of_type, (*prefix, "0"))
    elif isinstance(kind, GraphQLInputObjectType):
        for name, field in kind.fields.items():
            yield from _input_paths(field.type, (*prefix, name))


def _mutation_input_paths() -> set[tuple[str, ...]]:
    mutation = schema._schema.mutation_type
    assert mutation is not None
    paths: set[tuple[str, ...]] = set()
    for field in mutation.fields.values():
        for name, argument in field.args.items():
            paths.update(_input_paths(argument.type, (name,)))
            # Errors reported outside `input` name a field of the input all the same.
            paths.update(p[1:] for p in _input_paths(argument.type, (name,)) if p[1:])
    return paths


DOMAIN_FIELDS = _domain_fields()
MUTATION_INPUT_PATHS = _mutation_input_paths()


def test_domain_error_fields_collected_cover_every_area() -> None:
    """The scan below must see the fields of the modules it is meant to check."""
    modules = {module for module, _, _ in DOMAIN_FIELDS}
    assert {"hosts", "host_inputs", "customers", "tickets", "webhooks", "alerts"} <= modules
    assert {"storage", "versioned_artifacts", "ml_models", "datasets", "mounts", "artifacts"} <= (
        modules
    )
    assert len(DOMAIN_FIELDS) > 100


@pytest.mark.parametrize(
    ("module", "field", "outside_input"),
    DOMAIN_FIELDS,
    ids=[f"{m}:{f}" for m, f, _ in DOMAIN_FIELDS],
)
def test_domain_error_field_maps_to_mutation_input_path(
    module: str, field: str, outside_input: bool
) -> None:
    assert field == field.lower(), f"{module}: {field!r} is not in the domain's snake_case"
    error = DomainError(ErrorCode.INVALID_INPUT, "x", field, outside_input=outside_input)
    path = client_path(error)
    assert path is not None
    assert tuple(path) in MUTATION_INPUT_PATHS, f"{module}: {field!r} -> {path}"


@pytest.mark.parametrize(
    ("field", "outside_input", "expected"),
    [
        (None, False, None),
        ("id", False, ["input", "id"]),
        ("storage_path", False, ["input", "storagePath"]),
        ("gpus.3.memory_total", False, ["input", "gpus", "3", "memoryTotal"]),
        ("k8s_node_name", False, ["input", "k8sNodeName"]),
        (WHOLE_INPUT, False, ["input"]),
        ("paid_at", True, ["paidAt"]),
        (["input", "mountPath"], False, ["input", "mountPath"]),
    ],
)
def test_client_path_of_domain_field_gives_todays_path(
    field: str | list[str] | None, outside_input: bool, expected: list[str] | None
) -> None:
    error = DomainError(ErrorCode.NOT_FOUND, "missing", field, outside_input=outside_input)
    assert client_path(error) == expected
    user_error = UserError.from_domain(error)
    assert (user_error.field, user_error.code, user_error.message) == (
        expected,
        ErrorCode.NOT_FOUND,
        "missing",
    )
