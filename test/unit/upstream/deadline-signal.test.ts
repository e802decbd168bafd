import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineSignal } from '../../../src/upstream/deadline-signal.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
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
