import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFairLimit, WaitDropped, SlotWaitExpired, WaitAbandoned } from '../../../src/upstream/fair-limit.js';

/** A task that runs until its test ends it, recording when it started. */
function recorder() {
  const started: string[] = [];
  const running = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      running.set(name, () => resolve(name));
    });
  /** Ends the task `name` and lets the limit hand its slot on. */
  const end = async (name: string) => {
    running.get(name)!();
    running.delete(name);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { started, task, end };
}

/** The same group object for the same name, as one request's trace is for all its calls. */
const groups = new Map<string, object>();
const group = (name: string) => groups.get(name) ?? groups.set(name, { name }).get(name)!;

const settled = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

describe('createFairLimit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most `concurrency` tasks at once and starts the next when one ends', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(2);
    const { started, task, end } = recorder();
    for (const name of ['a1', 'a2', 'a3', 'a4']) void limit.run(group('a'), 1_000, task(name));
    expect(started).toEqual(['a1', 'a2']);
    expect(limit).toMatchObject({ active: 2, waiting: 2 });
    await end('a1');
    expect(started).toEqual(['a1', 'a2', 'a3']);
    expect(limit).toMatchObject({ active: 2, waiting: 1 });
  });

  it('hands freed slots to the waiting requests in turn, not in order of arrival', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { started, task, end } = recorder();
    for (let i = 1; i <= 30; i += 1) void limit.run(group('large-1'), 60_000, task(`x${i}`));
    for (let i = 1; i <= 30; i += 1) void limit.run(group('large-2'), 60_000, task(`y${i}`));
    void limit.run(group('small'), 60_000, task('small'));
    // x1 holds the slot; then one call of each waiting request, oldest request first.
    for (const name of ['x1', 'x2', 'y1']) await end(name);
    expect(started).toEqual(['x1', 'x2', 'y1', 'small']);
  });

  it('keeps calls made for no request in one group of their own', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { started, task, end } = recorder();
    void limit.run(group('large'), 60_000, task('l1'));
    void limit.run(group('large'), 60_000, task('l2'));
    void limit.run(group('large'), 60_000, task('l3'));
    void limit.run(undefined, 60_000, task('token'));
    await end('l1');
    await end('l2');
    expect(started).toEqual(['l1', 'l2', 'token']);
  });

  it('rejects a waiting call whose signal aborts with WaitAbandoned, never starts it, and serves the next', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { started, task, end } = recorder();
    const gone = new AbortController();
    void limit.run(group('a'), 60_000, task('a1'));
    const abandoned = settled(limit.run(group('b'), 60_000, task('b1'), gone.signal));
    void limit.run(group('c'), 60_000, task('c1'));
    gone.abort();
    expect(await abandoned).toBeInstanceOf(WaitAbandoned);
    expect(limit).toMatchObject({ active: 1, waiting: 1 });
    await end('a1');
    expect(started).toEqual(['a1', 'c1']);
  });

  it('rejects a call whose signal has already aborted at once, without queueing it', async () => {
    const limit = createFairLimit(1);
    const { started, task } = recorder();
    expect(await settled(limit.run(group('a'), 60_000, task('a1'), AbortSignal.abort()))).toBeInstanceOf(WaitAbandoned);
    expect(started).toEqual([]);
    expect(limit).toMatchObject({ active: 0, waiting: 0 });
  });

  it('rejects a call that waits past its timeout with SlotWaitExpired, and never starts it', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { started, task, end } = recorder();
    void limit.run(group('a'), 1_000, task('first'));
    const queued = settled(limit.run(group('b'), 100, task('queued')));
    await vi.advanceTimersByTimeAsync(100);
    expect(await queued).toBeInstanceOf(SlotWaitExpired);
    expect(limit.waiting).toBe(0);
    void limit.run(group('c'), 1_000, task('later'));
    await end('first');
    expect(started).toEqual(['first', 'later']);
  });

  it('does not time out a call once it started', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { task, end } = recorder();
    const first = settled(limit.run(group('a'), 100, task('first')));
    await vi.advanceTimersByTimeAsync(500);
    await end('first');
    expect(await first).toBe('resolved');
  });

  it('rejects every waiting call with WaitDropped on clear, lets running ones finish, and still runs later calls', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const { started, task, end } = recorder();
    const running = settled(limit.run(group('a'), 1_000, task('running')));
    const waiting = [
      settled(limit.run(group('a'), 1_000, task('a2'))),
      settled(limit.run(group('b'), 1_000, task('b1'))),
    ];
    limit.dropWaiting();
    for (const outcome of await Promise.all(waiting)) expect(outcome).toBeInstanceOf(WaitDropped);
    await end('running');
    expect(await running).toBe('resolved');
    void limit.run(group('c'), 1_000, task('after'));
    expect(started).toEqual(['running', 'after']);
  });

  it('frees the slot of a task that throws, and passes its error on', async () => {
    vi.useFakeTimers();
    const limit = createFairLimit(1);
    const failing = settled(limit.run(group('a'), 1_000, () => Promise.reject(new Error('boom'))));
    const next = settled(limit.run(group('b'), 1_000, async () => 'ok'));
    expect(await failing).toMatchObject({ message: 'boom' });
    expect(await next).toBe('resolved');
    expect(limit).toMatchObject({ active: 0, waiting: 0 });
  });
});
