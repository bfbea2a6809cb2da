"""Access tokens (JWT, HS256 pinned) and the formats of refresh and API tokens."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from remotegpu.auth.tokens import (
    InvalidTokenError,
    create_access_token,
    decode_access_token,
    generate_api_token,
    parse_api_token,
    token_hash,
)
from remotegpu.settings import Settings
from tests.conftest import make_settings

SETTINGS = make_settings()
OTHER_KEY = "another-secret-that-is-long-enough-0123456789"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(**overrides: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": "42",
        "epoch": 0,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
        "iss": SETTINGS.jwt_issuer,
        "jti": "abc",
        "typ": "access",
    }
    claims.update(overrides)
    return claims


def test_access_token_round_trip() -> None:
    issued = create_access_token(SETTINGS, 42, token_epoch=3)
    claims = decode_access_token(SETTINGS, issued.token)
    assert claims.customer_id == 42
    assert claims.token_epoch == 3
    assert claims.jti == issued.jti
    header = jwt.get_unverified_header(issued.token)
    assert header["alg"] == "HS256"
    payload = jwt.decode(issued.token, options={"verify_signature": False})
    assert payload["sub"] == "42"
    assert payload["typ"] == "access"
    assert payload["epoch"] == 3
    assert set(payload) == {"sub", "epoch", "iat", "exp", "iss", "jti", "typ"}


def test_access_token_lifetime_follows_settings() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    settings = make_settings(access_token_ttl_seconds=60)
    issued = create_access_token(settings, 1, now=now)
    assert issued.expires_at == now + timedelta(seconds=60)


def test_access_token_expired_is_refused() -> None:
    issued = create_access_token(SETTINGS, 42, now=datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(InvalidTokenError, match="expired"):
        decode_access_token(SETTINGS, issued.token)


def test_access_token_tampered_signature_is_refused() -> None:
    token = create_access_token(SETTINGS, 42).token
    head, body, signature = token.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, f"{head}.{body}.{flipped}")


def test_access_token_tampered_payload_is_refused() -> None:
    token = create_access_token(SETTINGS, 42).token
    head, _body, signature = token.split(".")
    forged = _b64(json.dumps(_claims(sub="1")).encode())
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, f"{head}.{forged}.{signature}")


def test_access_token_alg_none_is_refused() -> None:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    body = _b64(json.dumps(_claims()).encode())
    for token in (f"{header}.{body}.", f"{header}.{body}"):
        with pytest.raises(InvalidTokenError):
            decode_access_token(SETTINGS, token)


def test_access_token_other_hmac_algorithm_is_refused() -> None:
    settings = make_settings(jwt_secret="k" * 64)  # long enough for HS512 without a warning
    token = jwt.encode(_claims(), settings.jwt_secret, algorithm="HS512")
    with pytest.raises(InvalidTokenError):
        decode_access_token(settings, token)


def test_access_token_signed_with_another_key_is_refused() -> None:
    token = jwt.encode(_claims(), OTHER_KEY, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, token)


def test_access_token_other_issuer_is_refused() -> None:
    token = jwt.encode(_claims(iss="someone-else"), SETTINGS.jwt_secret, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, token)


@pytest.mark.parametrize(
    "overrides",
    [
        {"typ": "refresh"},
        {"typ": None},
        {"sub": "not-a-number"},
        {"sub": 42},
        # Correctly signed, but no customers.id: each used to escape as a 500.
        {"sub": "99999999999999999999"},  # past BIGINT
        {"sub": "9223372036854775808"},  # BIGINT max + 1
        {"sub": "²"},  # a Unicode digit int() refuses
        {"sub": "١٢"},  # Arabic-Indic digits int() would accept
        {"sub": "-1"},
        {"sub": "0"},
        {"sub": "007"},
        {"sub": " 7"},
        {"sub": ""},
        {"epoch": "0"},
        {"epoch": -1},
        {"epoch": 1.5},
        {"epoch": True},
        {"epoch": 2**31},
        {"jti": 5},
    ],
)
def test_access_token_wrong_claims_are_refused(overrides: dict[str, object]) -> None:
    claims = {k: v for k, v in _claims(**overrides).items() if v is not None}
    token = jwt.encode(claims, SETTINGS.jwt_secret, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, token)


@pytest.mark.parametrize("missing", ["exp", "iat", "iss", "jti", "sub", "epoch"])
def test_access_token_missing_claim_is_refused(missing: str) -> None:
    claims = _claims()
    del claims[missing]
    token = jwt.encode(claims, SETTINGS.jwt_secret, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, token)


def test_access_token_largest_customer_id_round_trips() -> None:
    issued = create_access_token(SETTINGS, 2**63 - 1)
    assert decode_access_token(SETTINGS, issued.token).customer_id == 2**63 - 1


def test_access_token_from_another_deployment_secret_is_refused() -> None:
    other = Settings(jwt_secret=OTHER_KEY)
    token = create_access_token(other, 42).token
    with pytest.raises(InvalidTokenError):
        decode_access_token(SETTINGS, token)


def test_api_token_format_and_hash() -> None:
    generated = generate_api_token()
    assert generated.plaintext.startswith(f"rgp_{generated.prefix}_")
    assert len(generated.prefix) == 8
    assert parse_api_token(generated.plaintext) == generated.prefix
    assert generated.token_hash == token_hash(generated.plaintext)
    assert len(generated.token_hash) == 64
    assert generate_api_token().plaintext != generated.plaintext


@pytest.mark.parametrize(
    "token", ["rgp_", "rgp_abcdefgh", "rgp_abcdefgh_", "rgp_ABCDEFGH_secret", "rgp_abc_secret"]
)
def test_api_token_malformed_is_refused(token: str) -> None:
    with pytest.raises(InvalidTokenError):
        parse_api_token(token)


def test_access_token_verified_before_is_still_refused_once_expired() -> None:
    """A token remembered as verified is re-checked for expiry on every use."""
    settings = make_settings(access_token_ttl_seconds=60)
    issued = create_access_token(settings, 42, now=datetime.now(UTC) - timedelta(seconds=59))
    assert decode_access_token(settings, issued.token).customer_id == 42
    time.sleep(max(0.0, issued.expires_at.timestamp() - time.time()) + 0.05)
    with pytest.raises(InvalidTokenError, match="expired"):
        decode_access_token(settings, issued.token)


def test_access_token_verified_before_is_refused_under_another_key_or_issuer() -> None:
    token = create_access_token(SETTINGS, 42).token
    assert decode_access_token(SETTINGS, token).customer_id == 42
    for other in (make_settings(jwt_secret=OTHER_KEY), make_settings(jwt_issuer="someone-else")):
        with pytest.raises(InvalidTokenError):
            decode_access_token(other, token)
