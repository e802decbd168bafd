/** A signal for one try, and `clear` to drop its timer and listener once the try is over. */
export interface DeadlineSignal {
  readonly signal: AbortSignal;
  clear(): void;
}

/**
 * A signal that aborts at `endsAt` (epoch ms; at least a millisecond from now), or when `also`
 * aborts. Not AbortSignal.timeout: that is slow to make on Node 20 and keeps its timer for the
 * whole span, so a busy gateway piled its timers up (README, Performance).
 */
export function deadlineSignal(endsAt: number, also?: AbortSignal): DeadlineSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out', 'TimeoutError')),
    Math.max(1, endsAt - Date.now()),
  ).unref();
  const abort = () => controller.abort(also?.reason);
  also?.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      also?.removeEventListener('abort', abort);
    },
  };
}
