import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../until.js';
import { closedPort } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const started: ChildProcess[] = [];
const held: Server[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** `src/main.ts` as `npm start` runs it (the sandbox, no provider configured), with `env` only. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output, exited };
}

async function holdPort(): Promise<number> {
  const server = createServer();
  held.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('starting the gateway', () => {
  it('says in one line that the port is in use, naming PORT, and exits 1', async () => {
    const port = await holdPort();
    const main = startMain({ HOST: '127.0.0.1', PORT: String(port) });
    expect(await main.exited).toBe(1);
    expect(main.output.stderr).toBe(
      `ticket-graph: cannot listen on 127.0.0.1:${port}: the port is in use (set PORT to another)\n`,
    );
    expect(main.output.stdout).not.toContain('"level":60');
  });

  it('refuses an unknown NODE_ENV in one line naming the allowed values, rather than run as development', async () => {
    const main = startMain({ NODE_ENV: 'prod', HOST: '127.0.0.1', PORT: String(await closedPort()) });
    expect(await main.exited).toBe(1);
    expect(main.output.stderr).toBe(
      'ticket-graph: invalid configuration: NODE_ENV must be development, production or test; got prod\n',
    );
    expect(main.output.stdout).toBe('');
  });

  it('refuses a TRUSTED_DOCUMENTS file it cannot use in one line naming the file and why, before listening', async () => {
    const main = startMain({ TRUSTED_DOCUMENTS: 'no-such-documents.json', HOST: '127.0.0.1', PORT: '0' });
    expect(await main.exited).toBe(1);
    expect(main.output.stderr).toBe(
      'ticket-graph: invalid configuration: TRUSTED_DOCUMENTS must be a JSON file of id to GraphQL document ' +
        '(as codegen writes persisted-documents.json); got no-such-documents.json: no such file\n',
    );
    expect(main.output.stdout).toBe('');
  });

  it('prints the address of an IPv6 HOST in brackets, as a URL it can be opened at', async () => {
    const port = await closedPort();
    const main = startMain({ HOST: '::1', PORT: String(port) });
    await until(() => main.output.stdout.includes('ticket-graph is listening'), 20_000);
    const listening = main.output.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string })
      .find((line) => line.msg.startsWith('ticket-graph is listening'));
    const url = `http://[::1]:${port}/graphql`;
    expect(listening?.msg).toBe(`ticket-graph is listening; GraphiQL at ${url}`);
    expect((await fetch(`http://[::1]:${port}/health`)).status).toBe(200);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });
});
