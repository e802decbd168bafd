import type { CircuitSnapshot, CircuitState } from '../domain/model.js';

/** What a call taught the breaker of the upstream's health. */
export type CallHealth = 'healthy' | 'unhealthy' | 'neither';

export interface BreakerOptions {
  /** Unhealthy calls in a row that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  readonly coolDownMs: number;
  readonly now?: () => number;
}

/** Permission to make one call; `done` must be called with what the call showed, exactly once. */
export interface Admission {
  done(health: CallHealth): void;
}

/**
 * A circuit breaker for one provider, shared by every request of the process. Closed, calls
 * flow; `failureThreshold` unhealthy calls in a row open it, and for `coolDownMs` every call is
 * refused at once (`admit` answers how long is left). Then one trial call is let through
 * (half-open): healthy closes the circuit, unhealthy opens it again, and a call that showed
 * neither (the caller's own 4xx, a wait for a slot) hands the trial to the next call.
 */
export class CircuitBreaker {
  #state: CircuitState = 'CLOSED';
  #failures = 0;
  #openUntil = 0;
  #trialInFlight = false;
  readonly #now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** An admission for one call, or the milliseconds until the circuit lets a call through. */
  admit(): Admission | { refusedForMs: number } {
    if (this.#state === 'OPEN') {
      const left = this.#openUntil - this.#now();
      if (left > 0) return { refusedForMs: left };
      this.#state = 'HALF_OPEN';
    }
    if (this.#state === 'HALF_OPEN') {
      if (this.#trialInFlight) return { refusedForMs: this.options.coolDownMs };
      this.#trialInFlight = true;
      return this.#admission(true);
    }
    return this.#admission(false);
  }

  snapshot(): CircuitSnapshot {
    const open = this.#state === 'OPEN' && this.#openUntil > this.#now();
    return {
      state: this.#state === 'OPEN' && !open ? 'HALF_OPEN' : this.#state,
      consecutiveFailures: this.#failures,
      openUntil: open ? this.#openUntil : undefined,
    };
  }

  #admission(trial: boolean): Admission {
    let settled = false;
    return {
      done: (health) => {
        if (settled) return;
        settled = true;
        if (trial) this.#trialInFlight = false;
        this.#record(health, trial);
      },
    };
  }

  #record(health: CallHealth, trial: boolean): void {
    if (health === 'healthy') {
      this.#failures = 0;
      this.#state = 'CLOSED';
    } else if (health === 'unhealthy') {
      this.#failures += 1;
      if (trial || this.#failures >= this.options.failureThreshold) {
        this.#state = 'OPEN';
        this.#openUntil = this.#now() + this.options.coolDownMs;
      }
    }
  }
}

/** The snapshot of a circuit that never opens (a disabled provider, a test's stub). */
export const CLOSED_CIRCUIT: CircuitSnapshot = Object.freeze({
  state: 'CLOSED',
  consecutiveFailures: 0,
  openUntil: undefined,
});
