import type { ProviderName } from '../domain/model.js';
import type { SandboxFault, SandboxOptions } from './types.js';

/** The injected latency and fault of each provider, resettable to the sandbox's options. */
export class ProviderSettings {
  #latency = new Map<ProviderName, number>();
  #faults = new Map<ProviderName, SandboxFault>();
  #holds = new Map<ProviderName, { readonly opened: Promise<void>; readonly open: () => void }>();

  constructor(private readonly initialLatency: SandboxOptions['latencyMs'] = {}) {
    this.reset();
  }

  latency(provider: ProviderName): number {
    return this.#latency.get(provider) ?? 0;
  }

  setLatency(provider: ProviderName, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a finite number ≥ 0, got ${ms}`);
    this.#latency.set(provider, ms);
  }

  /**
   * The fault a call of `provider` to `pathname` meets, counting it against the fault's `times`;
   * none when the fault is for other paths.
   */
  takeFault(provider: ProviderName, pathname: string): SandboxFault | undefined {
    const fault = this.#faults.get(provider);
    // `search`, unlike `test`, ignores a `g` flag's lastIndex: the same path matches every time.
    if (fault?.path !== undefined && pathname.search(fault.path) === -1) return undefined;
    if (fault?.times !== undefined) {
      if (fault.times <= 1) this.#faults.delete(provider);
      else this.#faults.set(provider, { ...fault, times: fault.times - 1 });
    }
    return fault;
  }

  setFault(provider: ProviderName, fault: SandboxFault | null): void {
    if (fault?.times !== undefined && !(Number.isInteger(fault.times) && fault.times >= 1)) {
      throw new RangeError(`times must be a whole number ≥ 1, got ${fault.times}`);
    }
    const httpStatus = fault !== null && 'status' in fault ? fault.httpStatus : undefined;
    if (httpStatus !== undefined && !(Number.isInteger(httpStatus) && httpStatus >= 200 && httpStatus <= 599)) {
      throw new RangeError(`httpStatus must be a whole number from 200 to 599, got ${httpStatus}`);
    }
    if (fault === null) this.#faults.delete(provider);
    else this.#faults.set(provider, { ...fault });
  }

  /**
   * Holds the provider's answers until the returned function is called: a test can then see what
   * the gateway does while a call is in flight, without a timing guess. Calls still arrive and
   * are recorded; only the answers wait.
   */
  hold(provider: ProviderName): () => void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.#holds.get(provider)?.open();
    const hold = { opened, open };
    this.#holds.set(provider, hold);
    return () => {
      open();
      if (this.#holds.get(provider) === hold) this.#holds.delete(provider);
    };
  }

  /** Resolves when the provider may answer: at once unless it is held. */
  whenOpen(provider: ProviderName): Promise<void> {
    return this.#holds.get(provider)?.opened ?? Promise.resolve();
  }

  /** Lets every held answer go. */
  releaseAll(): void {
    for (const hold of this.#holds.values()) hold.open();
    this.#holds.clear();
  }

  reset(): void {
    this.releaseAll();
    this.#faults.clear();
    this.#latency.clear();
    for (const [provider, ms] of Object.entries(this.initialLatency ?? {})) {
      if (ms !== undefined) this.setLatency(provider as ProviderName, ms);
    }
  }
}
