// A minimal typed client for the console: operations travel as trusted documents (their
// sha256 `documentId` only), results and variables are typed by the generated code.
import type { TypedDocumentString } from './generated/graphql';
import {
  DatasetVersionCreateDocument,
  EnvironmentsDocument,
  LoginDocument,
} from './generated/graphql';

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; requestId?: string };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLError[], readonly requestId: string | null) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export async function execute<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TResult> {
  const hash: unknown = document.__meta__?.['hash'];
  // Registered documents go by hash; the text is the fallback of a development server.
  const body = typeof hash === 'string' ? { documentId: hash, variables } : {
    query: document.toString(),
    variables,
  };
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as { data?: TResult; errors?: GraphQLError[] };
  if (payload.errors !== undefined || payload.data === undefined) {
    throw new ApiError(payload.errors ?? [], response.headers.get('X-Request-ID'));
  }
  return payload.data;
}

// What the console does on its first screens, type-checked against the schema.
export async function firstScreen(endpoint: string): Promise<string[]> {
  const login = await execute(endpoint, LoginDocument, {
    login: 'alice',
    password: 'remotegpu-demo',
  });
  const token = login.login.accessToken;
  if (token == null) {
    throw new Error(login.login.errors.map((e) => `${e.code}: ${e.message}`).join('; '));
  }
  const page = await execute(endpoint, EnvironmentsDocument, { first: 20 }, token);
  // BigInt arrives as a decimal string: BigInt() keeps every digit.
  const memory: bigint[] = page.environments.nodes.map((env) => BigInt(env.memory));
  const created = await execute(
    endpoint,
    DatasetVersionCreateDocument,
    // `size` may be left out: absent means 0 (no BigInt default in the schema).
    { input: { datasetId: 1, version: 'v2', storagePath: 's3://bucket/v2' } },
    token,
  );
  return [
    ...page.environments.nodes.map((env) => `${env.name}: ${env.status}`),
    `memory total ${memory.reduce((a, b) => a + b, 0n)}`,
    created.datasetVersionCreate.datasetVersion?.size ?? 'not created',
  ];
}
