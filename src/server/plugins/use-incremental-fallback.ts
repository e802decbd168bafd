import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The media types that carry incremental delivery. */
const STREAMING = new Set(['multipart/mixed', 'text/event-stream']);

/**
 * Whether the request's Accept header names a streamed answer outright: `multipart/mixed` or
 * `text/event-stream` with q above 0 and no charset but UTF-8 (the only one yoga serves). No
 * header or a wildcard range is a client that did not ask for parts, e.g. curl or a bare fetch:
 * it gets JSON, as Apollo Server decides.
 */
export function acceptsIncremental(request: Request): boolean {
  const accept = request.headers.get('accept');
  if (accept === null) return false;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (!STREAMING.has(type)) return false;
    const param = (name: string) =>
      params
        .find((entry) => entry.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"|"$/g, '');
    const q = param('q');
    const charset = param('charset');
    return (q === undefined || Number(q) > 0) && (charset === undefined || charset === 'utf-8');
  });
}

const stripped = new WeakMap<DocumentNode, DocumentNode>();

/**
 * The document without `@defer` and `@stream`: the same data, in one answer. The very document
 * when it has neither (`visit` returns its input untouched); yoga's parser cache makes this once
 * per query text.
 */
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

/**
 * `@defer` and `@stream` are hints (the incremental delivery RFC lets a server send everything at
 * once). A client that accepts only JSON gets the whole answer in one response instead of a bare
 * 406 after the upstream calls were already made.
 */
export function useIncrementalFallback(): Plugin<{ request?: Request }> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = args.contextValue.request;
      if (!request || acceptsIncremental(request)) return;
      const document = withoutIncremental(args.document);
      if (document !== args.document) setExecuteFn((execution) => executeFn({ ...execution, document }));
    },
  };
}
