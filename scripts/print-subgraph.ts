/**
 * Prints the subgraph SDL this environment's gateway serves (`npm run subgraph:sdl`), for a
 * router or schema registry when introspection, and with it `_service`, is off in production.
 * It reads the configuration as `npm start` does, and calls no provider.
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { createProviderRegistry, offeredProviders } from '../src/providers/registry.js';
import { printSubgraphFor } from '../src/graphql/print.js';

try {
  const config = loadConfig(process.env);
  // In sandbox mode every provider is enabled, as `npm start` would point them all at it.
  const registry = createProviderRegistry(config);
  const actions = offeredProviders(registry);
  await registry.close();
  process.stdout.write(printSubgraphFor(actions));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`ticket-graph: invalid configuration: ${error.message}\n`);
  process.exitCode = 1;
}
