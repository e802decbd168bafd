import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { SIGNAL_ECHO_MS } from '../../src/server/shutdown.js';
import { until } from '../until.js';
import { closedPort } from './harness.js';
import { ROOT, spawnMain } from './main-process.js';

interface Process {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly lines: Record<string, unknown>[];
  /** What the process wrote to stderr so far. */
  stderr(): string;
  readonly exited: Promise<number | null>;
}

/**
 * `src/main.ts` in a process of its own, as `npm start` runs it, every provider at the sandbox.
 * Its stdout is read into `lines`, or goes to the file descriptor `stdout` when given.
 */
async function startMain(sandbox: Sandbox, env: Record<string, string> = {}, stdout?: number): Promise<Process> {
  const { child, port, url, exited } = await spawnMain(sandbox, { LOG_LEVEL: 'info', ...env }, [
    'ignore',
    stdout ?? 'pipe',
    'pipe',
  ]);
  const lines: Record<string, unknown>[] = [];
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const part of parts.filter(Boolean)) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  await until(async () => (await fetch(`${url}/health`)).status === 200, 20_000);
  return { child, url, port, lines, stderr: () => stderr, exited };
}

/** A raw connection to `port` that has sent `text`, and everything it receives until it closes. */
async function rawConnection(port: number, text: string): Promise<{ socket: Socket; received: Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  // A connection the server destroys with bytes unread is reset: that is its close here.
  socket.on('error', () => {});
  socket.write(text);
  return { socket, received: new Promise((resolve) => socket.once('close', () => resolve(received))) };
}

const QUERY = 'query One($n: String!) { ticket(provider: KAPTURE, number: $n) { number } }';
const ask = (server: Process, number: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { n: number } }),
  });

// One sandbox for the file; each test's processes are killed, and the sandbox reset, after it.
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

