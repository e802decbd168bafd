import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { withSendTimeout } from '../../../src/server/http-server.js';

/** A response whose socket's idle timer the test runs out by hand. */
function response(needDrain: boolean) {
  let onIdle: (() => void) | undefined;
  const fake = {
    writableNeedDrain: needDrain,
    setTimeout: vi.fn((_ms: number, callback?: () => void) => {
      onIdle ??= callback;
      return fake;
    }),
    destroy: vi.fn(),
    idle: () => onIdle!(),
  };
  return fake;
}

describe('withSendTimeout', () => {
  it('disconnects a client that takes nothing of an answer waiting on it', () => {
    const listener = vi.fn();
    const res = response(true);
    withSendTimeout(listener, 1_000)({} as IncomingMessage, res as unknown as ServerResponse);
    expect(listener).toHaveBeenCalledOnce();
    res.idle();
    expect(res.destroy).toHaveBeenCalledOnce();
  });

  it('sets the timer again while nothing waits on the client (upstream calls, a @defer part to come)', () => {
    const res = response(false);
    withSendTimeout(vi.fn(), 1_000)({} as IncomingMessage, res as unknown as ServerResponse);
    res.idle();
    res.idle();
    expect(res.destroy).not.toHaveBeenCalled();
    expect(res.setTimeout.mock.calls.map(([ms]) => ms)).toEqual([1_000, 1_000, 1_000]);
  });
});
