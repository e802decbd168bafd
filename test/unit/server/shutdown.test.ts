import { describe, expect, it } from 'vitest';
import { stopSignals } from '../../../src/server/shutdown.js';

describe('stopSignals', () => {
  it('takes the same signal again within the window as an echo of the first', () => {
    const received = stopSignals(1_000);
    expect(received('SIGTERM', 5_000)).toBe('first');
    expect(received('SIGTERM', 5_003)).toBe('echo');
    expect(received('SIGTERM', 5_999)).toBe('echo');
  });

  it('takes the same signal once the window has passed as a second request to stop', () => {
    const received = stopSignals(1_000);
    expect(received('SIGTERM', 5_000)).toBe('first');
    expect(received('SIGTERM', 6_000)).toBe('again');
  });

  it('takes another signal as a second request to stop, however soon', () => {
    const received = stopSignals(1_000);
    expect(received('SIGTERM', 5_000)).toBe('first');
    expect(received('SIGINT', 5_001)).toBe('again');
  });

  it('measures the window from the first signal, not from its echoes', () => {
    const received = stopSignals(1_000);
    expect(received('SIGINT', 0)).toBe('first');
    expect(received('SIGINT', 600)).toBe('echo');
    expect(received('SIGINT', 1_200)).toBe('again');
  });
});
