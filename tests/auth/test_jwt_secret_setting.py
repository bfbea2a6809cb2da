"""REMOTEGPU_JWT_SECRET: production refuses a short or the development key, in one line."""

from __future__ import annotations

import pytest

from remotegpu.settings import SettingsError, load_settings

LONG_ENOUGH = "p" * 32


def _refusal(monkeypatch: pytest.MonkeyPatch, environment: str, secret: str | None) -> str:
    monkeypatch.setenv("REMOTEGPU_ENVIRONMENT", environment)
    if secret is None:
        monkeypatch.delenv("REMOTEGPU_JWT_SECRET", raising=False)
    else:
        monkeypatch.setenv("REMOTEGPU_JWT_SECRET", secret)
    with pytest.raises(SettingsError) as excinfo:
        load_settings()
    return str(excinfo.value)


@pytest.mark.parametrize("secret", ["x", "p" * 31, "é" * 15])
def test_load_settings_production_short_jwt_secret_is_refused(
    monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    message = _refusal(monkeypatch, "production", secret)
    assert "REMOTEGPU_JWT_SECRET" in message
    assert "32 bytes" in message
    assert "\n" not in message


def test_load_settings_production_default_jwt_secret_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = _refusal(monkeypatch, "production", None)
    assert message.startswith("REMOTEGPU_JWT_SECRET is invalid:")
    assert "development default" in message
    assert "\n" not in message


def test_load_settings_production_32_byte_jwt_secret_is_accepted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REMOTEGPU_ENVIRONMENT", "production")
    monkeypatch.setenv("REMOTEGPU_JWT_SECRET", LONG_ENOUGH)
    assert load_settings().jwt_secret == LONG_ENOUGH
    # 16 two-byte characters are 32 bytes: the key's length is what HS256 sees, in bytes.
    monkeypatch.setenv("REMOTEGPU_JWT_SECRET", "é" * 16)
    assert load_settings().jwt_secret == "é" * 16


def test_load_settings_development_default_jwt_secret_is_accepted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REMOTEGPU_ENVIRONMENT", "development")
    monkeypatch.delenv("REMOTEGPU_JWT_SECRET", raising=False)
    assert load_settings().jwt_secret.startswith("dev-only-")
