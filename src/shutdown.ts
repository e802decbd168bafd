import type { Server } from 'node:http';

/** How often idle kept-alive connections are closed while draining. */
const SWEEP_MS = 100;

/**
 * Stops `server` taking work and waits for what it holds, up to `timeoutMs`. New connections are
 * refused at once; a request already in flight, or arriving on a connection kept alive, is
 * served (the app answers it with `Connection: close` once draining), and each connection is
 * closed as soon as it is idle. Resolves true when every request finished in time; false when the
 * rest were cut off.
 */
export async function closeGracefully(server: Server, timeoutMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
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
