import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { createYoga, type YogaInitialContext, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { randomBytes } from 'node:crypto';
import { createContext, type Context, type SharedState } from './loading/context.js';
import { createMemoryIdempotencyStore } from './loading/idempotency.js';
import { createProviderRegistry, offeredProviders, type ProviderRegistry } from './providers/registry.js';
import { createGraphiQLRenderer } from './server/graphiql-page.js';
import { EXAMPLE_QUERY } from './server/example-query.js';
import { schemaFor } from './graphql/index.js';
import { createMaskError } from './server/error-masking.js';
import { useQueryLimits } from './server/plugins/use-query-limits.js';
import { useRequestGuards } from './server/plugins/use-request-guards.js';
import { useResponseLimit } from './server/plugins/use-response-limit.js';
import { useGatewayAuth } from './server/plugins/use-gateway-auth.js';
import { useCors } from './server/plugins/use-cors.js';
import { useCsrfPrevention } from './server/plugins/use-csrf-prevention.js';
import { useSingleEndpoint } from './server/plugins/use-single-endpoint.js';
import { useNoSuggestions } from './server/plugins/use-no-suggestions.js';
import { useKnownOperationTypes } from './server/plugins/use-known-operation-types.js';
import { useSafeParseErrors } from './server/plugins/use-safe-parse-errors.js';
import { useAutomaticPersistedQueries } from './server/plugins/use-automatic-persisted-queries.js';
import { DOCUMENT_ID_PARAM, useTrustedDocuments } from './server/plugins/use-trusted-documents.js';
import { useStreamArguments } from './server/plugins/use-stream-arguments.js';
import { useIncrementalFallback } from './server/plugins/use-incremental-fallback.js';
import { useIntrospectionOff } from './server/plugins/use-introspection-off.js';
import { useRootRedirect } from './server/plugins/use-root-redirect.js';
import { usePageLoadNotice } from './server/plugins/use-page-load-notice.js';
import { createGatewayMetrics, type GatewayMetrics } from './telemetry/metrics.js';
import { METRICS_ENDPOINT, useMetrics } from './server/plugins/use-metrics.js';
import { HEALTH_ENDPOINT, READY_ENDPOINT, useProbes, YOGA_HEALTH_CHECK_OFF } from './server/plugins/use-probes.js';
import { useDrain } from './server/plugins/use-drain.js';
import { useRequestLog, type RequestTraceContext } from './server/plugins/use-request-log.js';
import { upstreamCallLog } from './telemetry/upstream-call-log.js';
import { createYogaLogger } from './telemetry/yoga-logger.js';
import type { Tracing } from './telemetry/traces.js';
import { useTracing } from './server/plugins/use-tracing.js';

const GRAPHQL_ENDPOINT = '/graphql';

const isEndpoint = (request: Request) => new URL(request.url).pathname === GRAPHQL_ENDPOINT;

export interface AppDeps {
  /** Where the app logs; silent by default so tests stay quiet. */
  readonly logger?: Logger;
  /** The tracer provider of `config.traces`, when tracing is on; closed with the app. Default: off. */
  readonly tracing?: Tracing;
}

export interface App {
  readonly yoga: YogaServerInstance<Record<string, never>, Context>;
  readonly providers: ProviderRegistry;
  /** Every metric `/metrics` serves. */
  readonly metrics: GatewayMetrics;
  /** From now on `/ready` answers 503, so a load balancer sends no more; requests are still served. */
  drain(): void;
  /**
   * Closes the upstream connection pools, then exports the last spans; `abort` ends the calls in
   * flight rather than waiting, and does not wait for the export.
   */
  close(abort?: boolean): Promise<void>;
  /** `close()`, waiting for the calls in flight, for `await using app = createApp(config)`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** Builds the gateway from its configuration; the caller decides where it listens. */
export function createApp(config: Config, deps: AppDeps = {}): App {
  const logger = deps.logger ?? pino({ level: 'silent' });
  let draining = false;
  const metrics = createGatewayMetrics();
  const callLog = upstreamCallLog(logger);
  // Off, nothing of tracing is installed or run: no plugin, no span, no traceparent.
  const { tracing } = deps;
  const tracer = tracing?.tracer;
  const providers = createProviderRegistry({
    ...config,
    observer: {
      attempted(attempt) {
        metrics.upstream.attempted(attempt);
        callLog.attempted(attempt);
      },
      refused(refusal) {
        metrics.upstream.refused(refusal);
        callLog.refused(refusal);
      },
    },
    tracer,
  });
  metrics.watchCircuits(() => providers.statuses.values());
  const shared: SharedState = {
    idempotency: createMemoryIdempotencyStore(),
    // Without a configured one, a key of this process's own: callers are told apart here alone.
    secret: config.sharedStateSecret ?? randomBytes(32).toString('base64url'),
  };
  // Every error the masking has dealt with (logged, or judged the client's): yoga's own report of
  // it, at error level with the query under it, is dropped.
  const handledErrors = new WeakSet<object>();
  const yoga = createYoga<Record<string, never>, Context>({
    schema: schemaFor(offeredProviders(providers)),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: YOGA_HEALTH_CHECK_OFF,
    landingPage: false,
    // Only on the endpoint itself: yoga would render it for any path ending in `/graphql`.
    graphiql:
      config.graphiql && ((request) => isEndpoint(request) && { title: 'ticket-graph', defaultQuery: EXAMPLE_QUERY }),
    // From the gateway itself, with no request to a CDN: the page loads with no internet.
    renderGraphiQL: createGraphiQLRenderer(),
    // Yoga's CORS echoes any origin back with credentials allowed; useCors allows CORS_ORIGINS only.
    cors: false,
    context: ({ request, trace }: YogaInitialContext & RequestTraceContext) =>
      createContext(providers, request, shared, { onBatch: metrics.loaderBatch, trace, tracer }),
    maskedErrors: { maskError: createMaskError(logger, { handled: handledErrors }) },
    // useRequestGuards bounds every body already: a POST states its Content-Length (a chunked one
    // is refused) at most MAX_REQUEST_BODY_BYTES, and Node's parser never reads past it. Yoga's own
    // limit pipes each body through a TransformStream, a cost the README's Performance section
    // measures.
    maxRequestBodySize: false,
    // No field takes a file: a multipart body is one more parser for nothing (415).
    multipart: false,
    logging: createYogaLogger(logger, { skip: handledErrors }),
    plugins: [
      ...(tracing ? [useTracing({ tracing })] : []),
      useRequestLog({ logger, upstreamBytesPerRequest: config.upstream.maxBytesPerRequest }),
      useMetrics({ promRegistry: metrics.promRegistry }),
      useProbes({ providers, draining: () => draining }),
      useDrain({ draining: () => draining }),
      useRootRedirect({ to: GRAPHQL_ENDPOINT }),
      // Every plugin from here on sees only requests for the endpoint itself; the probes above
      // (and yoga's GraphiQL page, ahead of all of these) answer without a key.
      useSingleEndpoint({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        open: [READY_ENDPOINT, METRICS_ENDPOINT, HEALTH_ENDPOINT],
      }),
      ...(config.corsOrigins.length > 0 ? [useCors({ origins: config.corsOrigins })] : []),
      usePageLoadNotice({ graphiql: config.graphiql }),
      // `@defer` / `@stream`, answered as multipart/mixed or text/event-stream to a client that accepts it.
      useDeferStream(),
      useStreamArguments(),
      useIncrementalFallback(),
      useRequestGuards(),
      useGatewayAuth({ keys: config.gatewayApiKeys }),
      useCsrfPrevention(),
      useSafeParseErrors(config.trustedDocuments ? { extraParams: [DOCUMENT_ID_PARAM] } : {}),
      // Trusted documents replace APQ: a client may not register what it runs.
      config.trustedDocuments
        ? useTrustedDocuments({ documents: config.trustedDocuments })
        : useAutomaticPersistedQueries(),
      useQueryLimits(),
      useKnownOperationTypes(),
      ...(config.production ? [useNoSuggestions()] : []),
      useResponseLimit({ maxBytes: config.responseMaxBytes }),
      ...(config.introspection ? [] : [useIntrospectionOff()]),
    ],
  });
  return {
    yoga,
    providers,
    metrics,
    drain() {
      draining = true;
    },
    async close(abort) {
      await providers.close(abort);
      await tracing?.close(abort);
    },
    async [Symbol.asyncDispose]() {
      await providers.close();
      await tracing?.close();
    },
  };
}
