import { createServer } from 'node:http';
import { createLogger } from './logger.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig, pointAtSandbox } from './config.js';
import { startSandbox } from './sandbox/index.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.message.split('\n')) process.stderr.write(`ticket-graph: invalid configuration: ${line}\n`);
    process.exit(1);
  }

  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY });

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
    logger.info({ providers: enabled }, `ticket-graph is listening; GraphiQL at http://${config.host}:${config.port}/graphql`);
  });

  const shutdown = (signal: string) => {
    logger.info(`${signal} received: finishing in-flight requests, then exiting`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(async () => {
      await app.close();
      await sandbox?.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

await main();
