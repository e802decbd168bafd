import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createByteBudget } from '../../../src/upstream/byte-budget.js';
import { sendThrough } from '../../../src/upstream/send-through.js';
import type { UpstreamOptions } from '../../../src/upstream/types.js';

const ORIGIN = 'https://upstream.test';
const OPTIONS: UpstreamOptions = {
  provider: 'hostup',
  baseUrl: `${ORIGIN}/api/`,
  timeoutMs: 1_000,
  maxConcurrency: 1,
  maxBodyBytes: 64,
};

let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

const send = () => sendThrough(agent.get(ORIGIN), OPTIONS);
const open = () => new AbortController().signal;

describe('sendThrough, the raw send', () => {
  it('sends under the base URL prefix, asking for JSON, and returns status, headers and the parsed body', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/tickets/7', method: 'POST', headers: { accept: 'application/json', 'x-api-key': 'k' } })
      .reply(404, '{"error":"Not Found"}', { headers: { 'x-request-id': 'r1' } });
    const answer = await send()(
      { method: 'POST', path: '/tickets/7', headers: { 'x-api-key': 'k' }, body: '{"id":7}' },
      open(),
    );
    expect(answer).toEqual({ status: 404, headers: { 'x-request-id': 'r1' }, body: { error: 'Not Found' } });
  });

  it('refuses an answer whose stated length is past the cap before reading it, as UPSTREAM_INVALID_RESPONSE', async () => {
    const body = `"${'x'.repeat(100)}"`;
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/big', method: 'GET' })
      .reply(200, body, { headers: { 'content-length': '102' } });
    const bytes = createByteBudget(1_000);
    const trace = { requestId: 'r1', attempted: () => undefined, bytes };
    await expect(send()({ method: 'GET', path: '/big', trace }, open())).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'hostup',
      message: 'hostup answered with a body over 64 bytes',
    });
    // Refused on its stated length: none of it was taken from the request's budget.
    expect(bytes.take(1_000)).toBe(true);
  });

  it("takes the answer's stated length from its request's byte budget, and refuses it when the budget is short", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/t', method: 'GET' })
      .reply(200, '{"a":1}', { headers: { 'content-length': '7' } })
      .times(2);
    const bytes = createByteBudget(10);
    const trace = { requestId: 'r1', attempted: () => undefined, bytes };
    await expect(send()({ method: 'GET', path: '/t', trace }, open())).resolves.toMatchObject({ body: { a: 1 } });
    await expect(send()({ method: 'GET', path: '/t', trace }, open())).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
    });
    expect(bytes.spent).toBe(true);
  });

  it('sends nothing when its signal has aborted already', async () => {
    const signal = AbortSignal.abort(new Error('gone'));
    await expect(send()({ method: 'GET', path: '/t' }, signal)).rejects.toThrow('gone');
  });
});
