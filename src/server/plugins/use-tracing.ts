import { useOpenTelemetry } from '@envelop/opentelemetry';
import { context, ROOT_CONTEXT, SpanKind, type TextMapGetter, type TracerProvider } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Plugin } from 'graphql-yoga';

export interface TracingOptions {
  /** Where the operation spans are made: the gateway's tracer provider (telemetry/traces.ts). */
  readonly tracerProvider: TracerProvider;
}

const HEADERS: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/**
 * One span a GraphQL operation, `query.Name` (envelop's OpenTelemetry plugin): its name, type and
 * document (left out when the document holds inline arguments, which may be a client's data), and
 * its errors; not the variables, the result or a span a resolver. It is a child of the trace the
 * request's W3C `traceparent` names, when it names one, and the parent of every span the
 * operation's loaders and upstream calls make, which find it as the active context.
 */
export function useTracing({ tracerProvider }: TracingOptions): Plugin {
  const propagator = new W3CTraceContextPropagator();
  return {
    onPluginInit({ addPlugin }) {
      const operations = useOpenTelemetry(
        { resolvers: false, variables: false, result: false },
        tracerProvider,
        SpanKind.SERVER,
        {},
        '@envelop/opentelemetry',
      );
      // Its context type asks for a symbol key the plugin declares but never reads or sets.
      addPlugin(operations as Plugin);
    },
    instrumentation: {
      // Around the whole request: the operation span, started later on its path, finds the
      // caller's trace context as the active one.
      request: ({ request }, wrapped) =>
        context.with(propagator.extract(ROOT_CONTEXT, request.headers, HEADERS), wrapped),
    },
  };
}
