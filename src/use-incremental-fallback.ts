import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Media types that carry incremental delivery, and the ranges that include one of them. */
const STREAMING = new Set(['multipart/mixed', 'text/event-stream', 'multipart/*', 'text/*', '*/*']);

/** Whether the request's Accept header (none means any) admits a streamed answer. */
export function acceptsIncremental(request: Request): boolean {
  const accept = request.headers.get('accept');
  if (accept === null || accept.trim() === '') return true;
  return accept
    .toLowerCase()
    .split(',')
    .some((range) => STREAMING.has(range.split(';')[0]!.trim()));
}

const stripped = new WeakMap<DocumentNode, DocumentNode>();

/** The document without `@defer` and `@stream`: the same data, in one answer. */
function withoutIncremental(document: DocumentNode): DocumentNode {
  let result = stripped.get(document);
  if (!result) {
    result = visit(document, {
      [Kind.DIRECTIVE]: (node) => (node.name.value === 'defer' || node.name.value === 'stream' ? null : undefined),
    });
    stripped.set(document, result);
  }
  return result;
}

const incremental = new WeakMap<DocumentNode, boolean>();

/** Whether the document asks for `@defer` or `@stream`; yoga's parser cache makes this once per query text. */
function usesIncremental(document: DocumentNode): boolean {
  let found = incremental.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.DIRECTIVE]: (node) => {
        if (node.name.value === 'defer' || node.name.value === 'stream') found = true;
      },
    });
    incremental.set(document, found);
  }
  return found;
}

/**
 * `@defer` and `@stream` are hints (the incremental delivery RFC lets a server send everything at
 * once). A client that accepts only JSON gets the whole answer in one response instead of a bare
 * 406 after the upstream calls were already made.
 */
export function useIncrementalFallback(): Plugin<{ request?: Request }> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = args.contextValue.request;
      if (!request || acceptsIncremental(request) || !usesIncremental(args.document)) return;
      setExecuteFn((execution) => executeFn({ ...execution, document: withoutIncremental(execution.document) }));
    },
  };
}
