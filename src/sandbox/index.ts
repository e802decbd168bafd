import { PROVIDER_NAMES, type ProviderName } from '../domain/model.js';
import { DelayTimers } from './delay-timers.js';
import { createHostupSimulator } from './hostup/server.js';
import { createKaptureSimulator } from './kapture/server.js';
import { createKeliwebSimulator } from './keliweb/server.js';
import { SANDBOX_KEYS, SANDBOX_OTHER_KEYS } from './keys.js';
import { startProviderServer, type ProviderServer } from './provider-server.js';
import { ProviderSettings } from './provider-settings.js';
import { RequestRecorder } from './request-recorder.js';
import type { Simulator, SimulatorOptions } from './simulator.js';
import { createSweeppeaSimulator } from './sweeppea/server.js';
import type { Sandbox, SandboxOptions } from './types.js';

export type { ProviderName } from '../domain/model.js';
export { SANDBOX_KEYS, SANDBOX_OTHER_KEYS } from './keys.js';
export { SANDBOX_KELIWEB_LOGINS } from './keliweb/passport.js';
export type {
  RecordedRequest,
  Sandbox,
  SandboxFault,
  SandboxOptions,
  StatusFault,
  TenantOwner,
  TransportFault,
} from './types.js';

const SIMULATORS: Record<ProviderName, (options: SimulatorOptions) => Simulator> = {
  sweeppea: createSweeppeaSimulator,
  hostup: createHostupSimulator,
  keliweb: createKeliwebSimulator,
  kapture: createKaptureSimulator,
};

/** Starts the four upstream simulators on loopback, each on its own port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const recorder = new RequestRecorder();
  const settings = new ProviderSettings(options.latencyMs);
  const timers = new DelayTimers();
  const deps = { host: options.host ?? '127.0.0.1', recorder, settings, timers };
  const simulators = PROVIDER_NAMES.map((name) =>
    SIMULATORS[name]({ copies: options.copies ?? 0, concurrencyLimits: options.concurrencyLimits ?? true }),
  );
  const servers: ProviderServer[] = [];
  try {
    for (const simulator of simulators) servers.push(await startProviderServer(simulator, deps));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const simulatorOf = (provider: ProviderName): Simulator => simulators[PROVIDER_NAMES.indexOf(provider)]!;
  const urls = Object.fromEntries(PROVIDER_NAMES.map((name, index) => [name, servers[index]!.url])) as Record<
    ProviderName,
    string
  >;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      timers.close();
      settings.releaseAll();
      await Promise.all(servers.map((server) => server.close()));
    })();
    return closed;
  };

  return {
    urls,
    keys: { ...SANDBOX_KEYS },
    otherKeys: { ...SANDBOX_OTHER_KEYS },
    requests: recorder.entries,
    calls: (provider) => recorder.count(provider),
    keepRequests: (on) => {
      recorder.keeping = on;
    },
    ticketNumbers: (provider, owner = 'primary') => simulatorOf(provider).ticketNumbers(owner),
    setLatency: (provider, ms) => settings.setLatency(provider, ms),
    hold: (provider) => settings.hold(provider),
    setFault: (provider, fault) => settings.setFault(provider, fault),
    expireAccessTokens: (provider) => simulatorOf(provider).expireAccessTokens?.(),
    reset() {
      recorder.clear();
      settings.reset();
      for (const simulator of simulators) simulator.reset();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
