import type { ChildProcess } from 'node:child_process';
import { PROVIDER_NAMES, type ProviderName } from '../../src/model.js';
import { forkTs, freePort, waitForHttp } from './processes.js';
import type { SandboxCommand, SandboxReady } from './sandbox-process.js';

export type Calls = Record<ProviderName, number>;

/** The sandbox process and its IPC commands. */
export class SandboxProcess {
  #next = 0;
  #pending = new Map<number, (calls: Calls) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly ready: SandboxReady,
  ) {
    child.on('message', (message: { id?: number; calls?: Calls }) => {
      if (message.id !== undefined && message.calls) this.#pending.get(message.id)?.(message.calls);
    });
  }

  static async start(env: Record<string, string> = {}): Promise<SandboxProcess> {
    const child = forkTs('test/bench/sandbox-process.ts', env);
    const ready = await new Promise<SandboxReady>((resolve, reject) => {
      child.once('message', (message: SandboxReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code}`)));
    });
    return new SandboxProcess(child, ready);
  }

  command(command: { type: 'calls' } | { type: 'reset' } | { type: 'latency'; ms: number }): Promise<Calls> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
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

/** The gateway as `npm start` runs it in production, pointed at the sandbox process. */
export async function startGateway(sandbox: SandboxProcess, env: Record<string, string> = {}, execArgv: readonly string[] = []): Promise<Server> {
  const port = await freePort();
  const providers = Object.fromEntries(
    PROVIDER_NAMES.flatMap((name) => [
      [`${name.toUpperCase()}_BASE_URL`, sandbox.ready.urls[name]!],
      [`${name.toUpperCase()}_API_KEY`, sandbox.ready.keys[name]!],
    ]),
  );
  const child = forkTs('src/main.ts', { ...providers, SANDBOX: 'false', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, execArgv);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForHttp(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  return { url, child };
}

export async function startFloor(sandbox: SandboxProcess): Promise<Server> {
  const port = await freePort();
  const child = forkTs('test/bench/floor-server.ts', { PORT: String(port), KAPTURE_BASE_URL: sandbox.ready.urls.kapture!, KAPTURE_API_KEY: sandbox.ready.keys.kapture! });
  const url = `http://127.0.0.1:${port}/tickets`;
  await waitForHttp(`${url}?ids=`);
  return { url, child };
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLAnswer;
}

