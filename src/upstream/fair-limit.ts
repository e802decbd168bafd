/** A call that waited for a slot longer than it may; it was never started. */
export class SlotWaitExpired extends Error {
  override readonly name = 'SlotWaitExpired';
}

/** A call still waiting when the waiting calls were dropped (its client closing); it was never started. */
export class WaitDropped extends Error {
  override readonly name = 'WaitDropped';
}

/** A call whose `signal` aborted while it waited (its client went away); it was never started. */
export class WaitAbandoned extends Error {
  override readonly name = 'WaitAbandoned';
}

/** Whom a waiting call belongs to: a gateway request (its trace), or `undefined` for calls made for none. */
export type WaitGroup = object | undefined;

interface Waiter {
  start(): void;
  fail(error: Error): void;
}

/**
 * At most `concurrency` tasks running at once, shared fairly between the groups waiting.
 *
 * The waiting calls are queued by group (the gateway request they are made for), and a freed
 * slot goes to the groups in turn, one call each, oldest group first. A request that queued a
 * hundred calls therefore delays another request's call by at most one call of each other
 * group waiting, where one first-in-first-out queue made it wait behind all hundred. Calls
 * made for no request (an OAuth token renewal) share one group of their own.
 */
export interface FairLimit {
  /**
   * Runs `task` once a slot is free and it is `group`'s turn. Rejects with SlotWaitExpired when
   * `timeoutMs` passes first, WaitDropped when `dropWaiting` comes first (its client closing), or
   * WaitAbandoned when `signal` aborts first: each way `task` never starts. A started task holds its slot until its
   * promise settles.
   */
  run<T>(group: WaitGroup, timeoutMs: number, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Rejects every waiting call with WaitDropped; tasks running go on. Later calls still run. */
  dropWaiting(): void;
  /** Tasks running now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

/** The key of the group of calls made for no request. */
const NO_REQUEST = Symbol('no request');

export function createFairLimit(concurrency: number): FairLimit {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  }
  // A Map keeps insertion order: its first group is the one whose turn it is.
  const groups = new Map<object | symbol, Waiter[]>();
  let active = 0;
  let waiting = 0;

  function next(): void {
    while (active < concurrency) {
      const first = groups.entries().next();
      if (first.done) return;
      const [key, queue] = first.value;
      const waiter = queue.shift()!;
      groups.delete(key);
      // Back of the line for its next call.
      if (queue.length > 0) groups.set(key, queue);
      waiting -= 1;
      waiter.start();
    }
  }

  function remove(key: object | symbol, waiter: Waiter): boolean {
    const queue = groups.get(key);
    const at = queue?.indexOf(waiter) ?? -1;
    if (at === -1) return false;
    queue!.splice(at, 1);
    if (queue!.length === 0) groups.delete(key);
    waiting -= 1;
    return true;
  }

  return {
    run<T>(group: WaitGroup, timeoutMs: number, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(new WaitAbandoned());
        const key = group ?? NO_REQUEST;
        const timer = setTimeout(() => {
          if (remove(key, waiter)) reject(new SlotWaitExpired());
        }, timeoutMs).unref();
        const abandon = () => {
          clearTimeout(timer);
          if (remove(key, waiter)) reject(new WaitAbandoned());
        };
        signal?.addEventListener('abort', abandon, { once: true });
        const waiter: Waiter = {
          start() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', abandon);
            active += 1;
            (async () => task())()
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                next();
              });
          },
          fail(error) {
            clearTimeout(timer);
            signal?.removeEventListener('abort', abandon);
            reject(error);
          },
        };
        const queue = groups.get(key);
        if (queue) queue.push(waiter);
        else groups.set(key, [waiter]);
        waiting += 1;
        next();
      });
    },
    dropWaiting() {
      const dropped = [...groups.values()].flat();
      groups.clear();
      waiting = 0;
      for (const waiter of dropped) waiter.fail(new WaitDropped());
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
  };
}
