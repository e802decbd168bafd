import { ValidationError } from '../domain/errors.js';

/** How long a key's first outcome is answered again (DESIGN.md: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Most keys one process remembers; the oldest go first. */
export const IDEMPOTENCY_MAX_KEYS = 100_000;
/** Most keys one caller may hold; past it the caller's own oldest go first, never another's. */
export const IDEMPOTENCY_MAX_KEYS_PER_CALLER = 1_000;

/**
 * Where the outcomes of keyed writes are kept: in process today; the issue "Many replicas, one
 * behaviour" backs it with Redis behind this same interface.
 */
export interface IdempotencyStore {
  /**
   * Runs `work` once for `key`: a later call with the same key within the TTL, or one arriving
   * while `work` runs, gets the first outcome (its result, or the error it threw) without running
   * anything. A key sent with another `fingerprint` (the same key, other input) is a
   * ValidationError on `idempotencyKey`. An outcome `keep` refuses (one that changed nothing,
   * which the same input may then be sent again to mend) is not remembered, and a repeat that
   * was waiting for it runs its own `work` instead. Keys are `caller`'s own: one caller's keys
   * never push out another's.
   */
  once<T>(
    caller: string,
    key: string,
    fingerprint: string,
    work: () => Promise<T>,
    keep: (outcome: unknown) => boolean,
  ): Promise<T>;
}

interface Entry {
  readonly caller: string;
  readonly fingerprint: string;
  readonly outcome: Promise<unknown>;
  expiresAt: number;
}

/** An in-process store: a Map in insertion order, so the oldest key is the first one out. */
export function createMemoryIdempotencyStore(
  options: {
    readonly ttlMs?: number;
    readonly maxKeys?: number;
    readonly maxKeysPerCaller?: number;
    readonly now?: () => number;
  } = {},
): IdempotencyStore {
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const maxKeys = options.maxKeys ?? IDEMPOTENCY_MAX_KEYS;
  const maxPerCaller = options.maxKeysPerCaller ?? IDEMPOTENCY_MAX_KEYS_PER_CALLER;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  /** Each caller's keys, oldest first. */
  const byCaller = new Map<string, Set<string>>();

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const keys = byCaller.get(entry.caller);
    keys?.delete(key);
    if (keys?.size === 0) byCaller.delete(entry.caller);
  }

  function add(key: string, entry: Entry): void {
    entries.set(key, entry);
    const keys = byCaller.get(entry.caller) ?? new Set<string>();
    byCaller.set(entry.caller, keys.add(key));
    while (keys.size > maxPerCaller) remove(keys.values().next().value!);
    while (entries.size > maxKeys) remove(entries.keys().next().value!);
  }

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return entry;
  }

  const store: IdempotencyStore = {
    once(caller, ownKey, fingerprint, work, keep) {
      // The map's key holds the caller, so two callers' keys never meet.
      const key = JSON.stringify([caller, ownKey]);
      const found = live(key);
      if (found) {
        if (found.fingerprint !== fingerprint) {
          return Promise.reject(
            new ValidationError('This idempotency key was sent before with other input; use a new key', {
              field: 'idempotencyKey',
            }),
          );
        }
        // What the first run changed nothing with is not this repeat's answer: it runs its own.
        const again = () => store.once(caller, ownKey, fingerprint, work, keep);
        // The first run's own `keep` decides, and runs first: it was registered before this.
        const stands = () => entries.get(key) === found;
        return (found.outcome as ReturnType<typeof work>).then(
          (result) => (stands() ? result : again()),
          (error: unknown) => (stands() ? Promise.reject(error) : again()),
        );
      }
      const outcome = work();
      // Until it settles, a repeat waits for it: the expiry starts when the work does.
      const entry: Entry = { caller, fingerprint, outcome, expiresAt: now() + ttlMs };
      const forgetUnless = (kept: boolean) => {
        if (!kept && entries.get(key) === entry) remove(key);
      };
      add(key, entry);
      outcome.then(
        (result) => forgetUnless(keep(result)),
        (error: unknown) => forgetUnless(keep(error)),
      );
      return outcome;
    },
  };
  return store;
}
