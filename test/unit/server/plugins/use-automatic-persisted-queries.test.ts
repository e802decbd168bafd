import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  createPersistedQueryStore,
  PERSISTED_QUERY_STORE_LIMITS,
  persistedQueryHash,
} from '../../../../src/server/plugins/use-automatic-persisted-queries.js';

const HASH = 'a'.repeat(64);

describe('createPersistedQueryStore', () => {
  it('keeps at most maxDocuments, dropping the least recently used first', async () => {
    const store = createPersistedQueryStore({ maxDocuments: 2, maxChars: 1_000 });
    await store.set('a', '{ a }');
    await store.set('b', '{ b }');
    expect(await store.get('a')).toBe('{ a }');
    await store.set('c', '{ c }');
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['{ a }', undefined, '{ c }']);
  });

  it('keeps at most maxChars of query text, all documents together', async () => {
    const store = createPersistedQueryStore({ maxDocuments: 100, maxChars: 100 });
    await store.set('a', 'a'.repeat(60));
    await store.set('b', 'b'.repeat(60));
    expect([await store.get('a'), await store.get('b')]).toEqual([undefined, 'b'.repeat(60)]);
    // Longer than the whole store: run, but not kept.
    await store.set('c', 'c'.repeat(101));
    expect([await store.get('b'), await store.get('c')]).toEqual(['b'.repeat(60), undefined]);
  });

  it('keeps an empty query, whose hash a client may register like any other', async () => {
    const store = createPersistedQueryStore();
    await store.set('empty', '');
    expect(await store.get('empty')).toBe('');
  });

  it('bounds the default store by documents and by characters', () => {
    expect(PERSISTED_QUERY_STORE_LIMITS).toEqual({ maxDocuments: 1_000, maxChars: 16 * 1024 * 1024 });
  });
});

describe('persistedQueryHash', () => {
  it('reads the hash of an APQ request, and none where it names none', () => {
    expect(persistedQueryHash({ extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } })).toBe(HASH);
    expect(persistedQueryHash({ query: '{ a }' })).toBeUndefined();
    expect(persistedQueryHash({ extensions: {} })).toBeUndefined();
    expect(persistedQueryHash({ extensions: { persistedQuery: null } })).toBeUndefined();
  });

  it.each([
    { version: 2, sha256Hash: HASH },
    { sha256Hash: HASH },
    { version: 1, sha256Hash: HASH.toUpperCase() },
    { version: 1, sha256Hash: `${HASH}a` },
    { version: 1, sha256Hash: ['x'] },
    'x',
    7,
  ])('refuses %j as BAD_REQUEST (HTTP 400) saying what it takes', (persistedQuery) => {
    let thrown: unknown;
    try {
      persistedQueryHash({ extensions: { persistedQuery } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect(thrown).toMatchObject({
      message: 'extensions.persistedQuery must be { "version": 1, "sha256Hash": <64 lowercase hex digits> }',
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  });
});
