import type { Plugin } from 'graphql-yoga';

export interface DrainOptions {
  /** Whether the gateway is draining for shutdown. Required: app.ts passes the flag `App.drain()` sets. */
  readonly draining: () => boolean;
}

/**
 * Shutdown's mark on every answer: while the gateway drains, each answer, to a request in flight
 * or to one that arrives on a kept-alive connection, says `Connection: close`, so that no client
 * sends another request on a connection that is being closed (README, "Shutdown"). `/ready`
 * answering 503 meanwhile is useProbes'.
 */
export function useDrain({ draining }: DrainOptions): Plugin {
  return {
    onResponse({ response }) {
      if (draining()) response.headers.set('connection', 'close');
    },
  };
}
