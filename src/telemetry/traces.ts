import { useOpenTelemetry } from '@envelop/opentelemetry';
import { context, SpanKind, type TextMapPropagator, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { TraceSettings } from '../config.js';

/** The instrumentation scope of the gateway's own spans: loader batches, lists, upstream tries. */
export const TRACER_NAME = 'ticket-graph';

/**
 * The gateway's tracer provider, built once at start when tracing is on. This module is loaded
 * only then (main.ts imports it on demand): off, none of OpenTelemetry's SDK is loaded.
 */
export interface Tracing {
  /** The gateway's own spans. */
  readonly tracer: Tracer;
  /**
   * One span a GraphQL operation, `query.Name` (envelop's OpenTelemetry plugin, on this provider):
   * its name, type and document (left out when the document holds inline arguments, which may be
   * a client's data), and its errors; not the variables, the result or a span a resolver.
   */
  readonly operations: Plugin;
  /** W3C trace context (`traceparent`, `tracestate`), read from a caller. */
  readonly propagator: TextMapPropagator;
  /** Exports every span ended so far. */
  forceFlush(): Promise<void>;
  /**
   * Exports what is left, then stops; never rejects (a collector that is gone is logged). With
   * `abort`, the export is started but not waited for: the process is about to end.
   */
  close(abort?: boolean): Promise<void>;
}

export interface TracingOptions {
  /** Where a failed export is said (at warn, once until exports work again). */
  readonly logger: Logger;
  /**
   * Where ended spans go instead of the OTLP exporter `settings` describe, batched. Tests pass a
   * SimpleSpanProcessor over an InMemorySpanExporter.
   */
  readonly processor?: SpanProcessor;
}

/**
 * The tracer provider of `settings`: its spans batched (BatchSpanProcessor) to the OTLP/HTTP
 * exporter of the protocol asked for. The settings come from config.ts; what the SDK still reads
 * from the environment itself is the batching (`OTEL_BSP_*`), span limits (`OTEL_SPAN_*`,
 * `OTEL_ATTRIBUTE_*`) and the exporter's timeout, compression and TLS files
 * (`OTEL_EXPORTER_OTLP_TIMEOUT`, `…_COMPRESSION`, `…_CERTIFICATE`, `…_CLIENT_KEY`,
 * `…_CLIENT_CERTIFICATE`).
 *
 * It also makes an AsyncLocalStorage context manager the process's own, so that a span started
 * in a resolver's call chain (a loader batch, an upstream try) is a child of its operation's.
 * It stays for the process's life: another app of the process (tests make several) may be tracing.
 */
export function createTracing(settings: TraceSettings, options: TracingOptions): Tracing {
  useAsyncContext();
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ ...settings.resourceAttributes, [ATTR_SERVICE_NAME]: settings.serviceName }),
    ),
    sampler: samplerOf(settings),
    spanProcessors: [options.processor ?? new BatchSpanProcessor(watched(exporterOf(settings), options.logger))],
  });
  const operations = useOpenTelemetry(
    { resolvers: false, variables: false, result: false },
    provider,
    SpanKind.SERVER,
    {},
    '@envelop/opentelemetry',
  );
  let closing: Promise<void> | undefined;
  return {
    tracer: provider.getTracer(TRACER_NAME),
    // Its context type asks for a symbol key the plugin declares but never reads or sets.
    operations: operations as Plugin,
    propagator: new W3CTraceContextPropagator(),
    forceFlush: () => provider.forceFlush(),
    close(abort = false) {
      closing ??= provider.shutdown().catch((error: unknown) => {
        options.logger.warn({ err: messageOf(error) }, 'the last spans could not be exported');
      });
      return abort ? Promise.resolve() : closing;
    },
  };
}

let asyncContext: AsyncLocalStorageContextManager | undefined;

function useAsyncContext(): void {
  if (asyncContext) return;
  asyncContext = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(asyncContext);
}

function samplerOf({ sampler, samplerRatio }: TraceSettings): Sampler {
  switch (sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(samplerRatio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(samplerRatio) });
  }
}

function exporterOf({ protocol, url, headers }: TraceSettings): SpanExporter {
  const config = { url, headers: { ...headers } };
  return protocol === 'http/json' ? new JsonTraceExporter(config) : new ProtobufTraceExporter(config);
}

/**
 * `exporter`, saying when exports start failing (a collector down or refusing) and when they work
 * again: the SDK itself reports a failed export to nobody unless a diagnostic logger is set.
 */
function watched(exporter: SpanExporter, logger: Logger): SpanExporter {
  let failing = false;
  return {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS && !failing) {
          failing = true;
          logger.warn({ err: messageOf(result.error), spans: spans.length }, 'spans could not be exported');
        } else if (result.code === ExportResultCode.SUCCESS && failing) {
          failing = false;
          logger.info('spans are exported again');
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/** An exporter's error as one short line: its message only, never its response body or stack. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
