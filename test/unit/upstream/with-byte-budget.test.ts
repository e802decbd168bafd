import { describe, expect, it } from 'vitest';
import { createByteBudget } from '../../../src/upstream/byte-budget.js';
import type { UpstreamRefusal } from '../../../src/upstream/types.js';
import { withByteBudget } from '../../../src/upstream/with-byte-budget.js';

function budgeted() {
  const state = { sent: 0, refusals: [] as UpstreamRefusal[] };
  const observer = { attempted: () => undefined, refused: (refusal: UpstreamRefusal) => state.refusals.push(refusal) };
  const call = withByteBudget(
    async () => {
      state.sent += 1;
      return { status: 200, headers: {}, body: undefined };
    },
    { provider: 'kapture', observer },
  );
  return { call, state };
}

describe('withByteBudget', () => {
  it('passes on a call whose request has budget left, or has no budget', async () => {
    const { call, state } = budgeted();
    const trace = { requestId: 'r1', attempted: () => undefined, bytes: createByteBudget(10) };
    await expect(call({ method: 'GET', path: '/', trace })).resolves.toMatchObject({ status: 200 });
    await expect(call({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 200 });
    expect(state).toEqual({ sent: 2, refusals: [] });
  });

  it('refuses, unsent and not retryable, a call whose request has spent its budget', async () => {
    const { call, state } = budgeted();
    const bytes = createByteBudget(10);
    bytes.take(11);
    const trace = { requestId: 'r1', attempted: () => undefined, bytes };
    await expect(call({ method: 'GET', path: '/', trace })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      provider: 'kapture',
      message:
        'kapture not read: this request has read its 10 bytes of upstream answers ' +
        '(UPSTREAM_MAX_BYTES_PER_REQUEST); ask for fewer tickets at once',
    });
    expect(state).toEqual({ sent: 0, refusals: [{ provider: 'kapture', reason: 'budget_spent', requestId: 'r1' }] });
  });
});
