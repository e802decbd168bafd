import { describe, expect, it } from 'vitest';
import { UpstreamFailedError } from '../../../src/domain/errors.js';
import { createMemoryIdempotencyStore } from '../../../src/loading/idempotency.js';

const keepAll = () => true;

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createMemoryIdempotencyStore', () => {
  it('runs the work once and answers a repeat with the first result', async () => {
    const store = createMemoryIdempotencyStore();
    let runs = 0;
    const work = async () => ++runs;
    expect(await store.once('caller', 'k', 'f', work, keepAll)).toBe(1);
    expect(await store.once('caller', 'k', 'f', work, keepAll)).toBe(1);
    expect(runs).toBe(1);
  });

  it('gives a repeat that arrives while the work runs the same outcome, without running it again', async () => {
    const store = createMemoryIdempotencyStore();
    let runs = 0;
    let finish!: (value: string) => void;
    const work = () => {
      runs += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = store.once('caller', 'k', 'f', work, keepAll);
    const second = store.once('caller', 'k', 'f', work, keepAll);
    finish('done');
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(runs).toBe(1);
  });

  it('refuses the same key with other input as a ValidationError on idempotencyKey, running nothing', async () => {
    const store = createMemoryIdempotencyStore();
    let runs = 0;
    await store.once('caller', 'k', 'f1', async () => ++runs, keepAll);
    await expect(store.once('caller', 'k', 'f2', async () => ++runs, keepAll)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
    expect(runs).toBe(1);
  });

  it('answers a kept failure again, and forgets one `keep` refuses so the same key may be sent again', async () => {
    const store = createMemoryIdempotencyStore();
    const made = new UpstreamFailedError('may have been made', { provider: 'hostup', retryable: false });
    const notMade = new UpstreamFailedError('refused', { provider: 'hostup', retryable: true });
    const keepUnlessRetryable = (outcome: unknown) => !(outcome instanceof UpstreamFailedError && outcome.retryable);
    await expect(store.once('caller', 'a', 'f', () => Promise.reject(made), keepUnlessRetryable)).rejects.toBe(made);
    await expect(store.once('caller', 'a', 'f', async () => 'second', keepUnlessRetryable)).rejects.toBe(made);
    await expect(store.once('caller', 'b', 'f', () => Promise.reject(notMade), keepUnlessRetryable)).rejects.toBe(
      notMade,
    );
    await expect(store.once('caller', 'b', 'f', async () => 'second', keepUnlessRetryable)).resolves.toBe('second');
  });

  it('forgets a key 24 hours after its work began', async () => {
    const time = clock();
    const store = createMemoryIdempotencyStore({ now: time.now });
    let runs = 0;
    await store.once('caller', 'k', 'f', async () => ++runs, keepAll);
    time.advance(24 * 60 * 60 * 1000 - 1);
    expect(await store.once('caller', 'k', 'f', async () => ++runs, keepAll)).toBe(1);
    time.advance(1);
    expect(await store.once('caller', 'k', 'other input', async () => ++runs, keepAll)).toBe(2);
  });

  it('keeps at most maxKeys, dropping the oldest first', async () => {
    const store = createMemoryIdempotencyStore({ maxKeys: 2 });
    let runs = 0;
    for (const key of ['a', 'b', 'c']) await store.once('caller', key, 'f', async () => ++runs, keepAll);
    expect(await store.once('caller', 'c', 'f', async () => ++runs, keepAll)).toBe(3);
    expect(await store.once('caller', 'b', 'f', async () => ++runs, keepAll)).toBe(2);
    expect(await store.once('caller', 'a', 'f', async () => ++runs, keepAll)).toBe(4);
  });

  it('lets one caller push out only its own oldest keys, never another caller’s', async () => {
    const store = createMemoryIdempotencyStore({ maxKeysPerCaller: 2 });
    let runs = 0;
    await store.once('victim', 'k', 'f', async () => ++runs, keepAll);
    for (const key of ['a', 'b', 'c']) await store.once('flooder', key, 'f', async () => ++runs, keepAll);
    expect(await store.once('victim', 'k', 'f', async () => ++runs, keepAll)).toBe(1);
    expect(await store.once('flooder', 'a', 'f', async () => ++runs, keepAll)).toBe(5);
    expect(await store.once('flooder', 'c', 'f', async () => ++runs, keepAll)).toBe(4);
  });

  it('keeps two callers’ same key apart', async () => {
    const store = createMemoryIdempotencyStore();
    expect(await store.once('one', 'k', 'f1', async () => 'one', keepAll)).toBe('one');
    expect(await store.once('two', 'k', 'f2', async () => 'two', keepAll)).toBe('two');
  });

  it('runs a waiting repeat’s own work when the first run’s outcome is not kept', async () => {
    const store = createMemoryIdempotencyStore();
    const gone = new Error('the first client went away');
    let fail!: (error: Error) => void;
    const first = store.once(
      'c',
      'k',
      'f',
      () => new Promise<string>((_, reject) => (fail = reject)),
      (outcome) => outcome !== gone,
    );
    const repeat = store.once(
      'c',
      'k',
      'f',
      async () => 'sent by the repeat',
      (outcome) => outcome !== gone,
    );
    fail(gone);
    await expect(first).rejects.toBe(gone);
    expect(await repeat).toBe('sent by the repeat');
  });
});
