import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/** How often connections that hold no request in flight are closed while draining. */
const SWEEP_MS = 100;

/** A server's connections, told apart by whether they hold a request in flight. */
export interface Connections {
  /**
   * Closes every connection holding no request in flight: an idle kept-alive one, and one whose
   * request has not fully arrived (half a request line, headers still coming). Node's own
   * `closeIdleConnections` keeps the latter, and once the server is closing no longer times it out.
   * For the same reason, a request whose body is still arriving past `requestTimeoutMs` is cut.
   */
  closeWaiting(): void;
  /**
   * Resolves once every connection has closed, its responses' `close` listeners run. The server's
   * own `close` comes earlier, as soon as the last socket is destroyed.
   */
  allClosed(): Promise<void>;
}

/**
 * Follows `server`'s connections from now on: a request is in flight from the moment its headers
 * are complete (Node's `request` event) until its response closes.
 */
export function trackConnections(server: Server, requestTimeoutMs: number): Connections {
  const open = new Set<Socket>();
  const inFlight = new Map<Socket, number>();
  // Requests in flight whose body had not all arrived when last looked at, by when they began.
  const receiving = new Map<IncomingMessage, number>();
  const waiting: (() => void)[] = [];
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      inFlight.delete(socket);
      if (open.size === 0) for (const resolve of waiting.splice(0)) resolve();
    });
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    if (!request.complete) receiving.set(request, Date.now());
    response.once('close', () => {
      receiving.delete(request);
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) inFlight.set(socket, left);
      else inFlight.delete(socket);
    });
  });
  return {
    closeWaiting() {
      for (const socket of open) if (!inFlight.has(socket)) socket.destroy();
      const now = Date.now();
      for (const [request, since] of receiving) {
        if (request.complete) receiving.delete(request);
        else if (now - since > requestTimeoutMs) request.socket.destroy();
      }
    },
    allClosed: () => (open.size === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}

/**
 * Stops `server` taking work and waits for what it holds, up to `timeoutMs`. New connections are
 * refused at once, and so is every connection holding no request in flight; a request in flight
 * is served (the app answers it with `Connection: close` once draining), and its connection is
 * closed as soon as it holds no other. Resolves true when every request finished in time; false
 * when the rest were cut off.
 */
export async function closeGracefully(server: Server, connections: Connections, timeoutMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve())).then(() => connections.allClosed());
  connections.closeWaiting();
  const sweep = setInterval(() => connections.closeWaiting(), SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!finished) {
    server.closeAllConnections();
    await closed;
  }
  return finished;
}

/** How soon after a stop signal the same signal again is taken as its echo, not a second request. */
export const SIGNAL_ECHO_MS = 1_000;

/** A stop signal: the first, an echo of it, or a second request to stop (exit without waiting). */
export type StopSignal = 'first' | 'echo' | 'again';

/**
 * Tells the stop signals a process receives apart, by name and time of arrival (ms). Under
 * `npm start` a SIGTERM sent to the process group reaches the gateway twice within milliseconds,
 * once directly and once forwarded by npm: the same signal within `echoMs` of the first is that
 * echo. Another signal, or the same one later, is an operator asking again.
 */
export function stopSignals(echoMs = SIGNAL_ECHO_MS): (signal: string, atMs: number) => StopSignal {
  let first: { readonly signal: string; readonly atMs: number } | undefined;
  return (signal, atMs) => {
    if (!first) {
      first = { signal, atMs };
      return 'first';
    }
    return signal === first.signal && atMs - first.atMs < echoMs ? 'echo' : 'again';
  };
}