describe('shutdown on SIGTERM', () => {
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
      // Its log line says the client got no answer, not the 200 the gateway made after the cut.
      const logged = server.lines.filter((line) => line.msg === 'request');
      expect(logged).toEqual([expect.objectContaining({ path: '/graphql', outcome: 'cut' })]);
      expect(logged[0]).not.toHaveProperty('status');
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

  it.each([
    ['SIGTERM', 'the same signal once its echo window has passed'],
    ['SIGINT', 'another signal'],
  ] as const)(
    'exits 1 at once on a second request to stop (%s: %s), without waiting for the request in flight',
    async (second, _why) => {
      const server = await startMain(sandbox);
      started.push(server.child);
      const release = sandbox.hold('kapture');
      try {
        const inFlight = ask(server, sandbox.ticketNumbers('kapture')[0]!).catch((error: unknown) => error);
        await until(() => sandbox.calls('kapture') === 1);
        server.child.kill('SIGTERM');
        await until(() => server.lines.some((line) => String(line.msg).startsWith('draining')));
        // The line is written after the signal was taken: from here on the window is sure to pass.
        if (second === 'SIGTERM') await sleep(SIGNAL_ECHO_MS);
        server.child.kill(second);
        expect(await server.exited).toBe(1);
        expect(await inFlight).toBeInstanceOf(Error);
      } finally {
        release();
      }
    },
  );

  it('takes a SIGTERM repeated at once (a process group signalled under npm start) as the same request to stop', async () => {
    const server = await startMain(sandbox);
    started.push(server.child);
    const number = sandbox.ticketNumbers('kapture')[0]!;
    const release = sandbox.hold('kapture');
    const inFlight = ask(server, number).then(
      (response) => response.json(),
      (error: unknown) => error,
    );
    await until(() => sandbox.calls('kapture') === 1);
    server.child.kill('SIGTERM');
    // Sent once the first is taken (two sent at once would merge into one pending signal), as npm
    // forwards the one it got: well within the window.
    await until(() => server.lines.some((line) => String(line.msg).startsWith('draining')));
    server.child.kill('SIGTERM');
    const echoed = () => server.lines.some((line) => String(line.msg).startsWith('SIGTERM again'));
    await until(() => server.child.exitCode !== null || echoed());
    expect(server.child.exitCode).toBeNull();
    release();
    expect(await inFlight).toEqual({ data: { ticket: { number } } });
    expect(await server.exited).toBe(0);
    expect(sandbox.calls('kapture')).toBe(1);
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

describe('slow clients', () => {
  it('do not hold up SIGTERM with half a request line or headers still coming: exit 0 long before the shutdown timeout', async () => {
    const server = await startMain(sandbox, { SHUTDOWN_TIMEOUT_MS: '60000' });
    started.push(server.child);
    const halfLine = await rawConnection(server.port, 'POST /graph');
    const halfHeaders = await rawConnection(server.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: appl');
    // Answered after both connections' bytes were in: the server has read them by now.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await halfLine.received).toBe('');
    expect(await halfHeaders.received).toBe('');
  });

  it('do not hold up SIGTERM with a body still arriving past SERVER_REQUEST_TIMEOUT_MS: cut, and exit 0 long before the shutdown timeout', async () => {
    const server = await startMain(sandbox, { SERVER_REQUEST_TIMEOUT_MS: '1000', SHUTDOWN_TIMEOUT_MS: '60000' });
    started.push(server.child);
    const headers = 'Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000';
    const slowBody = await rawConnection(server.port, `POST /graphql HTTP/1.1\r\n${headers}\r\n\r\n{"query"`);
    // Its headers are in, so its request is in flight; the server stops timing it out once closing.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    // A byte now and then keeps the socket busy, as a slow client would.
    const drip = setInterval(() => slowBody.socket.write(' '), 200);
    try {
      expect(await server.exited).toBe(0);
    } finally {
      clearInterval(drip);
    }
    expect(await slowBody.received).toBe('');
  });

  it('are answered 408 and disconnected when the headers or the body take longer than SERVER_REQUEST_TIMEOUT_MS', async () => {
    const server = await startMain(sandbox, { SERVER_REQUEST_TIMEOUT_MS: '1000' });
    started.push(server.child);
    const slowHeaders = await rawConnection(server.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const body = JSON.stringify({ query: '{ __typename }' });
    const headers = `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`;
    const slowBody = await rawConnection(
      server.port,
      `POST /graphql HTTP/1.1\r\n${headers}\r\n\r\n${body.slice(0, 5)}`,
    );
    expect(await slowHeaders.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(await slowBody.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    // The body's request had reached the gateway: its line says it got no answer from it.
    await until(() => server.lines.some((line) => line.msg === 'request'));
    const logged = server.lines.filter((line) => line.msg === 'request');
    expect(logged).toEqual([expect.objectContaining({ method: 'POST', path: '/graphql', outcome: 'cut' })]);
    expect(logged[0]).not.toHaveProperty('status');
    expect(sandbox.calls('kapture')).toBe(0);
  });
});

describe('the gateway process', () => {
  it('refuses to start in production with no provider configured, in one line, rather than serve the sandbox', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(await closedPort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'ticket-graph: invalid configuration: no provider is configured: give one its credentials (e.g. KAPTURE_API_KEY), or set SANDBOX=true\n',
    );
    expect(stdout).toBe('');
  });

  it('goes on when its log reader goes away, says so once on stderr, and exits 0 on SIGTERM', async () => {
    const server = await startMain(sandbox);
    started.push(server.child);
    await until(() => server.lines.some((line) => String(line.msg).startsWith('ticket-graph is listening')));
    server.child.stdout!.destroy();
    const number = sandbox.ticketNumbers('kapture')[0]!;
    for (let i = 0; i < 3; i++)
      expect(await (await ask(server, number)).json()).toEqual({ data: { ticket: { number } } });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('ticket-graph: the log destination failed (EPIPE): no more log lines are written\n');
  });

  it('exits on SIGTERM, with nothing in flight, long before the shutdown timeout while its log reader reads nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-graph-log-'));
    const fifo = join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    // Held open for reading and writing, never read: the pipe fills and stays full.
    const held = openSync(fifo, 'r+');
    try {
      // The last lines get a second at most: not the minute a shutdown may take for requests.
      const server = await startMain(sandbox, { SHUTDOWN_TIMEOUT_MS: '60000' }, held);
      started.push(server.child);
      // Far more log text than a pipe holds (64 KiB on Linux): one info line a request of a long path.
      const path = `/${'x'.repeat(300)}`;
      for (let i = 0; i < 400; i++) await (await fetch(`${server.url}${path}`)).text();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.stderr()).toBe(
        'ticket-graph: the log destination did not take the last log lines in time: they are lost\n',
      );
    } finally {
      closeSync(held);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
