import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GraphQLClient } from 'graphql-request';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { pino, type Logger } from 'pino';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, pointAtSandbox, type Config } from '../../src/config.js';
import { createGatewayServer } from '../../src/server/http-server.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTracing } from '../../src/telemetry/traces.js';
import type { SandboxOptions } from '../../src/sandbox/types.js';

export interface Gateway {
  readonly url: string;
  readonly sandbox: Sandbox;
  readonly app: App;
  /** HTTP requests the gateway has received so far. */
  requests(): number;
  /** Connections to the gateway open now, as the gateway sees them. */
  openConnections(): number;
  /** A GraphQL client that keeps partial data next to errors, as a frontend would. */
  client(headers?: Record<string, string>): GraphQLClient;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Extra environment, read as the gateway reads `process.env`. */
  readonly env?: Record<string, string>;
  /** Changes to the configuration after it points at the sandbox. */
  readonly adjust?: (config: Config) => Config;
  /** Where the app logs; silent when not given. */
  readonly logger?: Logger;
  /** Options of the sandbox, e.g. `copies` for more tickets than the seed's 26 a provider. */
  readonly sandbox?: SandboxOptions;
  /** Where spans go when `env` turns tracing on (OTEL_TRACES_EXPORTER=otlp), e.g. to an InMemorySpanExporter. */
  readonly spanProcessor?: SpanProcessor;
}

/** The whole gateway on a loopback port, every provider pointed at the sandbox, in the server `main.ts` makes. */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const sandbox = await startSandbox(options.sandbox);
  const base = pointAtSandbox(loadConfig({ SANDBOX: 'true', ...options.env }), sandbox);
  const config = options.adjust ? options.adjust(base) : base;
  const logger = options.logger ?? pino({ level: 'silent' });
  const tracing =
    config.traces &&
    createTracing(config.traces, { logger, ...(options.spanProcessor && { processor: options.spanProcessor }) });
  const app = createApp(config, { logger, tracing });
  const server = await listenServerOnLoopback(createGatewayServer(app.yoga, config.server).server);
  return {
    url: server.url,
    sandbox,
    app,
    requests: server.requests,
    openConnections: server.openConnections,
    client: (headers = {}) => new GraphQLClient(server.url, { headers, errorPolicy: 'all' }),
    async close() {
      await server.close();
      await app.close();
      await sandbox.close();
    },
  };
}

/** A loopback port nothing listens on: a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Listening {
  readonly url: string;
  /** HTTP requests received so far. */
  requests(): number;
  /** Connections open now. */
  openConnections(): number;
  close(): Promise<void>;
}

/** Serves a Node request listener (a yoga app, a federation gateway) on a loopback port. */
export function listenOnLoopback(listener: RequestListener, path = '/graphql'): Promise<Listening> {
  return listenServerOnLoopback(createServer(listener), path);
}

async function listenServerOnLoopback(server: Server, path = '/graphql'): Promise<Listening> {
  let requests = 0;
  let open = 0;
  server.on('request', () => requests++);
  server.on('connection', (socket: Socket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests: () => requests,
    openConnections: () => open,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
