import { errors as undiciErrors } from 'undici';
import { describe, expect, it } from 'vitest';
import { attemptOnce } from '../../../src/upstream/attempt-once.js';
import type { Send } from '../../../src/upstream/layer.js';
import type { UpstreamAttempt, UpstreamOptions, UpstreamRefusal } from '../../../src/upstream/types.js';

const ANSWER = { status: 200, headers: {}, body: { ok: true } };

/** attemptOnce over `send`, with what its observer is told. */
function tryOnce(send: Send) {
  const seen = { attempts: [] as UpstreamAttempt[], refusals: [] as UpstreamRefusal[] };
  const options: UpstreamOptions = {
    provider: 'kapture',
    baseUrl: 'https://kapture.test',
    timeoutMs: 250,
    maxConcurrency: 1,
    observer: {
      attempted: (attempt) => seen.attempts.push(attempt),
      refused: (refusal) => seen.refusals.push(refusal),
    },
  };
  return { attempt: attemptOnce(send, options), seen };
}

/** A send that never answers: it ends only when its signal aborts, with the signal's reason. */
const stalled: Send = (_request, signal) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

const failing =
  (code: string): Send =>
  () =>
    Promise.reject(Object.assign(new Error(code), { code }));

const soon = () => Date.now() + 50;

describe('attemptOnce, one try', () => {
  it('returns the answer and tells the observer and the trace of the try', async () => {
    const traced: UpstreamAttempt[] = [];
    const { attempt, seen } = tryOnce(async () => ANSWER);
    const trace = { requestId: 'r1', attempted: (done: UpstreamAttempt) => traced.push(done) };
    await expect(attempt({ method: 'POST', path: '/search', trace }, soon())).resolves.toBe(ANSWER);
    const told = {
      provider: 'kapture',
      method: 'POST',
      path: '/search',
      status: 200,
      outcome: 'answered',
      seconds: expect.any(Number),
      requestId: 'r1',
      write: false,
    };
    expect(seen.attempts).toEqual([told]);
    expect(traced).toEqual([told]);
  });

  it('ends a try at the deadline with a retryable UPSTREAM_TIMEOUT, counted as a timeout', async () => {
    const { attempt, seen } = tryOnce(stalled);
    await expect(attempt({ method: 'GET', path: '/t' }, soon())).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      retryable: true,
      message: 'kapture did not answer within 250 ms',
    });
    expect(seen.attempts.map((done) => done.outcome)).toEqual(['timeout']);
  });

  it('calls a write that timed out not retryable: the change may have been made', async () => {
    const { attempt } = tryOnce(stalled);
    await expect(attempt({ method: 'POST', path: '/t', write: true }, soon())).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      retryable: false,
      message: 'kapture did not answer within 250 ms; the change may have been made',
    });
  });

  it.each([
    ['a read whose connection was refused', 'ECONNREFUSED', false, 'kapture could not be reached', true],
    ['a write whose connection was refused', 'ECONNREFUSED', true, 'kapture could not be reached', true],
    ['a read whose connection closed under it', 'ECONNRESET', false, 'kapture could not be reached', true],
    [
      'a write whose connection closed under it',
      'ECONNRESET',
      true,
      'kapture dropped the connection during the call; the change may have been made',
      false,
    ],
  ])('makes UPSTREAM_ERROR of %s', async (_case, code, write, message, retryable) => {
    const { attempt, seen } = tryOnce(failing(code));
    const failure = await attempt({ method: 'POST', path: '/t', write }, soon()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'kapture', message, retryable });
    expect((failure as Error).cause).toMatchObject({ code });
    expect(seen.attempts.map((done) => done.outcome)).toEqual(['unreachable']);
  });

  it('calls a connect timeout UPSTREAM_TIMEOUT, retryable even for a write: nothing was sent', async () => {
    const { attempt } = tryOnce(() => Promise.reject(new undiciErrors.ConnectTimeoutError()));
    await expect(attempt({ method: 'POST', path: '/t', write: true }, soon())).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      retryable: true,
    });
  });

  it("sends nothing once the request's client has gone, and counts the call refused", async () => {
    let sent = 0;
    const { attempt, seen } = tryOnce(async () => {
      sent += 1;
      return ANSWER;
    });
    const trace = { requestId: 'r1', attempted: () => undefined, signal: AbortSignal.abort() };
    await expect(attempt({ method: 'GET', path: '/t', trace }, soon())).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: 'kapture: the client went away',
    });
    expect({ sent, attempts: seen.attempts.length }).toEqual({ sent: 0, attempts: 0 });
    expect(seen.refusals).toEqual([{ provider: 'kapture', reason: 'client_gone', requestId: 'r1' }]);
  });

  it('ends a read in flight when its client goes, counted as cancelled; lets a write finish', async () => {
    const gone = new AbortController();
    const { attempt, seen } = tryOnce(stalled);
    const trace = { requestId: 'r1', attempted: () => undefined, signal: gone.signal };
    const read = attempt({ method: 'GET', path: '/t', trace }, Date.now() + 5_000);
    const write = attempt({ method: 'POST', path: '/t', write: true, trace }, Date.now() + 100);
    gone.abort();
    await expect(read).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'kapture: the client went away' });
    await expect(write).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: false });
    expect(seen.attempts.map((done) => done.outcome)).toEqual(['cancelled', 'timeout']);
    expect(seen.refusals).toEqual([]);
  });
});
