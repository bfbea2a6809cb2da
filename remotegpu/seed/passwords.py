"""The one password hash every demo account shares (password 'remotegpu-demo')."""

from __future__ import annotations

import hashlib

DEMO_PASSWORD = "remotegpu-demo"  # noqa: S105 - documented demo login, not a secret

# A fixed salt keeps seeded databases identical run to run; a random one per row would
# also cost ~50 ms of Argon2 per customer.
_SALT = hashlib.sha256(b"remotegpu-demo-salt").digest()[:16]

# The same Argon2id hash (argon2-cffi defaults: t=3, m=64 MiB, p=4, 32-byte hash) computed
# once with libargon2, used when argon2-cffi is not installed; it verifies DEMO_PASSWORD.
PRECOMPUTED_DEMO_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$xtioqRG1FY9jaDUML5tWvA"
    "$cJPwpt492+RvdrgGzVed+Z8cZHxoRv6LnnMwddayvo4"
)


def demo_password_hash() -> str:
    try:
        from argon2.low_level import (  # type: ignore[import-not-found,unused-ignore]
            Type,
            hash_secret,
        )
    except ImportError:
        return PRECOMPUTED_DEMO_HASH
    encoded: bytes = hash_secret(
        DEMO_PASSWORD.encode(),
        _SALT,
        time_cost=3,
        memory_cost=65536,
        parallelism=4,
        hash_len=32,
        type=Type.ID,
    )
    return encoded.decode()
