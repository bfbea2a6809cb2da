"""Trusted documents: operations registered ahead of time and sent by hash.

The manifest is the one the TypeScript codegen writes (`clients/persisted-documents.json`,
client-preset `persistedDocuments` with `hashAlgorithm: "sha256"`): a JSON object mapping the
SHA-256 hex digest of each document to its text. A request names a document either way:

- `{"documentId": "<sha256>"}` (the client-preset's convention), or
- `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<sha256>"}}}` (Apollo's).

Both carry the same digest. With `trusted_documents_only` on, a document sent as text is
accepted only when its digest is in the manifest (an allow-list, as Hasura's and Apollo's
safelisting), so production serves the console's operations and nothing else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def document_hash(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class ManifestError(Exception):
    """The manifest file is unreadable or does not match its own digests."""


class DocumentRefused(Exception):
    """The request names an unknown document, or sends one the allow-list lacks."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


@dataclass(frozen=True)
class PersistedDocuments:
    by_hash: Mapping[str, str]
    trusted_only: bool = False

    @classmethod
    def load(cls, path: Path, *, trusted_only: bool) -> PersistedDocuments:
        try:
            manifest = json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise ManifestError(f"cannot read the persisted documents {path}: {exc}") from None
        if not isinstance(manifest, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in manifest.items()
        ):
            raise ManifestError(f"{path}: expected a JSON object of hash -> document")
        for digest, document in manifest.items():
            if document_hash(document) != digest:
                # A wrong digest means another hash algorithm or an edited file: either way
                # clients and server would disagree about every hash.
                raise ManifestError(f"{path}: {digest[:12]}... is not the SHA-256 of its document")
        return cls(by_hash=manifest, trusted_only=trusted_only)

    def resolve(self, payload: Any) -> None:
        """Fill in `query` of a request (or of each item of a batch) named by hash; refuse
        what is unknown. Changes `payload` in place."""
        for item in payload if isinstance(payload, list) else [payload]:
            if isinstance(item, dict):
                self._resolve_one(item)

    def _resolve_one(self, item: dict[str, Any]) -> None:
        digest = _requested_hash(item)
        query = item.get("query")
        if digest is not None:
            document = self.by_hash.get(digest)
            if document is None:
                raise DocumentRefused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
            if isinstance(query, str) and query != document:
                raise DocumentRefused(
                    "PERSISTED_QUERY_HASH_MISMATCH", "The query does not match its hash."
                )
            item["query"] = document
            return
        if self.trusted_only and not (
            isinstance(query, str) and document_hash(query) in self.by_hash
        ):
            raise DocumentRefused(
                "PERSISTED_QUERY_NOT_IN_LIST",
                "Only registered documents are accepted: send a documentId from the manifest.",
            )


def _requested_hash(item: dict[str, Any]) -> str | None:
    document_id = item.get("documentId")
    if isinstance(document_id, str):
        return document_id.removeprefix("sha256:")
    extensions = item.get("extensions")
    if isinstance(extensions, dict):
        persisted = extensions.get("persistedQuery")
        if isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str):
            digest: str = persisted["sha256Hash"]
            return digest
    return None
