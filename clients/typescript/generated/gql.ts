/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Environments($first: Int, $after: String) {\n  environments(first: $first, after: $after) {\n    nodes {\n      id\n      rowId\n      name\n      status\n      memory\n      createdAt\n      host {\n        name\n      }\n      portMappings(first: 10) {\n        nodes {\n          serviceType\n          externalPort\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation EnvironmentCreate($input: EnvironmentCreateInput!) {\n  environmentCreate(input: $input) {\n    environment {\n      id\n      rowId\n      name\n      status\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": typeof types.EnvironmentsDocument,
    "mutation Login($login: String!, $password: String!) {\n  login(input: {login: $login, password: $password}) {\n    accessToken\n    refreshToken\n    expiresAt\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery SystemInfo {\n  systemInfo {\n    name\n    version\n    apiVersion\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    rowId\n    username\n  }\n}": typeof types.LoginDocument,
    "query Datasets($first: Int) {\n  datasets(first: $first) {\n    nodes {\n      id\n      rowId\n      name\n      totalSize\n      storageType\n    }\n    totalCount\n  }\n}\n\nmutation DatasetVersionCreate($input: DatasetVersionCreateInput!) {\n  datasetVersionCreate(input: $input) {\n    datasetVersion {\n      id\n      version\n      size\n      createdAt\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": typeof types.DatasetsDocument,
};
const documents: Documents = {
    "query Environments($first: Int, $after: String) {\n  environments(first: $first, after: $after) {\n    nodes {\n      id\n      rowId\n      name\n      status\n      memory\n      createdAt\n      host {\n        name\n      }\n      portMappings(first: 10) {\n        nodes {\n          serviceType\n          externalPort\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation EnvironmentCreate($input: EnvironmentCreateInput!) {\n  environmentCreate(input: $input) {\n    environment {\n      id\n      rowId\n      name\n      status\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": types.EnvironmentsDocument,
    "mutation Login($login: String!, $password: String!) {\n  login(input: {login: $login, password: $password}) {\n    accessToken\n    refreshToken\n    expiresAt\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery SystemInfo {\n  systemInfo {\n    name\n    version\n    apiVersion\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    rowId\n    username\n  }\n}": types.LoginDocument,
    "query Datasets($first: Int) {\n  datasets(first: $first) {\n    nodes {\n      id\n      rowId\n      name\n      totalSize\n      storageType\n    }\n    totalCount\n  }\n}\n\nmutation DatasetVersionCreate($input: DatasetVersionCreateInput!) {\n  datasetVersionCreate(input: $input) {\n    datasetVersion {\n      id\n      version\n      size\n      createdAt\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": types.DatasetsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Environments($first: Int, $after: String) {\n  environments(first: $first, after: $after) {\n    nodes {\n      id\n      rowId\n      name\n      status\n      memory\n      createdAt\n      host {\n        name\n      }\n      portMappings(first: 10) {\n        nodes {\n          serviceType\n          externalPort\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation EnvironmentCreate($input: EnvironmentCreateInput!) {\n  environmentCreate(input: $input) {\n    environment {\n      id\n      rowId\n      name\n      status\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').EnvironmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($login: String!, $password: String!) {\n  login(input: {login: $login, password: $password}) {\n    accessToken\n    refreshToken\n    expiresAt\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery SystemInfo {\n  systemInfo {\n    name\n    version\n    apiVersion\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    rowId\n    username\n  }\n}"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Datasets($first: Int) {\n  datasets(first: $first) {\n    nodes {\n      id\n      rowId\n      name\n      totalSize\n      storageType\n    }\n    totalCount\n  }\n}\n\nmutation DatasetVersionCreate($input: DatasetVersionCreateInput!) {\n  datasetVersionCreate(input: $input) {\n    datasetVersion {\n      id\n      version\n      size\n      createdAt\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').DatasetsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
