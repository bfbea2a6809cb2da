from typing import Any, Optional, Union

from .base_client import BaseClient
from .base_model import UNSET, UnsetType
from .dataset_version_create import DatasetVersionCreate
from .datasets import Datasets
from .environment_create import EnvironmentCreate
from .environments import Environments
from .input_types import DatasetVersionCreateInput, EnvironmentCreateInput
from .login import Login
from .system_info import SystemInfo
from .viewer import Viewer


def gql(q: str) -> str:
    return q


class RemoteGPUClient(BaseClient):
    def environments(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Environments:
        query = gql("""
            query Environments($first: Int, $after: String) {
              environments(first: $first, after: $after) {
                nodes {
                  id
                  rowId
                  name
                  status
                  memory
                  createdAt
                  host {
                    name
                  }
                  portMappings(first: 10) {
                    nodes {
                      serviceType
                      externalPort
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = self.execute(
            query=query, operation_name="Environments", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Environments.model_validate(data)

    def environment_create(
        self, input: EnvironmentCreateInput, **kwargs: Any
    ) -> EnvironmentCreate:
        query = gql("""
            mutation EnvironmentCreate($input: EnvironmentCreateInput!) {
              environmentCreate(input: $input) {
                environment {
                  id
                  rowId
                  name
                  status
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="EnvironmentCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return EnvironmentCreate.model_validate(data)

    def login(self, login: str, password: str, **kwargs: Any) -> Login:
        query = gql("""
            mutation Login($login: String!, $password: String!) {
              login(input: {login: $login, password: $password}) {
                accessToken
                refreshToken
                expiresAt
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"login": login, "password": password}
        response = self.execute(
            query=query, operation_name="Login", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Login.model_validate(data)

    def system_info(self, **kwargs: Any) -> SystemInfo:
        query = gql("""
            query SystemInfo {
              systemInfo {
                name
                version
                apiVersion
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="SystemInfo", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SystemInfo.model_validate(data)

    def viewer(self, **kwargs: Any) -> Viewer:
        query = gql("""
            query Viewer {
              viewer {
                id
                rowId
                username
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="Viewer", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Viewer.model_validate(data)

    def datasets(
        self, first: Union[Optional[int], UnsetType] = UNSET, **kwargs: Any
    ) -> Datasets:
        query = gql("""
            query Datasets($first: Int) {
              datasets(first: $first) {
                nodes {
                  id
                  rowId
                  name
                  totalSize
                  storageType
                }
                totalCount
              }
            }
            """)
        variables: dict[str, object] = {"first": first}
        response = self.execute(
            query=query, operation_name="Datasets", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Datasets.model_validate(data)

    def dataset_version_create(
        self, input: DatasetVersionCreateInput, **kwargs: Any
    ) -> DatasetVersionCreate:
        query = gql("""
            mutation DatasetVersionCreate($input: DatasetVersionCreateInput!) {
              datasetVersionCreate(input: $input) {
                datasetVersion {
                  id
                  version
                  size
                  createdAt
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="DatasetVersionCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DatasetVersionCreate.model_validate(data)
