"""Trusted documents: registered operations sent by hash, and the allow-list setting."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from remotegpu.app import create_app
from remotegpu.persisted_documents import ManifestError, PersistedDocuments, document_hash
from remotegpu.settings import SettingsError, load_settings
from tests.conftest import app_client, make_settings

SYSTEM_INFO = "query SystemInfo { systemInfo { name } }"
SYSTEM_INFO_HASH = document_hash(SYSTEM_INFO)
UNREGISTERED = "query Other { systemInfo { version } }"
EXPECTED = {"data": {"systemInfo": {"name": "RemoteGPU"}}}


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "persisted-documents.json"
    path.write_text(json.dumps({SYSTEM_INFO_HASH: SYSTEM_INFO}))
    return path


async def client_for(
    migrated_url: str, manifest: Path, *, trusted_only: bool
) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(persisted_documents=manifest, trusted_documents_only=trusted_only)
    async for client in app_client(create_app(settings, migrated_url)):
        yield client


async def test_persisted_document_by_document_id_runs_it(migrated_url: str, manifest: Path) -> None:
    async for client in client_for(migrated_url, manifest, trusted_only=True):
        response = await client.post("/graphql", json={"documentId": SYSTEM_INFO_HASH})
        assert response.status_code == 200
        assert response.json() == EXPECTED


async def test_persisted_document_by_apollo_sha256_hash_runs_it(
    migrated_url: str, manifest: Path
) -> None:
    body = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": SYSTEM_INFO_HASH}}}
    async for client in client_for(migrated_url, manifest, trusted_only=False):
        response = await client.post("/graphql", json=body)
        assert response.json() == EXPECTED


async def test_persisted_document_unknown_hash_is_refused(
    migrated_url: str, manifest: Path
) -> None:
    async for client in client_for(migrated_url, manifest, trusted_only=False):
        response = await client.post("/graphql", json={"documentId": "0" * 64})
        assert response.status_code == 400
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_persisted_document_text_not_matching_its_hash_is_refused(
    migrated_url: str, manifest: Path
) -> None:
    body = {"documentId": SYSTEM_INFO_HASH, "query": UNREGISTERED}
    async for client in client_for(migrated_url, manifest, trusted_only=False):
        response = await client.post("/graphql", json=body)
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["code"] == (
            "PERSISTED_QUERY_HASH_MISMATCH"
        )


async def test_trusted_documents_only_unregistered_document_is_refused(
    migrated_url: str, manifest: Path
) -> None:
    async for client in client_for(migrated_url, manifest, trusted_only=True):
        response = await client.post("/graphql", json={"query": UNREGISTERED})
        assert response.status_code == 400
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
        assert "data" not in response.json()
        # A batch may not smuggle an unregistered document behind a registered one.
        batch = [{"documentId": SYSTEM_INFO_HASH}, {"query": UNREGISTERED}]
        assert (await client.post("/graphql", json=batch)).status_code == 400


async def test_trusted_documents_only_registered_text_is_accepted(
    migrated_url: str, manifest: Path
) -> None:
    async for client in client_for(migrated_url, manifest, trusted_only=True):
        response = await client.post("/graphql", json={"query": SYSTEM_INFO})
        assert response.json() == EXPECTED


async def test_trusted_documents_off_unregistered_document_runs(
    migrated_url: str, manifest: Path
) -> None:
    async for client in client_for(migrated_url, manifest, trusted_only=False):
        response = await client.post("/graphql", json={"query": UNREGISTERED})
        assert response.json() == {"data": {"systemInfo": {"version": "1.0.0"}}}


def test_manifest_load_wrong_digest_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"ab" * 20: SYSTEM_INFO}))  # a SHA-1-sized key
    with pytest.raises(ManifestError, match="not the SHA-256"):
        PersistedDocuments.load(path, trusted_only=True)


def test_settings_trusted_only_without_manifest_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REMOTEGPU_TRUSTED_DOCUMENTS_ONLY", "true")
    monkeypatch.delenv("REMOTEGPU_PERSISTED_DOCUMENTS", raising=False)
    with pytest.raises(SettingsError, match="REMOTEGPU_PERSISTED_DOCUMENTS"):
        load_settings()
