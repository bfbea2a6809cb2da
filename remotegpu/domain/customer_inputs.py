"""What is said about an account: the input dataclasses, the defaults a new customer gets, and
the validation of names, e-mail addresses, choices and profile fields (INVALID_INPUT at the
field). The operations on accounts are in customers.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from remotegpu.domain.enums import AccountType, QuotaLevel, UserType
from remotegpu.domain.errors import DomainError, ErrorCode

GIB = 1024**3
TIB = 1024**4
USERNAME_PATTERN = re.compile(r"[a-z0-9._-]{3,64}")
# Deliberately loose: one @, a dot in the domain, no whitespace. Delivery proves the rest.
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EMAIL_MAX = 128
USER_TYPES = tuple(UserType)
ACCOUNT_TYPES = tuple(AccountType)
QUOTA_LEVELS = tuple(QuotaLevel)
MIN_PASSWORD_LENGTH = 10
# Argon2 hashes any length, but a megabyte "password" is a cheap way to burn CPU.
MAX_PASSWORD_LENGTH = 1024
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Column sizes of the free-text profile fields (customers table).
PROFILE_LIMITS = {
    "display_name": 128,
    "full_name": 256,
    "phone": 32,
    "company": 256,
    "avatar_url": 512,
}


@dataclass(frozen=True)
class QuotaValues:
    quota_level: str
    cpu_quota: int  # cores
    memory_quota: int  # MB
    gpu_quota: int
    storage_quota: int  # bytes
    environment_quota: int


# What a new customer gets (domain rules); admins are "unlimited": values no host reaches.
DEFAULT_QUOTAS: dict[str, QuotaValues] = {
    "external": QuotaValues("free", 4, 8192, 0, 10 * GIB, 1),
    "internal": QuotaValues("basic", 16, 32768, 2, 200 * GIB, 10),
    "admin": QuotaValues("enterprise", 4096, 16_777_216, 512, 1024 * TIB, 100),
}


@dataclass(frozen=True)
class NewCustomer:
    username: str
    email: str
    password: str
    user_type: str = "external"
    account_type: str = "individual"
    profile: dict[str, str | None] = field(default_factory=dict)  # PROFILE_LIMITS keys


@dataclass(frozen=True)
class CustomerChanges:
    """What to change; None leaves a value alone, except `profile` where None clears it."""

    profile: dict[str, str | None] = field(default_factory=dict)
    email: str | None = None
    user_type: str | None = None
    account_type: str | None = None


@dataclass(frozen=True)
class QuotaChanges:
    """New limits; None leaves a limit alone."""

    quota_level: str | None = None
    cpu_quota: int | None = None
    memory_quota: int | None = None
    gpu_quota: int | None = None
    storage_quota: int | None = None
    environment_quota: int | None = None


def clean_username(username: str) -> str:
    # Usernames are unique case-insensitively, so one spelling is stored: lower case.
    username = username.strip().lower()
    if not USERNAME_PATTERN.fullmatch(username):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            "username must be 3 to 64 characters of a-z, 0-9, '.', '_' and '-'",
            "username",
        )
    return username


def clean_email(email: str) -> str:
    email = email.strip()
    if len(email) > EMAIL_MAX or not EMAIL_PATTERN.fullmatch(email):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"not an e-mail address (at most {EMAIL_MAX} characters)",
            "email",
        )
    return email


def clean_profile(profile: dict[str, str | None]) -> dict[str, str | None]:
    cleaned: dict[str, str | None] = {}
    for name, value in profile.items():
        limit = PROFILE_LIMITS[name]
        value = value.strip() if value is not None else None
        path = name
        if value is not None and len(value) > limit:
            raise DomainError(ErrorCode.INVALID_INPUT, f"at most {limit} characters", path)
        if name == "avatar_url" and value and not value.startswith(("https://", "http://")):
            raise DomainError(ErrorCode.INVALID_INPUT, "must be an http(s) URL", path)
        cleaned[name] = value or None
    return cleaned


def check_password_policy(password: str, field: str = "password") -> None:
    """Raise INVALID_INPUT (field "password" by default) when the policy is broken."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"password must be at least {MIN_PASSWORD_LENGTH} characters long",
            field,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"password must be at most {MAX_PASSWORD_LENGTH} characters long",
            field,
        )
