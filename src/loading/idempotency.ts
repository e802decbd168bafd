import { ValidationError } from '../domain/errors.js';

/** How long a key's first outcome is answered again (DESIGN.md: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Most keys one process remembers; the oldest go first. */
export const IDEMPOTENCY_MAX_KEYS = 100_000;

/**
 * Where the outcomes of keyed writes are kept: in process today; the issue "Many replicas, one
 * behaviour" backs it with Redis behind this same interface.
 */
export interface IdempotencyStore {
  /**
   * Runs `work` once for `key`: a later call with the same key within the TTL, or one arriving
   * while `work` runs, gets the first outcome (its result, or the error it threw) without running
   * anything. A key sent with another `fingerprint` (the same key, other input) is a
   * ValidationError on `idempotencyKey`. An outcome `keep` refuses (a failure that made no
   * change, which the same input may then be sent again to mend) is not remembered.
   */
  once<T>(key: string, fingerprint: string, work: () => Promise<T>, keep: (outcome: unknown) => boolean): Promise<T>;
}

interface Entry {
  readonly fingerprint: string;
  readonly outcome: Promise<unknown>;
  expiresAt: number;
}

/** An in-process store: a Map in insertion order, so the oldest key is the first one out. */
export function createMemoryIdempotencyStore(
  options: { readonly ttlMs?: number; readonly maxKeys?: number; readonly now?: () => number } = {},
): IdempotencyStore {
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const maxKeys = options.maxKeys ?? IDEMPOTENCY_MAX_KEYS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    once(key, fingerprint, work, keep) {
      const found = live(key);
      if (found) {
        if (found.fingerprint !== fingerprint) {
          return Promise.reject(
            new ValidationError('This idempotency key was sent before with other input; use a new key', {
              field: 'idempotencyKey',
            }),
          );
        }
        return found.outcome as ReturnType<typeof work>;
      }
      const outcome = work();
      // Until it settles, a repeat waits for it: the expiry starts when the work does.
      const entry: Entry = { fingerprint, outcome, expiresAt: now() + ttlMs };
      const forgetUnless = (kept: boolean) => {
        if (!kept && entries.get(key) === entry) entries.delete(key);
      };
      entries.set(key, entry);
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value!);
      outcome.then(
        (result) => forgetUnless(keep(result)),
        (error: unknown) => forgetUnless(keep(error)),
      );
      return outcome;
    },
  };
}
