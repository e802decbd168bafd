import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ProviderName } from './model.js';
import type { CallTrace, UpstreamObserver } from './upstream/types.js';

/** A caller's `X-Request-Id` is kept only when it is plainly an id; anything else gets a new one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Paths a load balancer or a scraper polls every few seconds: logged at debug, not info. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

interface Handled {
  readonly startedAt: number;
  /** Marks the request's upstream calls; counts them by provider. */
  readonly trace: CallTrace;
  readonly upstreamCalls: Partial<Record<ProviderName, number>>;
  operation?: string;
  errors?: string[];
}

export interface RequestLog {
  /** The yoga plugin that writes the lines. */
  readonly plugin: Plugin;
  /** What marks the upstream calls made for `request`, so its line counts them. */
  traceOf(request: Request): CallTrace | undefined;
}

/**
 * One log line a request, at info: request id, method, path, operation name, status, duration,
 * the codes of the errors it answered and the upstream calls it made by provider. The request
 * id is the caller's `X-Request-Id` or a new UUID, and is sent back in `X-Request-Id`.
 */
export function createRequestLog(logger: Logger): RequestLog {
  const handled = new WeakMap<Request, Handled>();
  const plugin: Plugin = {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      const requestId = given !== null && REQUEST_ID.test(given) ? given : randomUUID();
      const upstreamCalls: Handled['upstreamCalls'] = {};
      const trace: CallTrace = {
        requestId,
        attempted: ({ provider }) => {
          upstreamCalls[provider] = (upstreamCalls[provider] ?? 0) + 1;
        },
      };
      handled.set(request, { startedAt: performance.now(), trace, upstreamCalls });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request && handled.get(request);
      if (!entry) return;
      entry.operation = args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value;
      return {
        onExecuteDone({ result }) {
          if ('errors' in result && result.errors?.length) {
            entry.errors = [...new Set(result.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          }
        },
      };
    },
    onResponse({ request, response }) {
      const entry = handled.get(request);
      if (!entry) return;
      response.headers.set('x-request-id', entry.trace.requestId);
      const path = new URL(request.url).pathname;
      const line = {
        requestId: entry.trace.requestId,
        method: request.method,
        path,
        ...(entry.operation !== undefined && { operation: entry.operation }),
        status: response.status,
        durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
        ...(entry.errors && { errors: entry.errors }),
        upstreamCalls: entry.upstreamCalls,
      };
      if (PROBES.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
  return { plugin, traceOf: (request) => handled.get(request)?.trace };
}

/** Each upstream try at debug, under the id of the request it was made for. */
export function upstreamCallLog(logger: Logger): UpstreamObserver {
  return {
    attempted({ requestId, provider, method, path, status, outcome, seconds }) {
      logger.debug({ requestId, provider, method, path, status, outcome, durationMs: Math.round(seconds * 10_000) / 10 }, 'upstream call');
    },
    refused(refusal) {
      logger.debug(refusal, 'upstream call not sent');
    },
  };
}
