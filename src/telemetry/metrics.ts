import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry as PromRegistry } from 'prom-client';
import type { CircuitState, ProviderName, ProviderStatus } from '../domain/model.js';
import type { UpstreamObserver } from '../upstream/types.js';

/** The circuit states as the gauge reports them. */
const CIRCUIT_STATE_VALUES: Readonly<Record<CircuitState, number>> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };

export interface GatewayMetrics {
  /** Where every metric is kept; `/metrics` serves it. */
  readonly promRegistry: PromRegistry;
  /** Counts and times upstream calls. */
  readonly upstream: UpstreamObserver;
  /** One DataLoader batch handed to a provider, of `size` distinct tickets. */
  loaderBatch(provider: ProviderName, size: number): void;
  /** Where the circuit gauge reads the providers from, each time `/metrics` is scraped. */
  watchCircuits(providers: () => Iterable<ProviderStatus>): void;
}

/**
 * The gateway's own metrics, beside the GraphQL ones of the yoga plugin (use-metrics.ts) and
 * Node's process metrics, in one registry of the app's (not prom-client's global one, so apps
 * made side by side, as in tests, count apart). Every label takes few values: provider, status,
 * outcome, reason, never anything a client chose.
 */
export function createGatewayMetrics(): GatewayMetrics {
  let providers: () => Iterable<ProviderStatus> = () => [];
  const promRegistry = new PromRegistry();
  collectDefaultMetrics({ register: promRegistry });
  const requests = new Counter({
    name: 'ticket_graph_upstream_requests_total',
    help:
      'Upstream HTTP tries (retries each counted), by provider, answer status ("none" when no answer ' +
      'came) and outcome',
    labelNames: ['provider', 'status', 'outcome'] as const,
    registers: [promRegistry],
  });
  const duration = new Histogram({
    name: 'ticket_graph_upstream_request_duration_seconds',
    help: 'Time of one upstream HTTP try, from sending to the body read, by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [promRegistry],
  });
  const refused = new Counter({
    name: 'ticket_graph_upstream_refused_total',
    help:
      'Upstream calls never sent, by provider and reason (circuit_open, queue_timeout, closing, ' +
      'budget_spent, client_gone)',
    labelNames: ['provider', 'reason'] as const,
    registers: [promRegistry],
  });
  new Gauge({
    name: 'ticket_graph_upstream_circuit_state',
    help: "Each enabled provider's circuit breaker: 0 closed, 1 half-open (a trial call is out), 2 open",
    labelNames: ['provider'] as const,
    registers: [promRegistry],
    collect() {
      for (const status of providers()) {
        if (status.enabled) this.set({ provider: status.name }, CIRCUIT_STATE_VALUES[status.circuit().state]);
      }
    },
  });
  const batches = new Histogram({
    name: 'ticket_graph_loader_batch_size',
    help: 'Distinct tickets in one DataLoader batch handed to a provider',
    labelNames: ['provider'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [promRegistry],
  });
  return {
    promRegistry,
    upstream: {
      attempted({ provider, status, outcome, seconds }) {
        requests.inc({ provider, status: status === undefined ? 'none' : String(status), outcome });
        duration.observe({ provider, outcome }, seconds);
      },
      refused: ({ provider, reason }) => refused.inc({ provider, reason }),
    },
    loaderBatch: (provider, size) => batches.observe({ provider }, size),
    watchCircuits(source) {
      providers = source;
    },
  };
}
