import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { currentRequestScope, runInRequestScope, type RequestScope } from './request-scope.js';
import type { UpstreamObserver } from './upstream/types.js';

/** A caller's `X-Request-Id` is kept only when it is plainly an id; anything else gets a new one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Paths a load balancer or a scraper polls every few seconds: logged at debug, not info. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

interface Handled {
  readonly scope: RequestScope;
  readonly startedAt: number;
  operation?: string;
  errors?: string[];
}

/**
 * One log line a request, at info: request id, method, path, operation name, status, duration,
 * the codes of the errors it answered and the upstream calls it made by provider. The request
 * id is the caller's `X-Request-Id` or a new UUID, and is sent back in `X-Request-Id`.
 */
export function useRequestLog(logger: Logger): Plugin {
  const handled = new WeakMap<Request, Handled>();
  return {
    instrumentation: {
      // The whole request runs in its scope, so an upstream call made for it counts to it.
      request({ request }, wrapped) {
        const given = request.headers.get('x-request-id');
        const scope: RequestScope = { requestId: given !== null && REQUEST_ID.test(given) ? given : randomUUID(), upstreamCalls: {} };
        handled.set(request, { scope, startedAt: performance.now() });
        return runInRequestScope(scope, wrapped);
      },
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
      response.headers.set('x-request-id', entry.scope.requestId);
      const path = new URL(request.url).pathname;
      const line = {
        requestId: entry.scope.requestId,
        method: request.method,
        path,
        ...(entry.operation !== undefined && { operation: entry.operation }),
        status: response.status,
        durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
        ...(entry.errors && { errors: entry.errors }),
        upstreamCalls: entry.scope.upstreamCalls,
      };
      if (PROBES.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
}

/** Counts each upstream try to the request it was made for, and logs it at debug. */
export function upstreamCallLog(logger: Logger): UpstreamObserver {
  return {
    attempted({ provider, method, path, status, outcome, seconds }) {
      const scope = currentRequestScope();
      if (scope) scope.upstreamCalls[provider] = (scope.upstreamCalls[provider] ?? 0) + 1;
      logger.debug({ requestId: scope?.requestId, provider, method, path, status, outcome, durationMs: Math.round(seconds * 10_000) / 10 }, 'upstream call');
    },
    refused(provider, reason) {
      logger.debug({ requestId: currentRequestScope()?.requestId, provider, reason }, 'upstream call not sent');
    },
  };
}
