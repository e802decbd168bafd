/**
 * The sandbox in a process of its own for the benchmark, controlled over the IPC channel: the
 * parent asks for call counts, resets, and latency. 100 copies give each provider 126 tickets, and
 * HostUp 195 (its seed has 95).
 */
import { PROVIDER_NAMES } from '../../src/domain/model.js';
import { startSandbox } from '../../src/sandbox/index.js';

export type SandboxCommand =
  | { readonly id: number; readonly type: 'calls' }
  | { readonly id: number; readonly type: 'reset' }
  | { readonly id: number; readonly type: 'latency'; readonly ms: number }
  | { readonly id: number; readonly type: 'keep'; readonly on: boolean };

export interface SandboxReady {
  readonly type: 'ready';
  readonly urls: Record<string, string>;
  readonly keys: Record<string, string>;
  readonly numbers: Record<string, string[]>;
}

const sandbox = await startSandbox({ copies: 100, concurrencyLimits: process.env.BENCH_CONCURRENCY_LIMITS !== 'off' });
const ready: SandboxReady = {
  type: 'ready',
  urls: sandbox.urls,
  keys: sandbox.keys,
  numbers: Object.fromEntries(PROVIDER_NAMES.map((name) => [name, sandbox.ticketNumbers(name)])),
};
process.send?.(ready);

process.on('message', (command: SandboxCommand) => {
  if (command.type === 'reset') sandbox.reset();
  if (command.type === 'latency') for (const name of PROVIDER_NAMES) sandbox.setLatency(name, command.ms);
  if (command.type === 'keep') sandbox.keepRequests(command.on);
  const calls = Object.fromEntries(PROVIDER_NAMES.map((name) => [name, sandbox.calls(name)]));
  process.send?.({ id: command.id, calls });
});

process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
