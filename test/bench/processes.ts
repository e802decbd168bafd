import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A free loopback port, found by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const running = new Set<ChildProcess>();

/**
 * Keeps track of a child so that `stopAll` (and the bench's exit, however it comes) ends it: no
 * server is left listening after a failed check or a timeout.
 */
export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TypeScript file of the project run in its own Node process (through tsx), with an IPC channel. */
export function forkTs(
  file: string,
  env: Record<string, string> = {},
  execArgv: readonly string[] = [],
  root = ROOT,
): ChildProcess {
  return track(
    fork(`${root}${file}`, [], {
      cwd: root,
      execArgv: ['--import', 'tsx', ...execArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
}

/**
 * Waits until `url` answers an HTTP request (any status). Fails, ending the child, when the child
 * exits first or nothing answers within `timeoutMs`.
 */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  init: RequestInit = {},
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server for ${url} exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      await (await fetch(url, init)).arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop(child);
        throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** CPU time the process has used so far (user and system), in milliseconds; undefined off Linux. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** The kernel's clock ticks a second for /proc times (USER_HZ), 100 on Linux everywhere. */
const CLOCK_TICKS = 100;

/** Ends every tracked child. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stop));
}

/** The process's peak resident set (VmHWM, Linux), in MiB; undefined where /proc has none. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/** Ends a child and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
