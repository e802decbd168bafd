import { type APQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** How much query text the in-process store keeps: `createPersistedQueryStore`'s default. */
export interface PersistedQueryStoreLimits {
  /** The most documents kept. Default 1,000. */
  readonly maxDocuments: number;
  /** The most characters of query text kept, all documents together. Default 16 Mi (16,777,216). */
  readonly maxChars: number;
}

export const PERSISTED_QUERY_STORE_LIMITS: PersistedQueryStoreLimits = {
  maxDocuments: 1_000,
  maxChars: 16 * 1024 * 1024,
};

/**
 * The process's own store of registered queries, by hash: the least recently used are dropped
 * past `limits`, and a client whose hash was dropped is told PERSISTED_QUERY_NOT_FOUND and sends
 * the query again. The plugin's default store counts documents only (1,000 of up to a request
 * body each, 1 MiB) and forgets each after 36 seconds.
 */
export function createPersistedQueryStore(limits: PersistedQueryStoreLimits = PERSISTED_QUERY_STORE_LIMITS): APQStore {
  return new LRUCache<string, string>({
    max: limits.maxDocuments,
    maxSize: limits.maxChars,
    // lru-cache refuses a size of 0, and `""` is a query its hash may be registered for.
    sizeCalculation: (query) => Math.max(1, query.length),
  });
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * The hash an APQ request names in `extensions.persistedQuery` (Apollo's protocol: `version` 1
 * and `sha256Hash`, the SHA-256 of the query text in lowercase hex), or undefined when it names
 * none. Any other shape is a 400 BAD_REQUEST that says what is expected: the plugins would pass
 * over it, and the request end as a bare "Must provide query string".
 */
export function persistedQueryHash(params: GraphQLParams): string | undefined {
  const extension: unknown = params.extensions?.persistedQuery;
  if (extension === undefined || extension === null) return undefined;
  const { version, sha256Hash } = (typeof extension === 'object' ? extension : {}) as Record<string, unknown>;
  if (version !== 1 || typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw badRequest('extensions.persistedQuery must be { "version": 1, "sha256Hash": <64 lowercase hex digits> }');
  }
  return sha256Hash;
}

export interface AutomaticPersistedQueriesOptions {
  /** Where registered queries are kept. Default: `createPersistedQueryStore()`, in process. */
  readonly store?: APQStore;
}

/**
 * Automatic persisted queries (Apollo's `PersistedQueryLink`), through `@graphql-yoga/plugin-apq`:
 * a request may name its query by `extensions.persistedQuery.sha256Hash` alone, over GET or POST.
 * An unknown hash is 404 PERSISTED_QUERY_NOT_FOUND (message `PersistedQueryNotFound`), on which
 * the client sends the query with its hash; the plugin checks that hash (400
 * PERSISTED_QUERY_MISMATCH) and keeps the query. Everything before GraphQL runs (the key, CSRF,
 * the body's bounds) comes first in onRequest, and the query is parsed, limited and validated at
 * each use as if it were sent whole: registering it lets nothing past.
 */
export function useAutomaticPersistedQueries(options: AutomaticPersistedQueriesOptions = {}): Plugin {
  const apq = useAPQ({ store: options.store ?? createPersistedQueryStore() });
  return {
    // The plugin's hook is async: a request that names no hash, nearly every one, stays synchronous.
    onParams(payload) {
      if (persistedQueryHash(payload.params) !== undefined) return apq.onParams?.(payload);
    },
  };
}
