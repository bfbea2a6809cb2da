"""The shared checks of plain input values (remotegpu.domain.validators): what they accept,
what they return, and the error (code, domain field, message) they raise otherwise."""

from __future__ import annotations

import pytest

from remotegpu.domain import validators
from remotegpu.domain.errors import DomainError, ErrorCode


def _refusal(error: pytest.ExceptionInfo[DomainError]) -> tuple[ErrorCode, object, str]:
    return error.value.code, error.value.field, error.value.message


@pytest.mark.parametrize(
    ("field", "spelled"),
    [
        ("name", "name"),
        ("gpu_count", "gpuCount"),
        ("k8s_node_name", "k8sNodeName"),
        ("gpus.0.memory_total", "memoryTotal"),
        ("tags.3", "3"),
    ],
)
def test_spelled_domain_field_gives_clients_name(field: str, spelled: str) -> None:
    assert validators.spelled(field) == spelled


def test_clean_name_padded_name_returns_it_stripped() -> None:
    assert validators.clean_name("  lab  ", 8) == "lab"
    assert validators.clean_name("x" * 8, 8) == "x" * 8


@pytest.mark.parametrize("value", ["", "   ", "x" * 9])
def test_clean_name_blank_or_too_long_refused(value: str) -> None:
    with pytest.raises(DomainError) as refused:
        validators.clean_name(value, 8, "display_name")
    assert _refusal(refused) == (
        ErrorCode.INVALID_INPUT,
        "display_name",
        "displayName must be 1 to 8 characters",
    )


def test_check_choice_allowed_value_returns_it() -> None:
    assert validators.check_choice("pro", ("free", "pro"), "quota_level") == "pro"


def test_check_choice_unknown_value_refused_listing_choices_in_order() -> None:
    with pytest.raises(DomainError) as refused:
        validators.check_choice("gold", ("free", "basic", "pro"), "quota_level")
    assert _refusal(refused) == (
        ErrorCode.INVALID_INPUT,
        "quota_level",
        "quotaLevel must be one of free, basic, pro",
    )


def test_clean_text_blank_optional_returns_none() -> None:
    assert validators.clean_text(None, "framework", 8) is None
    assert validators.clean_text("   ", "framework", 8) is None
    assert validators.clean_text(" torch ", "framework", 8) == "torch"


@pytest.mark.parametrize(
    ("value", "required", "message"),
    [
        ("  ", True, "scriptPath must not be blank"),
        (None, True, "scriptPath must not be blank"),
        ("x" * 9, False, "scriptPath is longer than 8 characters"),
    ],
)
def test_clean_text_blank_required_or_too_long_refused(
    value: str | None, required: bool, message: str
) -> None:
    with pytest.raises(DomainError) as refused:
        validators.clean_text(value, "script_path", 8, required=required)
    assert _refusal(refused) == (ErrorCode.INVALID_INPUT, "script_path", message)


def test_check_range_inside_or_missing_passes() -> None:
    validators.check_range(None, "cpu", minimum=1)
    validators.check_range(1, "cpu", minimum=1, maximum=4)
    validators.check_range(validators.BIGINT_MAX, "memory", minimum=1)


@pytest.mark.parametrize("value", [0, 5])
def test_check_range_outside_refused(value: int) -> None:
    with pytest.raises(DomainError) as refused:
        validators.check_range(value, "gpu_count", minimum=1, maximum=4)
    assert _refusal(refused) == (
        ErrorCode.INVALID_INPUT,
        "gpu_count",
        "gpuCount must be between 1 and 4",
    )
