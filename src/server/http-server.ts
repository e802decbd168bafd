import { createServer, type RequestListener, type Server } from 'node:http';
import type { ServerTimeouts } from '../config.js';
import { ERROR_CONTENT_TYPE, errorBody } from './error-response.js';
import { closeGracefully, trackConnections } from './shutdown.js';

/** The gateway's Node http server, and how it is closed on shutdown. */
export interface GatewayServer {
  readonly server: Server;
  /**
   * Stops taking work and waits up to `timeoutMs` for the requests in flight (see
   * `closeGracefully`); true when every one finished in time.
   */
  closeGracefully(timeoutMs: number): Promise<boolean>;
}

/**
 * Node's http server for `listener` with the configured timeouts: a client slow to send its
 * headers or its body is answered 408 and disconnected, one that stops taking its answer for the
 * request timeout is disconnected, an idle connection is closed after `keepAliveMs`. `main.ts` and
 * the end-to-end tests both make the server here.
 */
export function createGatewayServer(listener: RequestListener, timeouts: ServerTimeouts): GatewayServer {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node looks for requests past their timeouts only this often (30 s by default, which would
      // let a 10 s headers timeout run to 40 s): a tenth of the shorter timeout, at most a second.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs / 10),
    },
    withReadableTarget(withSendTimeout(listener, timeouts.requestMs)),
  );
  const connections = trackConnections(server, timeouts.requestMs);
  return { server, closeGracefully: (timeoutMs) => closeGracefully(server, connections, timeoutMs) };
}

/**
 * A request whose target and `Host` make no URL (`Host: a@b:99999`, `Host: [::1`) is answered 400
 * here. The fetch adapter under yoga builds the request's URL from them before any plugin runs,
 * and answers its own failure with HTTP 500 and a stack trace in the body.
 */
function withReadableTarget(listener: RequestListener): RequestListener {
  return (request, response) => {
    // Joined as the adapter joins them.
    if (URL.canParse(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`))
      return listener(request, response);
    const body = errorBody({
      message: 'Bad request: the Host header and the request target make no URL',
      code: 'BAD_REQUEST',
    });
    response
      .writeHead(400, {
        'content-type': ERROR_CONTENT_TYPE,
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      })
      .end(body);
  };
}

/**
 * A client that takes no byte of its answer for `ms` while the answer waits on it (Node holds
 * more than its buffer) is disconnected, and the answer's memory freed: a client that never reads
 * would otherwise hold it for good, since a socket with nothing moving has no timeout of Node's.
 * The socket's idle timer also runs out while the gateway itself is working (upstream calls, a
 * `@defer` part to come); then nothing waits on the client, and the timer is set again.
 */
export function withSendTimeout(listener: RequestListener, ms: number): RequestListener {
  return (request, response) => {
    response.setTimeout(ms, () => {
      if (response.writableNeedDrain) response.destroy();
      else response.setTimeout(ms);
    });
    return listener(request, response);
  };
}
