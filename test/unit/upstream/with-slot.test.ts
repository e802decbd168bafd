import { describe, expect, it } from 'vitest';
import { withSlot } from '../../../src/upstream/with-slot.js';
import { createFairLimit, SlotWaitExpired } from '../../../src/upstream/fair-limit.js';
import type { Call } from '../../../src/upstream/layer.js';
import type { CallTrace, UpstreamRefusal, UpstreamResponse } from '../../../src/upstream/types.js';

const ANSWER: UpstreamResponse = { status: 200, headers: {}, body: undefined };

/** A next layer whose calls stay in flight until `release`, and the count of calls it got. */
function held() {
  const state = { started: 0 };
  let release: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const next: Call = async () => {
    state.started += 1;
    await done;
    return ANSWER;
  };
  return { next, state, release };
}

function slotted(next: Call, queueTimeoutMs = 30_000) {
  const limit = createFairLimit(1);
  const refusals: UpstreamRefusal[] = [];
  const observer = { attempted: () => undefined, refused: (refusal: UpstreamRefusal) => refusals.push(refusal) };
  const call = withSlot(next, limit, { provider: 'sweeppea', observer, queueTimeoutMs });
  return { call, limit, refusals };
}

const trace = (requestId: string, signal?: AbortSignal): CallTrace => ({
  requestId,
  attempted: () => undefined,
  ...(signal && { signal }),
});

describe('withSlot', () => {
  it('holds a slot while the layers inside run, and gives it to the next call after', async () => {
    const { next, state, release } = held();
    const { call, limit } = slotted(next);
    const first = call({ method: 'POST', path: '/a' });
    const second = call({ method: 'POST', path: '/b' });
    await Promise.resolve();
    expect({ started: state.started, active: limit.active, waiting: limit.waiting }).toEqual({
      started: 1,
      active: 1,
      waiting: 1,
    });
    release();
    await expect(Promise.all([first, second])).resolves.toEqual([ANSWER, ANSWER]);
    expect(state.started).toBe(2);
  });

  it('answers a retryable UPSTREAM_TIMEOUT, caused by SlotWaitExpired, for a call that got no slot in time', async () => {
    const { next, state, release } = held();
    const { call, refusals } = slotted(next, 20);
    const first = call({ method: 'POST', path: '/a', trace: trace('r1') });
    const queued = await call({ method: 'POST', path: '/b', trace: trace('r2') }).catch((error: unknown) => error);
    expect(queued).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      retryable: true,
      provider: 'sweeppea',
      message: 'sweeppea is busy: no free call slot within 20 ms',
    });
    expect((queued as Error).cause).toBeInstanceOf(SlotWaitExpired);
    expect(refusals).toEqual([{ provider: 'sweeppea', reason: 'queue_timeout', requestId: 'r2' }]);
    release();
    await first;
    expect(state.started).toBe(1);
  });

  it('drops a waiting call whose client has gone, unsent, as refused', async () => {
    const { next, state, release } = held();
    const { call, refusals } = slotted(next);
    const first = call({ method: 'POST', path: '/a' });
    const gone = new AbortController();
    const queued = call({ method: 'POST', path: '/b', trace: trace('r2', gone.signal) });
    gone.abort();
    await expect(queued).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'sweeppea: the client went away' });
    expect(refusals).toEqual([{ provider: 'sweeppea', reason: 'client_gone', requestId: 'r2' }]);
    release();
    await first;
    expect(state.started).toBe(1);
  });

  it('refuses the waiting calls at once when the limit is cleared on closing', async () => {
    const { next, release } = held();
    const { call, limit, refusals } = slotted(next);
    const first = call({ method: 'POST', path: '/a' });
    const queued = call({ method: 'POST', path: '/b', trace: trace('r2') });
    limit.dropWaiting();
    await expect(queued).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      message: 'sweeppea: the gateway is shutting down',
    });
    expect(refusals).toEqual([{ provider: 'sweeppea', reason: 'closing', requestId: 'r2' }]);
    release();
    await first;
  });

  it('passes on what the layers inside throw, untouched and not counted as refused', async () => {
    const thrown = new Error('inside');
    const { call, refusals } = slotted(() => Promise.reject(thrown));
    await expect(call({ method: 'GET', path: '/' })).rejects.toBe(thrown);
    expect(refusals).toEqual([]);
  });
});
