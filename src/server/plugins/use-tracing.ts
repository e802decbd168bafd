import { context, ROOT_CONTEXT, type TextMapGetter } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import type { Tracing } from '../../telemetry/traces.js';

export interface TracingOptions {
  /** The gateway's tracer provider (telemetry/traces.ts): its operation plugin and propagator. */
  readonly tracing: Pick<Tracing, 'operations' | 'propagator'>;
}

const HEADERS: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/**
 * One span a GraphQL operation (`tracing.operations`, envelop's OpenTelemetry plugin), a child of
 * the trace the request's W3C `traceparent` names, when it names one, and the parent of every
 * span the operation's loaders and upstream calls make, which find it as the active context.
 */
export function useTracing({ tracing }: TracingOptions): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(tracing.operations);
    },
    instrumentation: {
      // Around the whole request: the operation span, started later on its path, finds the
      // caller's trace context as the active one.
      request: ({ request }, wrapped) =>
        context.with(tracing.propagator.extract(ROOT_CONTEXT, request.headers, HEADERS), wrapped),
    },
  };
}
