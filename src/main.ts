import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from './logger.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig, pointAtSandbox } from './config.js';
import { startSandbox } from './sandbox/index.js';
import { closeGracefully } from './shutdown.js';
import { onUnhandledRejection } from './unhandled-rejection.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.message.split('\n')) process.stderr.write(`ticket-graph: invalid configuration: ${line}\n`);
    process.exit(1);
  }

  // Pretty lines for a person at a terminal in development; JSON lines everywhere else.
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY === true && !config.production });

  process.on('unhandledRejection', onUnhandledRejection(logger));

  const sandbox = config.sandbox ? await startSandbox() : undefined;
  if (sandbox) {
    config = pointAtSandbox(config, sandbox);
    logger.info(
      { sandbox: sandbox.urls },
      'sandbox mode: every provider is served by the built-in simulators on loopback (no credentials needed)',
    );
  }
  if (config.gatewayApiKeys.length === 0) logger.warn('GATEWAY_API_KEYS is not set: the gateway is open to anyone who can reach it');

  const app = createApp(config, { logger });
  const server = createServer(app.yoga);
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'the gateway could not listen');
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const enabled = app.registry.entries.filter((entry) => entry.enabled).map((entry) => entry.provider.name);
    const url = `http://${config.host}:${config.port}/graphql`;
    logger.info({ providers: enabled }, config.graphiql ? `ticket-graph is listening; GraphiQL at ${url}` : `ticket-graph is listening at ${url}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} received again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    app.drain();
    // A person's Ctrl-C needs no load balancer to notice /ready first.
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    if (delayMs > 0) {
      logger.info({ signal, delayMs }, '/ready now answers 503; still taking requests until the load balancer has noticed');
      await sleep(delayMs);
    }
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'draining: refusing new connections, finishing requests in flight');
    const deadline = Date.now() + config.shutdownTimeoutMs;
    const finished = await closeGracefully(server, config.shutdownTimeoutMs);
    if (!finished) logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still in flight at the shutdown timeout were cut off');
    // Upstream calls can outlive their request (a client that went away): they get what is left
    // of the timeout, then are ended.
    const closed = await Promise.race([app.close(!finished).then(() => true), sleep(Math.max(0, deadline - Date.now())).then(() => false)]);
    if (!closed) await app.close(true);
    await sandbox?.close();
    logger.info('stopped');
    logger.flush(() => process.exit(finished ? 0 : 1));
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
