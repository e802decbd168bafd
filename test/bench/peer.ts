/**
 * The peer users would otherwise pick: GraphQL Mesh (compose-cli, a JSON Schema source for the
 * same Kapture endpoint) served by Hive Gateway. Its dependencies live in test/bench/peer/ and are
 * installed there (`npm ci`) the first time the benchmark runs, never by the project's install.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, track, waitForHttp } from './processes.js';
import type { SandboxReady } from './sandbox-process.js';

const DIR = fileURLToPath(new URL('./peer/', import.meta.url));
const BIN = `${DIR}node_modules/.bin/`;

export interface Peer {
  /** Composes the supergraph against this sandbox and serves it; one process. */
  start(sandbox: SandboxReady): Promise<{ url: string; child: ChildProcess }>;
  /** The peer's query for these Kapture ids: one aliased field a 20-id call, as ours makes. */
  query(numbers: readonly string[]): string;
}

/** The peer, installed if need be; undefined (with the reason on stderr) when it cannot be. */
export async function startPeer(): Promise<Peer | undefined> {
  try {
    if (!existsSync(`${BIN}hive-gateway`)) {
      process.stderr.write('bench: installing the peer (npm ci in test/bench/peer)\n');
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: DIR,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  } catch (error) {
    process.stderr.write(`bench: the peer could not be installed, so its rows are left out: ${String(error)}\n`);
    return undefined;
  }
  return {
    async start(sandbox) {
      const env = { ...process.env, KAPTURE_BASE_URL: sandbox.urls.kapture!, KAPTURE_API_KEY: sandbox.keys.kapture! };
      execFileSync(realpathSync(`${BIN}mesh-compose`), ['-o', 'supergraph.graphql'], {
        cwd: DIR,
        env,
        stdio: 'ignore',
      });
      const port = await freePort();
      const child = track(
        spawn(
          process.execPath,
          [
            realpathSync(`${BIN}hive-gateway`),
            'supergraph',
            'supergraph.graphql',
            '--port',
            String(port),
            '--host',
            '127.0.0.1',
            '--fork',
            '1',
          ],
          {
            cwd: DIR,
            env: { ...env, NODE_ENV: 'production' },
            stdio: 'ignore',
          },
        ),
      );
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitForHttp(url, child, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      return { url, child };
    },
    query(numbers) {
      const chunks = Array.from({ length: Math.ceil(numbers.length / 20) }, (_, index) =>
        numbers.slice(index * 20, (index + 1) * 20),
      );
      const fields = chunks.map(
        (chunk, index) =>
          `t${index}: tickets(input: { ticket_ids: "${chunk.join(',')}" }) { task_details { ticketId title status } }`,
      );
      return `{ ${fields.join(' ')} }`;
    },
  };
}
