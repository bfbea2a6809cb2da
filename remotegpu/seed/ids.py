"""Identifiers drawn from the seeded generator, so every run with one seed is identical."""

from __future__ import annotations

import random
import uuid

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def stream(seed: int, name: str) -> random.Random:
    """An independent generator per table group: changing one group leaves the others alone."""
    return random.Random(f"{seed}:{name}")


def make_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class ShortIds:
    """Unique short text ids like 'env-k3x9q2m7ab' for the tables with text primary keys."""

    def __init__(self, rng: random.Random, prefix: str, length: int = 10) -> None:
        self._rng = rng
        self._prefix = prefix
        self._length = length
        self._used: set[str] = set()

    def next(self) -> str:
        while True:
            body = "".join(self._rng.choices(_ALPHABET, k=self._length))
            candidate = f"{self._prefix}-{body}"
            if candidate not in self._used:
                self._used.add(candidate)
                return candidate


def hex_token(rng: random.Random, nbytes: int) -> str:
    return rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big").hex()
