import { describe, expect, it } from 'vitest';
import { UpstreamFailedError, UpstreamTimeoutError } from '../../../src/domain/errors.js';
import type { TimedCall } from '../../../src/upstream/layer.js';
import { withRetries } from '../../../src/upstream/with-retries.js';
import type { UpstreamRequest, UpstreamResponse } from '../../../src/upstream/types.js';

type Outcome = UpstreamResponse | Error;

/** A next layer that gives each of `outcomes` in turn (then 200), and what it was called with. */
function tries(...outcomes: Outcome[]) {
  const calls: number[] = [];
  const next: TimedCall = async (_request, endsAt) => {
    const outcome = outcomes[calls.length] ?? answer(200);
    calls.push(endsAt);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { next, calls };
}

const answer = (status: number, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  headers,
  body: undefined,
});
/** A transport failure as the try layer makes it, caused by a socket error of `code`. */
const failure = (code: string) =>
  new UpstreamFailedError('kapture could not be reached', {
    provider: 'kapture',
    cause: Object.assign(new Error(), { code }),
  });

const READ: UpstreamRequest = { method: 'POST', path: '/search', body: '{}' };
const WRITE: UpstreamRequest = { ...READ, write: true };
const later = () => Date.now() + 10_000;

describe('withRetries', () => {
  it.each([429, 502, 503, 504])('sends a read again after %i, each try within the same deadline', async (status) => {
    const { next, calls } = tries(answer(status, { 'retry-after': '0' }), answer(status, { 'retry-after': '0' }));
    const endsAt = later();
    await expect(withRetries(next, { retries: 2 })(READ, endsAt)).resolves.toMatchObject({ status: 200 });
    expect(calls).toEqual([endsAt, endsAt, endsAt]);
  });

  it('hands back the last answer after `retries` further tries', async () => {
    const { next, calls } = tries(...Array(4).fill(answer(503, { 'retry-after': '0' })));
    await expect(withRetries(next, { retries: 2 })(READ, later())).resolves.toMatchObject({ status: 503 });
    expect(calls.length).toBe(3);
  });

  it('tries nothing again by default', async () => {
    const { next, calls } = tries(answer(503, { 'retry-after': '0' }));
    await expect(withRetries(next, {})(READ, later())).resolves.toMatchObject({ status: 503 });
    expect(calls.length).toBe(1);
  });

  it.each([400, 401, 404, 500, 501])('does not send a read again after %i', async (status) => {
    const { next, calls } = tries(answer(status));
    await expect(withRetries(next, { retries: 2 })(READ, later())).resolves.toMatchObject({ status });
    expect(calls.length).toBe(1);
  });

  it('never sends a write again for its answer', async () => {
    const { next, calls } = tries(answer(503, { 'retry-after': '0' }));
    await expect(withRetries(next, { retries: 2 })(WRITE, later())).resolves.toMatchObject({ status: 503 });
    expect(calls.length).toBe(1);
  });

  it.each([
    ['a read whose connection was refused', 2, READ, 'ECONNREFUSED'],
    ['a write whose connection was refused', 2, WRITE, 'ECONNREFUSED'],
    ['a read whose connection closed under it', 2, READ, 'ECONNRESET'],
    ['a write whose connection closed under it', 1, WRITE, 'ECONNRESET'],
    ['a read that failed otherwise', 1, READ, 'ERR_SOMETHING'],
  ])('after %s, tries %i time(s) in all', async (_case, tried, request, code) => {
    const { next, calls } = tries(failure(code));
    const call = withRetries(next, { retries: 2 })(request, later());
    if (tried === 2) await expect(call).resolves.toMatchObject({ status: 200 });
    else await expect(call).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(calls.length).toBe(tried);
  });

  it('does not try again after a timeout: it has spent the deadline', async () => {
    const timeout = new UpstreamTimeoutError('kapture did not answer within 100 ms', { provider: 'kapture' });
    const { next, calls } = tries(timeout);
    await expect(withRetries(next, { retries: 2 })(READ, later())).rejects.toBe(timeout);
    expect(calls.length).toBe(1);
  });

  it('hands the answer back at once when its Retry-After is past the 5 s cap', async () => {
    const { next, calls } = tries(answer(429, { 'retry-after': '6' }));
    await expect(withRetries(next, { retries: 2 })(READ, Date.now() + 60_000)).resolves.toMatchObject({
      status: 429,
    });
    expect(calls.length).toBe(1);
  });

  it('hands the answer back at once when the wait would pass the deadline', async () => {
    const { next, calls } = tries(answer(503, { 'retry-after': '2' }));
    const started = Date.now();
    await expect(withRetries(next, { retries: 2 })(READ, started + 1_000)).resolves.toMatchObject({ status: 503 });
    expect(calls.length).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('throws a failure at once when the backoff would pass the deadline', async () => {
    const refused = failure('ECONNREFUSED');
    const { next, calls } = tries(refused);
    await expect(withRetries(next, { retries: 2 })(READ, Date.now() + 10)).rejects.toBe(refused);
    expect(calls.length).toBe(1);
  });

  it('reads the wait where the request says the provider puts it', async () => {
    const { next, calls } = tries(answer(429, { 'retry-after': '60' }));
    const request = { ...READ, retryAfterOf: () => 0 };
    await expect(withRetries(next, { retries: 1 })(request, later())).resolves.toMatchObject({ status: 200 });
    expect(calls.length).toBe(2);
  });
});
