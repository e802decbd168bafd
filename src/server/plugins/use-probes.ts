import type { Plugin } from 'graphql-yoga';
import type { ProviderRegistry } from '../../providers/registry.js';

export const HEALTH_ENDPOINT = '/health';
export const READY_ENDPOINT = '/ready';

/**
 * Yoga's own health check answers any URL that merely ends in its path (`/graphql?x=/health`),
 * and cannot be turned off; it is given a path no URL ends with (a URL's text never holds a
 * space), and `/health` is answered here, on that exact path alone.
 */
export const YOGA_HEALTH_CHECK_OFF = ' ';

export interface ProbesOptions {
  /** Whose enabled providers' circuits `/ready` reports. */
  readonly providers: Pick<ProviderRegistry, 'entries'>;
  /** Whether the gateway is draining for shutdown: `/ready` answers 503 (useDrain closes the connections). */
  readonly draining: () => boolean;
}

/**
 * The probes a load balancer polls, answered on their exact paths only and without a key:
 * - `/health`: 200 while the process runs;
 * - `/ready`: 200 while the gateway takes traffic, 503 once it is draining for shutdown or while
 *   an enabled provider's circuit is open, with the reasons as JSON. A circuit whose cool-down
 *   has passed reports HALF_OPEN and counts as ready: its next call is the trial that closes it,
 *   and a replica kept out of rotation would never make that call.
 */
export function useProbes({ providers, draining }: ProbesOptions): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === HEALTH_ENDPOINT) return endResponse(new fetchAPI.Response(null, { status: 200 }));
      if (url.pathname !== READY_ENDPOINT) return;
      const openCircuits = providers.entries
        .filter((entry) => entry.enabled && entry.circuit().state === 'OPEN')
        .map((entry) => entry.provider.name);
      const ready = !draining() && openCircuits.length === 0;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ ready, draining: draining(), openCircuits }), {
          status: ready ? 200 : 503,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
