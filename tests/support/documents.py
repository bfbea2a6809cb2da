"""GraphQL documents more than one test file sends."""

from __future__ import annotations

# The reported attack: depth 12, 30 aliases, under 2,000 tokens, so within every other
# limit; 100^4 environments per alias. It took 18 s and answered 19 MB.
_NESTED = (
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { name } } } } } } } } } } }"
)
ATTACK = "{ " + " ".join(f"a{i}: {_NESTED}" for i in range(30)) + " }"
