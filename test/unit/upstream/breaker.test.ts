import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type Admission } from '../../../src/upstream/breaker.js';

function breaker(failureThreshold = 3, coolDownMs = 1_000) {
  const clock = { now: 0 };
  return { clock, circuit: new CircuitBreaker({ failureThreshold, coolDownMs, now: () => clock.now }) };
}

/** Admits a call, failing the test if the circuit refuses it. */
function admitted(circuit: CircuitBreaker): Admission {
  const admission = circuit.admit();
  if (!('done' in admission)) throw new Error(`refused for ${admission.refusedForMs} ms`);
  return admission;
}

describe('CircuitBreaker', () => {
  it('opens after failureThreshold unhealthy calls in a row and refuses calls for the cool-down', () => {
    const { clock, circuit } = breaker(3, 1_000);
    for (let call = 0; call < 3; call += 1) admitted(circuit).done('unhealthy');
    expect(circuit.snapshot()).toEqual({ state: 'OPEN', consecutiveFailures: 3, openUntil: 1_000 });
    clock.now = 400;
    expect(circuit.admit()).toEqual({ refusedForMs: 600 });
  });

  it('counts only failures in a row: a healthy call starts the count again', () => {
    const { circuit } = breaker(3);
    admitted(circuit).done('unhealthy');
    admitted(circuit).done('unhealthy');
    admitted(circuit).done('healthy');
    admitted(circuit).done('unhealthy');
    expect(circuit.snapshot()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 1 });
  });

  it('does not count a call that showed neither health nor failure (a 4xx, a wait for a slot)', () => {
    const { circuit } = breaker(2);
    admitted(circuit).done('unhealthy');
    for (let call = 0; call < 10; call += 1) admitted(circuit).done('neither');
    expect(circuit.snapshot()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 1 });
  });

  it('lets one trial call through after the cool-down; healthy, it closes the circuit', () => {
    const { clock, circuit } = breaker(1, 1_000);
    admitted(circuit).done('unhealthy');
    clock.now = 1_000;
    expect(circuit.snapshot().state).toBe('HALF_OPEN');
    const trial = admitted(circuit);
    expect(circuit.admit()).toEqual({ refusedForMs: 1_000 });
    trial.done('healthy');
    expect(circuit.snapshot()).toEqual({ state: 'CLOSED', consecutiveFailures: 0, openUntil: undefined });
    admitted(circuit).done('healthy');
  });

  it('opens again for a whole cool-down when the trial call fails', () => {
    const { clock, circuit } = breaker(1, 1_000);
    admitted(circuit).done('unhealthy');
    clock.now = 1_500;
    admitted(circuit).done('unhealthy');
    expect(circuit.snapshot()).toMatchObject({ state: 'OPEN', openUntil: 2_500 });
  });

  it('hands the trial to the next call when the trial showed neither', () => {
    const { clock, circuit } = breaker(1, 1_000);
    admitted(circuit).done('unhealthy');
    clock.now = 1_000;
    admitted(circuit).done('neither');
    expect(circuit.snapshot().state).toBe('HALF_OPEN');
    admitted(circuit).done('healthy');
    expect(circuit.snapshot().state).toBe('CLOSED');
  });

  it("takes each admission's outcome once", () => {
    const { circuit } = breaker(2);
    const admission = admitted(circuit);
    admission.done('unhealthy');
    admission.done('unhealthy');
    expect(circuit.snapshot().consecutiveFailures).toBe(1);
  });
});
