import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Registry } from './providers/registry.js';

export const READY_ENDPOINT = '/ready';

/**
 * `/ready` for a load balancer: 200 while the gateway takes traffic, 503 once it is draining for
 * shutdown or while an enabled provider's circuit is open, with the reasons as JSON. A circuit
 * whose cool-down has passed reports HALF_OPEN and counts as ready: its next call is the trial
 * that closes it, and a replica kept out of rotation would never make that call.
 */
export function useReadiness(registry: Pick<Registry, 'entries'>, draining: () => boolean): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(readinessCheck(registry, draining));
    },
    // While draining, every answer, to a request in flight or one on a kept-alive connection,
    // closes its connection, so no client sends another on it while it is being closed.
    onResponse({ response }) {
      if (draining()) response.headers.set('connection', 'close');
    },
  };
}

function readinessCheck(registry: Pick<Registry, 'entries'>, draining: () => boolean): Plugin {
  return useReadinessCheck({
    endpoint: READY_ENDPOINT,
    check({ fetchAPI }) {
      const openCircuits = registry.entries
        .filter((entry) => entry.enabled && entry.circuit().state === 'OPEN')
        .map((entry) => entry.provider.name);
      const ready = !draining() && openCircuits.length === 0;
      return new fetchAPI.Response(JSON.stringify({ ready, draining: draining(), openCircuits }), {
        status: ready ? 200 : 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  });
}
