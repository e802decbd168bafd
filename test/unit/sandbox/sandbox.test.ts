import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/model.js';
import { SANDBOX_KEYS, SANDBOX_OTHER_KEYS, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, postJson, type HttpAnswer } from './http-calls.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** One ticket read the way each provider documents it, with the primary tenant's key. */
function readTicket(provider: ProviderName, number: string): Promise<HttpAnswer> {
  const { urls, keys } = sandbox;
  switch (provider) {
    case 'sweeppea':
      return postJson(
        `${urls.sweeppea}/tickets/fetchSingleTicket`,
        { caseNumber: number },
        { authorization: `Bearer ${keys.sweeppea}` },
      );
    case 'hostup':
      return call(`${urls.hostup}/api/support/tickets/${number}`, { headers: { 'x-api-key': keys.hostup } });
    case 'keliweb':
      return call(`${urls.keliweb}/api/v2/keliweb/get-ticket`, {
        method: 'POST',
        body: new URLSearchParams({ ticketnum: number }),
        headers: { authorization: `Bearer ${keys.keliweb}` },
      });
    case 'kapture':
      return postJson(
        `${urls.kapture}/search-ticket-by-ticket-id.html/v.2.0`,
        { ticket_ids: number },
        { authorization: `Basic ${keys.kapture}` },
      );
  }
}

/** The provider-neutral facts the seed must cover: closed or not, thread length. */
function facts(provider: ProviderName, body: any): { closed: boolean; thread: number } {
  switch (provider) {
    case 'sweeppea':
      return { closed: body.Data.Status === true, thread: body.Data.Notes.length };
    case 'hostup':
      return { closed: body.data.ticket.status === 'Closed', thread: body.data.ticket.replies.length };
    case 'keliweb':
      return { closed: body.status === 'Closed', thread: body.replies.reply.length };
    case 'kapture':
      return { closed: body[0].task_details.status !== 'Pending', thread: body[0].task_details.total_conversations };
  }
}

