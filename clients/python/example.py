"""The console's first screens through the generated client; `make check` runs mypy --strict
on it and on the client, and tests/test_codegen.py runs it against a live server."""

from __future__ import annotations

from remotegpu_client.client import RemoteGPUClient
from remotegpu_client.input_types import DatasetVersionCreateInput


def first_screen(
    client: RemoteGPUClient, username: str, password: str, dataset_id: int
) -> list[str]:
    login = client.login(login=username, password=password).login
    if login.access_token is None:
        raise RuntimeError("; ".join(f"{e.code}: {e.message}" for e in login.errors))
    auth = {"Authorization": f"Bearer {login.access_token}"}
    page = client.environments(first=20, headers=auth).environments
    # BigInt arrives as a decimal string and is parsed into a Python int.
    memory: int = sum(env.memory for env in page.nodes)
    created = client.dataset_version_create(
        # `size` left out: absent means 0 (the schema has no BigInt default to mistype).
        DatasetVersionCreateInput(
            datasetId=dataset_id, version="v-example", storagePath="s3://x/v"
        ),
        headers=auth,
    ).dataset_version_create
    version = created.dataset_version
    return [
        *(f"{env.name}: {env.status}" for env in page.nodes),
        f"memory total {memory}",
        f"new version size {None if version is None else version.size}",
        *(f"{e.code}: {e.message}" for e in created.errors),
    ]
