import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxEnv } from '../sandbox-env.js';
import { until } from '../until.js';
import { closedPort } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Process {
  readonly child: ChildProcess;
  readonly url: string;
  readonly lines: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
}

/** `src/main.ts` in a process of its own, as `npm start` runs it, every provider at the sandbox. */
async function startMain(sandbox: Sandbox, env: Record<string, string> = {}): Promise<Process> {
  const port = await closedPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...sandboxEnv(sandbox), SANDBOX: 'false', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const part of parts.filter(Boolean)) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/health`)).status === 200, 20_000);
  return { child, url, lines, exited };
}

const QUERY = 'query One($n: String!) { ticket(provider: KAPTURE, number: $n) { number } }';

describe('shutdown on SIGTERM', () => {
  let sandbox: Sandbox;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => {
    for (const child of started.splice(0)) child.kill('SIGKILL');
    sandbox.reset();
  });
  afterAll(() => sandbox.close());

  const ask = (server: Process, number: string) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { n: number } }) });

  it('lets a request in flight finish, refuses new connections, then exits 0', async () => {
    const server = await startMain(sandbox);
    started.push(server.child);
    const number = sandbox.ticketNumbers('kapture')[0]!;
    const release = sandbox.hold('kapture');
    const inFlight = ask(server, number);
    await until(() => sandbox.calls('kapture') === 1);

    server.child.kill('SIGTERM');
    await until(() => server.lines.some((line) => line.msg?.toString().startsWith('draining')));
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ data: { ticket: { number } } });
    expect(await server.exited).toBe(0);
    expect(sandbox.calls('kapture')).toBe(1);
    expect(server.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['request', 'stopped']));
  });

  it('cuts a request still in flight at SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const server = await startMain(sandbox, { SHUTDOWN_TIMEOUT_MS: '300' });
    started.push(server.child);
    const release = sandbox.hold('kapture');
    try {
      const inFlight = ask(server, sandbox.ticketNumbers('kapture')[0]!);
      await until(() => sandbox.calls('kapture') === 1);
      server.child.kill('SIGTERM');
      await expect(inFlight).rejects.toThrow();
      expect(await server.exited).toBe(1);
      expect(server.lines.some((line) => String(line.msg).includes('cut off'))).toBe(true);
    } finally {
      release();
    }
  });

  it('with SHUTDOWN_DELAY_MS, answers /ready with 503 and still serves new connections before draining', async () => {
    const server = await startMain(sandbox, { SHUTDOWN_DELAY_MS: '1500' });
    started.push(server.child);
    server.child.kill('SIGTERM');
    await until(() => server.lines.some((line) => String(line.msg).startsWith('/ready now answers 503')));
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);
    const number = sandbox.ticketNumbers('kapture')[0]!;
    const response = await ask(server, number);
    expect(await response.json()).toEqual({ data: { ticket: { number } } });
    expect(sandbox.calls('kapture')).toBe(1);
    expect(await server.exited).toBe(0);
  });

  it('exits 1 at once on a second signal, without waiting for the request in flight', async () => {
    const server = await startMain(sandbox);
    started.push(server.child);
    const release = sandbox.hold('kapture');
    try {
      const inFlight = ask(server, sandbox.ticketNumbers('kapture')[0]!).catch((error: unknown) => error);
      await until(() => sandbox.calls('kapture') === 1);
      server.child.kill('SIGTERM');
      await until(() => server.lines.some((line) => String(line.msg).startsWith('draining')));
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      expect(await inFlight).toBeInstanceOf(Error);
    } finally {
      release();
    }
  });

  it('exits 0 at once when nothing is in flight', async () => {
    const server = await startMain(sandbox);
    started.push(server.child);
    expect((await ask(server, sandbox.ticketNumbers('kapture')[0]!)).status).toBe(200);
    expect(sandbox.calls('kapture')).toBe(1);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });
});
