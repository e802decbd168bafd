import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, logOutput } from './telemetry/logger.js';
import { createApp } from './app.js';
import { type Config, ConfigError, loadConfig, pointAtSandbox } from './config.js';
import { createGatewayServer } from './server/http-server.js';
import { hostPort, listenFailure } from './server/listen-address.js';
import { startSandbox } from './sandbox/index.js';
import { SIGNAL_ECHO_MS, stopSignals } from './server/shutdown.js';
import { onUnhandledRejection } from './server/unhandled-rejection.js';

/**
 * The longest the last log lines may hold up the exit: a log reader that takes nothing (a full
 * pipe) must not turn an idle stop into the whole shutdown timeout, and an orchestrator's kill.
 */
const LAST_LINES_MS = 1_000;
/** What the last log line gets before a second request to stop exits. */
const EXIT_NOW_LINES_MS = 200;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.message.split('\n'))
      process.stderr.write(`ticket-graph: invalid configuration: ${line}\n`);
    process.exit(1);
  }

  // Pretty lines for a person at a terminal in development; JSON lines everywhere else, written
  // so that a log destination that is slow or gone never holds up a request or the exit.
  const pretty = process.stdout.isTTY === true && !config.production;
  const output = pretty ? undefined : logOutput((problem) => process.stderr.write(`ticket-graph: ${problem}\n`));
  const logger = createLogger({ level: config.logLevel, pretty }, output);
  const exit = async (code: number, linesMs: number) => {
    await output?.end(linesMs);
    process.exit(code);
  };

  process.on('unhandledRejection', onUnhandledRejection(logger));

  const sandbox = config.sandbox ? await startSandbox() : undefined;
  if (sandbox) {
    config = pointAtSandbox(config, sandbox);
    logger[config.production ? 'warn' : 'info'](
      { sandbox: sandbox.urls },
      'sandbox mode: every provider is served by the built-in simulators on loopback (no credentials needed)',
    );
  }
  if (config.gatewayApiKeys.length === 0)
    logger.warn('GATEWAY_API_KEYS is not set: the gateway is open to anyone who can reach it');

  // Loaded only when the OTEL_* variables turn tracing on: off, none of OpenTelemetry's SDK is.
  const tracing = config.traces && (await import('./telemetry/traces.js')).createTracing(config.traces, { logger });
  const app = createApp(config, { logger, tracing });
  const { server, closeGracefully } = createGatewayServer(app.yoga, config.server);
  server.on('error', (error) => {
    // A port in use or a HOST not of this machine is a setting to change, said as plainly as a
    // configuration error is, not a stack.
    if (server.listening) logger.fatal({ err: error }, 'the gateway server failed');
    else process.stderr.write(`ticket-graph: ${listenFailure(error, config.host, config.port)}\n`);
    void exit(1, EXIT_NOW_LINES_MS);
  });
  server.listen(config.port, config.host, () => {
    const enabled = app.providers.entries.filter((entry) => entry.enabled).map((entry) => entry.provider.name);
    const url = `http://${hostPort(config.host, config.port)}/graphql`;
    logger.info(
      { providers: enabled },
      config.graphiql ? `ticket-graph is listening; GraphiQL at ${url}` : `ticket-graph is listening at ${url}`,
    );
  });

  const shutdown = async (signal: string) => {
    app.drain();
    // A person's Ctrl-C needs no load balancer to notice /ready first.
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    if (delayMs > 0) {
      logger.info(
        { signal, delayMs },
        '/ready now answers 503; still taking requests until the load balancer has noticed',
      );
      await sleep(delayMs);
    }
    logger.info(
      { signal, timeoutMs: config.shutdownTimeoutMs },
      'draining: refusing new connections, finishing requests in flight',
    );
    const deadline = Date.now() + config.shutdownTimeoutMs;
    const finished = await closeGracefully(config.shutdownTimeoutMs);
    if (!finished)
      logger.warn(
        { timeoutMs: config.shutdownTimeoutMs },
        'requests still in flight at the shutdown timeout were cut off',
      );
    // Upstream calls can outlive their request (a client that went away): they get what is left
    // of the timeout, then are ended.
    const closed = await Promise.race([
      app.close(!finished).then(() => true),
      sleep(Math.max(0, deadline - Date.now())).then(() => false),
    ]);
    if (!closed) await app.close(true);
    await sandbox?.close();
    logger.info('stopped');
    await exit(finished ? 0 : 1, LAST_LINES_MS);
  };
  const received = stopSignals();
  const onSignal = (signal: NodeJS.Signals) => {
    const kind = received(signal, performance.now());
    if (kind === 'first') void shutdown(signal);
    else if (kind === 'echo') {
      logger.info({ signal }, `${signal} again within ${SIGNAL_ECHO_MS} ms: the same request to stop`);
    } else {
      logger.warn({ signal }, 'a second request to stop: exiting without waiting');
      void exit(1, EXIT_NOW_LINES_MS);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

await main();
