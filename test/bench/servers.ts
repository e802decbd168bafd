import type { ChildProcess } from 'node:child_process';
import type { ProviderName } from '../../src/domain/model.js';
import { sandboxEnv } from '../sandbox-env.js';
import { forkTs, freePort, waitForHttp } from './processes.js';
import type { SandboxCommand, SandboxReady } from './sandbox-process.js';

export type Calls = Record<ProviderName, number>;

/** The sandbox process and its IPC commands. */
export class SandboxProcess {
  #next = 0;
  #pending = new Map<number, { resolve: (calls: Calls) => void; reject: (error: Error) => void }>();
  private constructor(
    readonly child: ChildProcess,
    readonly ready: SandboxReady,
  ) {
    child.on('message', (message: { id?: number; calls?: Calls }) => {
      if (message.id !== undefined && message.calls) this.#pending.get(message.id)?.resolve(message.calls);
      if (message.id !== undefined) this.#pending.delete(message.id);
    });
    child.once('exit', (code) => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`the sandbox process exited (${code})`));
      this.#pending.clear();
    });
  }

  static async start(env: Record<string, string> = {}): Promise<SandboxProcess> {
    // forkTs tracks the child, so a failed start never leaves it running.
    const child = forkTs('test/bench/sandbox-process.ts', env);
    const ready = await new Promise<SandboxReady>((resolve, reject) => {
      child.once('message', (message: SandboxReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code}`)));
    });
    return new SandboxProcess(child, ready);
  }

  command(
    command: { type: 'calls' } | { type: 'reset' } | { type: 'latency'; ms: number } | { type: 'keep'; on: boolean },
  ): Promise<Calls> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null) return reject(new Error('the sandbox process has exited'));
      this.#pending.set(id, { resolve, reject });
      this.child.send({ ...command, id } satisfies SandboxCommand);
    });
  }

  numbers(provider: ProviderName, count: number): string[] {
    const numbers = this.ready.numbers[provider]!.slice(0, count);
    if (numbers.length < count) throw new Error(`the sandbox has ${numbers.length} ${provider} tickets, not ${count}`);
    return numbers;
  }
}

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

/**
 * The gateway as `npm start` runs it in production, pointed at the sandbox process. BENCH_GATEWAY_ROOT
 * runs another checkout's gateway (with its own node_modules) under the same bench, to compare a
 * change before and after in one run.
 */
export async function startGateway(
  sandbox: SandboxProcess,
  env: Record<string, string> = {},
  execArgv: readonly string[] = [],
): Promise<Server> {
  const port = await freePort();
  const child = forkTs(
    'src/main.ts',
    {
      ...sandboxEnv(sandbox.ready),
      SANDBOX: 'false',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    execArgv,
    process.env.BENCH_GATEWAY_ROOT?.replace(/\/?$/, '/'),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForHttp(url, child, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  });
  return { url, child };
}

/** The floor (floor-server.ts): `GET <url>?ids=a,b,c`. */
export async function startFloor(sandbox: SandboxProcess): Promise<Server> {
  const server = await startReference(sandbox, 'test/bench/floor-server.ts', '/tickets');
  await waitForHttp(`${server.url}?ids=`, server.child);
  return server;
}

/** The yoga floor (yoga-floor-server.ts): GraphQL over POST at `<url>`. */
export async function startYogaFloor(sandbox: SandboxProcess): Promise<Server> {
  const server = await startReference(sandbox, 'test/bench/yoga-floor-server.ts', '/graphql');
  await waitForHttp(server.url, server.child, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  });
  return server;
}

async function startReference(sandbox: SandboxProcess, file: string, path: string): Promise<Server> {
  const port = await freePort();
  const child = forkTs(file, {
    PORT: String(port),
    KAPTURE_BASE_URL: sandbox.ready.urls.kapture!,
    KAPTURE_API_KEY: sandbox.ready.keys.kapture!,
  });
  return { url: `http://127.0.0.1:${port}${path}`, child };
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}