function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = httpRequest({ host: target.hostname, port: target.port, path, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('sandbox', () => {
  it('exposes deterministic keys, a base64 Kapture key and one loopback port per provider', () => {
    expect(sandbox.keys).toEqual(SANDBOX_KEYS);
    expect(sandbox.otherKeys).toEqual(SANDBOX_OTHER_KEYS);
    expect(Buffer.from(sandbox.keys.kapture, 'base64').toString()).toBe('sandbox:kapture-primary');
    const ports = PROVIDER_NAMES.map((name) => new URL(sandbox.urls[name]).port);
    expect(new Set(ports).size).toBe(4);
    for (const name of PROVIDER_NAMES) expect(sandbox.urls[name]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(PROVIDER_NAMES)(
    '%s serves at least 25 primary tickets, some closed, some with 10+ replies, and 3+ of another tenant',
    async (provider) => {
      const numbers = sandbox.ticketNumbers(provider);
      expect(numbers.length).toBeGreaterThanOrEqual(25);
      expect(sandbox.ticketNumbers(provider, 'other').length).toBeGreaterThanOrEqual(3);
      const seen: { closed: boolean; thread: number }[] = [];
      let text = '';
      for (const number of numbers) {
        const { status, body } = await readTicket(provider, number);
        expect(status).toBe(200);
        seen.push(facts(provider, body));
        text += JSON.stringify(body);
      }
      expect(seen.filter((ticket) => ticket.closed).length).toBeGreaterThanOrEqual(3);
      expect(seen.filter((ticket) => !ticket.closed).length).toBeGreaterThanOrEqual(10);
      expect(seen.some((ticket) => ticket.thread >= 10)).toBe(true);
      const unicode = {
        accents: /[À-ž]/.test(text),
        cjk: /[\u3040-\u9fff]/.test(text),
        emoji: /\p{Extended_Pictographic}/u.test(text),
      };
      expect(unicode).toEqual({ accents: true, cjk: true, emoji: true });
      expect(sandbox.calls(provider)).toBe(numbers.length);
    },
  );

  it('records every request on arrival, rejected ones included, with its raw path, headers and body', async () => {
    await call(`${sandbox.urls.hostup}/api/support/tickets/616828?expand=all`, { headers: { 'x-api-key': 'nope' } });
    await postJson(`${sandbox.urls.kapture}/search-ticket-by-ticket-id.html/v.2.0`, '[1,2]', {
      authorization: `Basic ${sandbox.keys.kapture}`,
    });
    await readTicket('hostup', 'abc');
    expect(sandbox.calls('hostup')).toBe(2);
    expect(sandbox.calls('kapture')).toBe(1);
    expect(sandbox.calls('sweeppea')).toBe(0);
    expect(sandbox.requests.map((entry) => [entry.provider, entry.method, entry.path])).toEqual([
      ['hostup', 'GET', '/api/support/tickets/616828?expand=all'],
      ['kapture', 'POST', '/search-ticket-by-ticket-id.html/v.2.0'],
      ['hostup', 'GET', '/api/support/tickets/abc'],
    ]);
    expect(sandbox.requests[0]!.headers['x-api-key']).toBe('nope');
    expect(sandbox.requests[1]!.body).toBe('[1,2]');
    expect(sandbox.requests[1]!.receivedAt).toBeGreaterThanOrEqual(sandbox.requests[0]!.receivedAt);
    sandbox.reset();
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.calls('hostup')).toBe(0);
  });

  it('answers an injected fault with each provider’s documented body, without touching data, until cleared', async () => {
    const expected: Record<ProviderName, unknown> = {
      sweeppea: { Response: false, Message: 'Internal Server Error', Code: 500 },
      hostup: {
        error: 'Internal Server Error',
        message: expect.any(String),
        code: 'INTERNAL_ERROR',
        timestamp: expect.any(String),
        requestId: expect.any(String),
      },
      keliweb: { result: 'error', message: 'Internal Server Error' },
      kapture: { message: 'Internal Server Error', status: 'failed' },
    };
    const samples = { sweeppea: 'HYXTNJV', hostup: '616828', keliweb: '516757', kapture: '713516551148' } as const;
    for (const provider of PROVIDER_NAMES) {
      sandbox.setFault(provider, { status: 500 });
      expect(await readTicket(provider, samples[provider])).toMatchObject({ status: 500, body: expected[provider] });
      sandbox.setFault(provider, null);
      expect((await readTicket(provider, samples[provider])).status).toBe(200);
    }
  });

  it('answers a fault given `times` for that many calls only, then serves normally', async () => {
    sandbox.setFault('hostup', { status: 503, times: 2 });
    const statuses = [];
    for (let call = 0; call < 3; call += 1) statuses.push((await readTicket('hostup', '616828')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(() => sandbox.setFault('hostup', { status: 503, times: 0 })).toThrow(RangeError);
  });

  it('answers injected 401, 429 and 503 faults in each provider’s shape', async () => {
    sandbox.setFault('sweeppea', { status: 503 });
    expect((await readTicket('sweeppea', 'HYXTNJV')).body.Message).toBe(
      'Service Unavailable: endpoint busy, retry with exponential backoff',
    );
    sandbox.setFault('sweeppea', { status: 401 });
    expect((await readTicket('sweeppea', 'HYXTNJV')).body).toEqual({
      Response: false,
      Message: 'Invalid or Missing Bearer Token',
      Code: 401,
    });
    sandbox.setFault('keliweb', { status: 401 });
    expect(await readTicket('keliweb', '516757')).toMatchObject({ status: 401, body: { message: 'Unauthenticated.' } });
    for (const provider of PROVIDER_NAMES) {
      sandbox.setFault(provider, { status: 429 });
      const answer = await readTicket(provider, '1');
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('1');
    }
    sandbox.reset();
    expect((await readTicket('sweeppea', 'HYXTNJV')).status).toBe(200);
  });

  it('answers a body over 1 MiB with 413 in the provider’s shape and keeps serving', async () => {
    const huge = JSON.stringify({ caseNumber: 'HYXTNJV', padding: 'x'.repeat(1_100_000) });
    const answer = await postJson(`${sandbox.urls.sweeppea}/tickets/fetchSingleTicket`, huge, {
      authorization: `Bearer ${sandbox.keys.sweeppea}`,
    });
    expect(answer).toMatchObject({ status: 413, body: { Response: false, Code: 413 } });
    expect(sandbox.requests[0]!.body.length).toBe(1024 * 1024);
    expect((await readTicket('sweeppea', 'HYXTNJV')).status).toBe(200);
  });

  it('survives hostile URLs', async () => {
    expect(
      await rawGet(sandbox.urls.hostup, '/api/support/tickets/%E0%A4%A', { 'x-api-key': sandbox.keys.hostup }),
    ).toBe(400);
    expect(await rawGet(sandbox.urls.keliweb, '//[::1]:80/%%')).toBe(404);
    expect(await rawGet(sandbox.urls.kapture, '/search-ticket-by-ticket-id.html/v.2.0?x=%')).toBe(404);
    expect((await readTicket('hostup', '616828')).status).toBe(200);
  });

  it('delays answers by the configured latency and restores the options on reset', async () => {
    const delayed = await startSandbox({ latencyMs: { hostup: 120 } });
    try {
      const started = Date.now();
      expect(
        (
          await call(`${delayed.urls.hostup}/api/support/tickets/616828`, {
            headers: { 'x-api-key': delayed.keys.hostup },
          })
        ).status,
      ).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      delayed.setLatency('hostup', 0);
      delayed.reset();
      const again = Date.now();
      await call(`${delayed.urls.hostup}/api/support/tickets/616828`, {
        headers: { 'x-api-key': delayed.keys.hostup },
      });
      expect(Date.now() - again).toBeGreaterThanOrEqual(100);
    } finally {
      await delayed.close();
    }
  });

  it('closes promptly while a delayed request is still pending', { timeout: 5_000 }, async () => {
    const slow = await startSandbox({ latencyMs: { sweeppea: 60_000 } });
    const pending = postJson(
      `${slow.urls.sweeppea}/tickets/fetchSingleTicket`,
      { caseNumber: 'HYXTNJV' },
      { authorization: `Bearer ${slow.keys.sweeppea}` },
    ).then(
      () => 'answered',
      () => 'aborted',
    );
    while (slow.calls('sweeppea') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await slow.close();
    expect(await pending).toBe('aborted');
  });

  it('closes when an `await using` scope ends', async () => {
    let url: string;
    {
      await using scoped = await startSandbox();
      url = scoped.urls.hostup;
      expect((await call(`${url}/api/support/tickets/1`)).status).toBe(401);
    }
    await expect(call(`${url}/api/support/tickets/1`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });
});
