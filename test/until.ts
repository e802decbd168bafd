/**
 * Polls `check` until it holds, a failed check counting as not yet; throws `what` once
 * `timeoutMs` has passed. For waits on another process, which no event announces.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'timed out waiting',
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
