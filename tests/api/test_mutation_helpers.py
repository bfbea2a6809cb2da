"""The pieces every mutation is written with: the Payload base and the input->draft converter.

The mutations themselves (transaction, audit rows, errors, payloads) are tested per area, over
the API, against PostgreSQL; these are the contracts those tests rely on without naming them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pytest
import strawberry

from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.resolvers.mutate import mutation
from remotegpu.schema.enums import StorageVisibility
from remotegpu.schema.errors import UserError
from remotegpu.schema.inputs.drafts import to_draft
from remotegpu.schema.inputs.fields import keep, optional
from remotegpu.schema.types.payload import Payload, payload


@payload("Result of thingCreate.")
class ThingCreatePayload(Payload):
    thing: str | None = strawberry.field(default=None, description="The new thing.")
    count: int | None = strawberry.field(default=None, description="How many there are.")


@payload("Result of thingDelete.", errors="Why the deletion did not happen; empty on success.")
class ThingDeletePayload(Payload):
    gone: int | None = strawberry.field(default=None, description="Key of the gone thing.")


@strawberry.type
class _Query:
    @strawberry.field
    def create(self) -> ThingCreatePayload:
        return ThingCreatePayload(thing="t", count=1)

    @strawberry.field
    def delete(self) -> ThingDeletePayload:
        return ThingDeletePayload.failed(
            [UserError.from_domain(DomainError(ErrorCode.NOT_FOUND, "no such thing"))]
        )


SCHEMA = strawberry.Schema(query=_Query)

EXPECTED_CREATE_TYPE = '''"""Result of thingCreate."""
type ThingCreatePayload {
  """The new thing."""
  thing: String

  """How many there are."""
  count: Int

  """Why nothing changed; empty on success."""
  errors: [UserError!]!
}'''

FAILED_QUERY = "{ delete { gone errors { code message } } create { thing count errors { code } } }"


def test_payload_declared_fields_errors_printed_last() -> None:
    assert EXPECTED_CREATE_TYPE in SCHEMA.as_str()


def test_payload_own_errors_wording_printed() -> None:
    assert '"""Why the deletion did not happen; empty on success."""\n  errors:' in (
        SCHEMA.as_str()
    )


def test_payload_failed_fields_null_errors_set() -> None:
    result = SCHEMA.execute_sync(FAILED_QUERY)
    assert result.errors is None
    assert result.data == {
        "delete": {"gone": None, "errors": [{"code": "NOT_FOUND", "message": "no such thing"}]},
        "create": {"thing": "t", "count": 1, "errors": []},
    }


def test_payload_without_base_class_raises_type_error() -> None:
    with pytest.raises(TypeError, match="must subclass Payload"):

        @payload("Result of nothing.")
        class NotAPayload:  # pragma: no cover (never built)
            x: int | None = None


@dataclass(frozen=True)
class _Draft:
    name: str
    visibility: str = "private"
    tags: list[str] | None = None
    size: int = 0


@strawberry.input
class _Input:
    name: str
    visibility: StorageVisibility | None = strawberry.UNSET
    tags: list[StorageVisibility] | None = None
    unrelated: int = 7


def test_to_draft_enum_members_stored_strings() -> None:
    draft = to_draft(
        _Draft,
        _Input(
            name="n",
            visibility=StorageVisibility.PUBLIC,
            tags=[StorageVisibility.PRIVATE, StorageVisibility.WORKSPACE],
        ),
    )
    assert draft == _Draft(name="n", visibility="public", tags=["private", "workspace"], size=0)


def test_to_draft_unset_field_becomes_none() -> None:
    assert to_draft(_Draft, _Input(name="n")).visibility is None


def test_to_draft_override_wins_over_input() -> None:
    draft = to_draft(_Draft, _Input(name="n"), name="m", size=3)
    assert (draft.name, draft.size) == ("m", 3)


def test_to_draft_unknown_override_raises_type_error() -> None:
    with pytest.raises(TypeError, match="_Draft has no field sizes"):
        to_draft(_Draft, _Input(name="n"), sizes=3)


class _Plain(Enum):  # an enum that is not a StrEnum: str() would give "_Plain.ON"
    ON = "on"


@dataclass(frozen=True)
class _Switch:
    state: str | None = None
    name: object = "keep"


@strawberry.input
class _SwitchInput:
    state: _Plain | None = None
    name: str | None = strawberry.UNSET


def test_to_draft_plain_enum_member_stored_value() -> None:
    assert to_draft(_Switch, _SwitchInput(state=_Plain.ON)).state == "on"


def test_to_draft_absent_marker_used_for_unset_fields() -> None:
    keep = object()
    draft = to_draft(_Switch, _SwitchInput(state=None), absent=keep)
    assert (draft.state, draft.name) == (None, keep)


@strawberry.input(description="A new thing.")
class ThingCreateInput:
    name: str | None = optional("Its name; none if omitted.")
    note: str | None = keep("A note; kept as it is if omitted.")


@strawberry.type
class _Mutation:
    thing_create = mutation(
        "Make a thing.",
        "thing.create",
        ThingCreateInput,
        ThingCreatePayload,
        lambda _session, _viewer, input: _never_called(input),
    )


async def _never_called(input: ThingCreateInput) -> None:
    raise AssertionError(f"the schema is only printed here, not run: {input}")


DECLARED_SCHEMA = strawberry.Schema(query=_Query, mutation=_Mutation)

EXPECTED_MUTATION_TYPE = '''type Mutation {
  """Make a thing."""
  thingCreate(input: ThingCreateInput!): ThingCreatePayload!
}'''

EXPECTED_INPUT_TYPE = '''"""A new thing."""
input ThingCreateInput {
  """Its name; none if omitted."""
  name: String = null

  """A note; kept as it is if omitted."""
  note: String
}'''


def test_mutation_declaration_printed_as_field_with_input_and_payload() -> None:
    assert EXPECTED_MUTATION_TYPE in DECLARED_SCHEMA.as_str()


def test_input_optional_and_keep_fields_printed_with_their_defaults() -> None:
    assert EXPECTED_INPUT_TYPE in DECLARED_SCHEMA.as_str()
