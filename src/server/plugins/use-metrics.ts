import { createCounter, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry as PromRegistry } from 'prom-client';
import { TicketGraphError } from '../../domain/errors.js';

export const METRICS_ENDPOINT = '/metrics';

/** The code a GraphQL error reports as `extensions.code`, or what its phase makes it. */
function codeOf(error: unknown, phase: string | undefined): string {
  if (typeof error === 'object' && error !== null) {
    const { extensions, originalError } = error as { extensions?: { code?: unknown }; originalError?: unknown };
    if (typeof extensions?.code === 'string') return extensions.code;
    if (originalError instanceof TicketGraphError) return originalError.code;
  }
  if (phase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  return 'INTERNAL_SERVER_ERROR';
}

export interface MetricsOptions {
  /** The registry `/metrics` serves, holding the gateway's own metrics too; yoga's are added to it. */
  readonly promRegistry: PromRegistry;
}

/**
 * GraphQL metrics at `/metrics` (graphql-yoga's Prometheus plugin), with the gateway's own in the
 * same registry: operations by type, their duration, HTTP requests by method and status, and
 * errors by `extensions.code`. No label a client chooses: operation names, paths and URLs would
 * let any client grow the registry without bound. The per-phase histograms and the summary
 * (t-digest work on every request) are off.
 */
export function useMetrics({ promRegistry }: MetricsOptions): Plugin {
  return usePrometheus({
    registry: promRegistry,
    endpoint: METRICS_ENDPOINT,
    labels: { operationName: false, path: false, url: false, method: true, statusCode: true },
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_error_result: createCounter({
        registry: promRegistry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'GraphQL errors in answers, by phase and extensions.code',
          labelNames: ['operationType', 'phase', 'code'],
        },
        fillLabelsFn: (params) => ({
          operationType: params.operationType ?? 'unknown',
          phase: params.errorPhase ?? 'execute',
          code: codeOf(params.error, params.errorPhase),
        }),
      }),
      graphql_yoga_http_duration: true,
    },
  });
}
