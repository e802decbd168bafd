import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { TrustedDocuments } from '../trusted-documents.js';
import { persistedQueryHash } from './use-automatic-persisted-queries.js';

/** The request parameter that names a trusted document (GraphQL over HTTP's persisted documents). */
export const DOCUMENT_ID_PARAM = 'documentId';

const refusal = (message: string, code: string, status: number) =>
  new GraphQLError(message, { extensions: { code, http: { status } } });

/**
 * The id a request names: `documentId` (in a POST body, or a GET's URL, which yoga's own parser
 * drops), or the APQ extension's hash, found under `sha256:<hash>` as codegen writes its ids, or
 * as it is. Undefined when it names none.
 */
function documentIdOf(params: GraphQLParams, request: Request, documents: TrustedDocuments): string | undefined {
  const given: unknown =
    request.method === 'GET'
      ? (new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM) ?? undefined)
      : (params as GraphQLParams & { documentId?: unknown }).documentId;
  if (given !== undefined && given !== null) {
    if (typeof given !== 'string' || given === '') throw refusal('documentId must be a string', 'BAD_REQUEST', 400);
    return given;
  }
  const hash = persistedQueryHash(params);
  if (hash === undefined) return undefined;
  return documents.has(`sha256:${hash}`) ? `sha256:${hash}` : hash;
}

export interface TrustedDocumentsOptions {
  /** The documents run, by id. Required: app.ts passes `TRUSTED_DOCUMENTS` (`config.trustedDocuments`). */
  readonly documents: TrustedDocuments;
}

/**
 * Only the trusted documents run (`@graphql-yoga/plugin-persisted-operations`): a request names
 * one by `documentId`, or by the hash of Apollo's `extensions.persistedQuery`, and sends no
 * `query`. A query sent whole is 400 PERSISTED_QUERY_ONLY, GraphiQL's and a federation router's
 * included; an id not in the list is 404 PERSISTED_QUERY_NOT_FOUND; no id is 400 BAD_REQUEST.
 * All before anything is parsed or any upstream is called. A listed document is still parsed,
 * limited and validated as any other: the list says what may run, not that it is sound.
 */
export function useTrustedDocuments({ documents }: TrustedDocumentsOptions): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params, request) => documentIdOf(params, request, documents) ?? null,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      persistedQueryOnly: () =>
        refusal(
          'This gateway runs only its trusted documents (TRUSTED_DOCUMENTS): send the documentId of one, not a query',
          'PERSISTED_QUERY_ONLY',
          400,
        ),
      // Apollo's PersistedQueryLink then sends the query whole, and is told PERSISTED_QUERY_ONLY.
      notFound: () => refusal('No trusted document has the id this request names', 'PERSISTED_QUERY_NOT_FOUND', 404),
      keyNotFound: () =>
        refusal('Send the documentId of one of the trusted documents (TRUSTED_DOCUMENTS)', 'BAD_REQUEST', 400),
    },
  });
}
