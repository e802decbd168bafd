import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../src/sandbox/index.js';
import { sandboxEnv } from '../sandbox-env.js';
import { closedPort } from './harness.js';

/** The project's root, where `npm start` runs `src/main.ts`. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface MainProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** `http://127.0.0.1:<port>`, without a path. */
  readonly url: string;
  readonly exited: Promise<number | null>;
}

/**
 * `src/main.ts` in a process of its own, as `npm start` runs it, on a free loopback port with every
 * provider at `sandbox` (LOG_LEVEL warn unless `env` says otherwise). Not yet ready when it returns.
 */
export async function spawnMain(
  sandbox: Sandbox,
  env: Record<string, string>,
  stdio: StdioOptions,
): Promise<MainProcess> {
  const port = await closedPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...sandboxEnv(sandbox),
      SANDBOX: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio,
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, port, url: `http://127.0.0.1:${port}`, exited };
}
