import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ProviderName } from '../../domain/model.js';
import { createByteBudget } from '../../upstream/byte-budget.js';
import type { CallTrace } from '../../upstream/types.js';
import { METRICS_ENDPOINT } from './use-metrics.js';
import { HEALTH_ENDPOINT, READY_ENDPOINT } from './use-probes.js';

/** A caller's `X-Request-Id` is kept only when it is plainly an id; anything else gets a new one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Paths a load balancer or a scraper polls every few seconds: logged at debug, not info. */
const PROBES = new Set([HEALTH_ENDPOINT, READY_ENDPOINT, METRICS_ENDPOINT]);

/** What a client chose (a path, an operation name) is cut to this in a log line. */
const MAX_LOGGED_CHARS = 200;

interface Handled {
  readonly startedAt: number;
  /** Marks the request's upstream calls; counts them by provider. */
  readonly trace: CallTrace;
  readonly upstreamCalls: Partial<Record<ProviderName, number>>;
  operation?: string;
  errors?: string[];
  /** Its line is written: once, at the response or at the cut, whichever comes first. */
  logged?: boolean;
}

export interface RequestLogOptions {
  /** Where the lines are written. */
  readonly logger: Logger;
  /** The upstream bytes each request may read, kept on its trace. Default: unbounded. */
  readonly upstreamBytesPerRequest?: number;
}

/** What the request log adds to the GraphQL context of each request. */
export interface RequestTraceContext {
  /** Marks the upstream calls made for the request, so its line counts them, and bounds what they read. */
  readonly trace?: CallTrace;
}

const cut = (text: string) => (text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}…` : text);

/**
 * One log line a request, at info: request id, method, path, operation name, status, outcome,
 * duration, the codes of the errors it answered and the upstream calls it made by provider. The
 * request id is the caller's `X-Request-Id` or a new UUID, and is sent back in `X-Request-Id`.
 * The line is written when the response starts (for `@defer` or `@stream`, at the first part),
 * with outcome `answered`; or, when the connection closes before that (a request cut at the
 * shutdown timeout, a client too slow to send its body, or one that gave up), right then, with
 * outcome `cut` and no status: the client got none, whatever the gateway made afterwards.
 *
 * The request's trace is on its GraphQL context as `trace` (`RequestTraceContext`) from the start,
 * for the context factory to hand to the calls it makes.
 */
export function useRequestLog(options: RequestLogOptions): Plugin<RequestTraceContext> {
  const { logger, upstreamBytesPerRequest } = options;
  const handled = new WeakMap<Request, Handled>();
  const write = (request: Request, entry: Handled, status?: number) => {
    if (entry.logged) return;
    entry.logged = true;
    const path = new URL(request.url).pathname;
    const line = {
      requestId: entry.trace.requestId,
      method: request.method,
      path: cut(path),
      ...(entry.operation !== undefined && { operation: entry.operation }),
      ...(status !== undefined && { status }),
      outcome: status !== undefined ? 'answered' : 'cut',
      durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
      ...(entry.errors && { errors: entry.errors }),
      upstreamCalls: entry.upstreamCalls,
    };
    if (PROBES.has(path)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  };
  return {
    instrumentation: {
      // Around the whole request, yoga's own endpoints (/health, GraphiQL) included, which
      // answer before any later plugin's onRequest.
      request({ request }, wrapped) {
        const given = request.headers.get('x-request-id');
        const requestId = given !== null && REQUEST_ID.test(given) ? given : randomUUID();
        const upstreamCalls: Handled['upstreamCalls'] = {};
        const trace: CallTrace = {
          requestId,
          attempted: ({ provider }) => {
            upstreamCalls[provider] = (upstreamCalls[provider] ?? 0) + 1;
          },
          ...(upstreamBytesPerRequest !== undefined && { bytes: createByteBudget(upstreamBytesPerRequest) }),
          signal: request.signal,
        };
        const entry: Handled = { startedAt: performance.now(), trace, upstreamCalls };
        handled.set(request, entry);
        // The server adapter aborts the signal when the connection closes before the response ended.
        request.signal.addEventListener('abort', () => write(request, entry), { once: true });
        return wrapped();
      },
    },
    // Before any context is built: yoga's `context` option runs ahead of every plugin's
    // onContextBuilding, so a trace added there would come too late for it.
    onEnveloped({ context, extendContext }) {
      const entry = context && handled.get(context.request);
      if (entry) extendContext({ trace: entry.trace });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request && handled.get(request);
      const name = args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value;
      if (entry && name !== undefined) entry.operation = cut(name);
    },
    // Every answer passes here, a query that did not parse or validate included.
    onResultProcess({ request, result }) {
      const entry = handled.get(request);
      if (!entry || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      entry.errors = [
        ...new Set(result.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))),
      ];
    },
    onResponse({ request, response }) {
      const entry = handled.get(request);
      if (!entry) return;
      response.headers.set('x-request-id', entry.trace.requestId);
      write(request, entry, response.status);
    },
  };
}
