/** Latency timers that are all dropped at close, so closing the sandbox never waits on one. */
export class DelayTimers {
  #pending = new Set<NodeJS.Timeout>();
  #closed = false;

  /** Resolves after `ms`; never resolves once closed (the socket it would answer is gone by then). */
  wait(ms: number): Promise<void> {
    if (this.#closed) return new Promise(() => undefined);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(timer);
        resolve();
      }, ms);
      this.#pending.add(timer);
    });
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#pending) clearTimeout(timer);
    this.#pending.clear();
  }
}
