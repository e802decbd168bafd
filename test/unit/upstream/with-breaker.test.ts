import { describe, expect, it } from 'vitest';
import { UpstreamFailedError, UpstreamInvalidResponseError, UpstreamTimeoutError } from '../../../src/domain/errors.js';
import { CircuitBreaker } from '../../../src/upstream/breaker.js';
import { RequestBudgetSpentError } from '../../../src/upstream/byte-budget.js';
import { withBreaker } from '../../../src/upstream/with-breaker.js';
import { AnswerTooLargeError, ClientGoneError } from '../../../src/upstream/errors.js';
import { SlotWaitExpired } from '../../../src/upstream/fair-limit.js';
import type { UpstreamRefusal, UpstreamResponse } from '../../../src/upstream/types.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

/** withBreaker over a circuit that opens after two unhealthy calls for 10 s, and a next layer giving `outcome`. */
function guarded() {
  const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 10_000, now: () => NOW });
  const refusals: UpstreamRefusal[] = [];
  const state: { outcome: UpstreamResponse | Error; sent: number } = {
    outcome: { status: 200, headers: {}, body: undefined },
    sent: 0,
  };
  const observer = { attempted: () => undefined, refused: (refusal: UpstreamRefusal) => refusals.push(refusal) };
  const call = withBreaker(
    async () => {
      state.sent += 1;
      if (state.outcome instanceof Error) throw state.outcome;
      return state.outcome;
    },
    breaker,
    { provider: 'hostup', observer },
  );
  const twice = async () => {
    for (let made = 0; made < 2; made += 1) await call({ method: 'GET', path: '/' }).catch(() => undefined);
  };
  return { call, breaker, refusals, state, twice };
}

const answer = (status: number): UpstreamResponse => ({ status, headers: {}, body: undefined });

describe('withBreaker', () => {
  it('opens on unhealthy answers, then refuses calls unsent with a retryAfter, counted as refused', async () => {
    const { call, breaker, refusals, state, twice } = guarded();
    state.outcome = answer(500);
    await twice();
    expect(breaker.snapshot()).toMatchObject({ state: 'OPEN', consecutiveFailures: 2 });
    await expect(
      call({ method: 'GET', path: '/', trace: { requestId: 'r3', attempted: () => undefined } }),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      retryAfter: 10,
      message: 'hostup is failing; the gateway is not calling it for 10 s',
    });
    expect(state.sent).toBe(2);
    expect(refusals).toEqual([{ provider: 'hostup', reason: 'circuit_open', requestId: 'r3' }]);
  });

  it.each([
    ['a 4xx answer', answer(404)],
    ['a 2xx answer', answer(200)],
  ])('counts %s healthy: the unhealthy calls in a row start again', async (_case, outcome) => {
    const { call, breaker, state } = guarded();
    state.outcome = new UpstreamFailedError('hostup could not be reached');
    await call({ method: 'GET', path: '/' }).catch(() => undefined);
    state.outcome = outcome;
    await call({ method: 'GET', path: '/' });
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
  });

  it.each([
    ['no answer in time', new UpstreamTimeoutError('hostup did not answer within 100 ms')],
    ['no connection', new UpstreamFailedError('hostup could not be reached')],
    [
      'a success that is not JSON',
      new UpstreamInvalidResponseError('hostup answered HTTP 200 with a body that is not JSON'),
    ],
  ])('counts %s unhealthy', async (_case, error) => {
    const { breaker, state, twice } = guarded();
    state.outcome = error;
    await twice();
    expect(breaker.snapshot()).toMatchObject({ state: 'OPEN', consecutiveFailures: 2 });
  });

  it.each([
    [
      'a wait for our own slot',
      new UpstreamTimeoutError('hostup is busy: no free call slot within 100 ms', { cause: new SlotWaitExpired() }),
    ],
    ["a request's byte budget spent", new RequestBudgetSpentError('hostup', 1024)],
    ['a client gone', new ClientGoneError('hostup')],
    ['an answer refused for its size', new AnswerTooLargeError('hostup answered with a body over 1024 bytes')],
  ])('counts %s neither healthy nor unhealthy', async (_case, error) => {
    const { call, breaker, state, twice } = guarded();
    state.outcome = new UpstreamFailedError('hostup could not be reached');
    await call({ method: 'GET', path: '/' }).catch(() => undefined);
    state.outcome = error;
    await twice();
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 1 });
    expect(state.sent).toBe(3);
  });
});
