import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineSignal, withDeadline } from '../../../src/upstream/deadline.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline', () => {
  it('gives the layers inside a deadline of timeoutMs from when the call reaches it', async () => {
    const ends: number[] = [];
    const call = withDeadline(async (_request, endsAt) => {
      ends.push(endsAt);
      return { status: 200, headers: {}, body: undefined };
    }, 1_500);
    await call({ method: 'GET', path: '/' });
    vi.advanceTimersByTime(400);
    await call({ method: 'GET', path: '/' });
    expect(ends).toEqual([NOW + 1_500, NOW + 1_900]);
  });
});

describe('deadlineSignal', () => {
  it('aborts with a TimeoutError at the deadline, not before', () => {
    const { signal } = deadlineSignal(NOW + 300);
    vi.advanceTimersByTime(299);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('aborts at once, within a millisecond, for a deadline already past', () => {
    const { signal } = deadlineSignal(NOW - 5_000);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
  });

  it('aborts with the reason of the signal it also follows', () => {
    const gone = new AbortController();
    const { signal } = deadlineSignal(NOW + 300, gone.signal);
    gone.abort('client gone');
    expect(signal.reason).toBe('client gone');
  });

  it('once cleared, neither the deadline nor the other signal aborts it', () => {
    const gone = new AbortController();
    const { signal, clear } = deadlineSignal(NOW + 300, gone.signal);
    clear();
    gone.abort();
    vi.advanceTimersByTime(1_000);
    expect(signal.aborted).toBe(false);
  });
});
