import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDeadline } from '../../../src/upstream/with-deadline.js';

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
