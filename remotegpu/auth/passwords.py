"""Password hashing with Argon2id, verified off the event loop. The password policy is a
domain rule: `remotegpu.domain.customer_inputs.check_password_policy`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

log = logging.getLogger(__name__)

# argon2-cffi's defaults (RFC 9106 low-memory profile: t=3, m=64 MiB, p=4), type Argon2id.
_hasher = PasswordHasher(type=Type.ID)


async def hash_password(password: str) -> str:
    """The Argon2id hash of `password` (checks nothing; the domain checks the policy first)."""
    return await asyncio.to_thread(_hasher.hash, password)


@dataclass(frozen=True)
class PasswordCheck:
    ok: bool
    new_hash: str | None = None  # set when the stored hash used outdated parameters


def _verify(stored_hash: str, password: str) -> PasswordCheck:
    try:
        _hasher.verify(stored_hash, password)
    except VerifyMismatchError:
        return PasswordCheck(ok=False)
    except (InvalidHashError, VerificationError):
        log.warning("stored password hash is not a valid Argon2 hash")
        return PasswordCheck(ok=False)
    if _hasher.check_needs_rehash(stored_hash):
        return PasswordCheck(ok=True, new_hash=_hasher.hash(password))
    return PasswordCheck(ok=True)


async def verify_password(stored_hash: str, password: str) -> PasswordCheck:
    """Check `password` against `stored_hash` in a worker thread; rehash when outdated."""
    return await asyncio.to_thread(_verify, stored_hash, password)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def _dummy_verify(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _hasher.verify(_dummy_hash(), password)


async def dummy_verify(password: str) -> None:
    """Spend the time of a real verification, so an unknown login answers as slowly."""
    await asyncio.to_thread(_dummy_verify, password)


def warm_up() -> None:
    """Compute the dummy hash now (optional; otherwise the first unknown login does it)."""
    _dummy_hash()
