"""Argon2id hashing, verification off the event loop, rehash of outdated hashes, the policy."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from remotegpu.app import create_app
from remotegpu.auth.passwords import (
    _dummy_hash,
    dummy_verify,
    hash_password,
    verify_password,
)
from remotegpu.domain.customer_inputs import check_password_policy
from remotegpu.domain.errors import DomainError, ErrorCode
from remotegpu.settings import Settings


async def test_hash_password_is_argon2id_and_salted() -> None:
    first = await hash_password("a long enough password")
    second = await hash_password("a long enough password")
    assert first.startswith("$argon2id$")
    assert first != second
    assert "a long enough password" not in first


async def test_verify_password_right_and_wrong() -> None:
    stored = await hash_password("a long enough password")
    assert (await verify_password(stored, "a long enough password")).ok
    assert not (await verify_password(stored, "a long enough passworD")).ok


async def test_verify_password_current_parameters_need_no_rehash() -> None:
    stored = await hash_password("a long enough password")
    assert (await verify_password(stored, "a long enough password")).new_hash is None


async def test_verify_password_outdated_parameters_returns_new_hash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)
    stored = weak.hash("a long enough password")
    check = await verify_password(stored, "a long enough password")
    assert check.ok
    assert check.new_hash is not None
    assert check.new_hash.startswith("$argon2id$")
    assert "m=65536" in check.new_hash
    assert (await verify_password(check.new_hash, "a long enough password")).ok


async def test_verify_password_garbage_hash_is_a_mismatch() -> None:
    assert not (await verify_password("not-a-hash", "whatever password")).ok


async def test_dummy_verify_returns_nothing_and_raises_nothing() -> None:
    await dummy_verify("anything at all")
    await dummy_verify("")


@pytest.mark.parametrize("password", ["", "short", "123456789"])
def test_password_policy_short_password_is_invalid_input(password: str) -> None:
    with pytest.raises(DomainError) as excinfo:
        check_password_policy(password)
    assert excinfo.value.code is ErrorCode.INVALID_INPUT
    assert excinfo.value.field == "password"
    assert "10 characters" in excinfo.value.message


def test_password_policy_ten_characters_is_enough() -> None:
    check_password_policy("0123456789")


def test_password_policy_absurdly_long_password_is_invalid_input() -> None:
    with pytest.raises(DomainError) as excinfo:
        check_password_policy("x" * 5000)
    assert excinfo.value.code is ErrorCode.INVALID_INPUT


async def test_app_start_up_makes_the_dummy_hash_before_any_login(migrated_url: str) -> None:
    # Unknown logins verify against a dummy hash; made lazily, the first such login would also
    # pay for hashing it, which tells an attacker it was the first.
    _dummy_hash.cache_clear()
    app = create_app(Settings(), migrated_url)
    async with app.router.lifespan_context(app):
        assert _dummy_hash.cache_info().currsize == 1
