import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, UpstreamFailedError, UpstreamInvalidResponseError } from '../../../../src/domain/errors.js';
import { fetchEach, oneTicketACallProvider } from '../../../../src/providers/kit/fetch-each.js';
import type { Ticket } from '../../../../src/domain/model.js';
import type { MapOptions } from '../../../../src/providers/kit/map-options.js';
import { CLOSED_CIRCUIT } from '../../../../src/upstream/breaker.js';
import type { CallTrace, UpstreamClient, UpstreamRequest } from '../../../../src/upstream/types.js';

const ticket = (number: string) => ({ provider: 'hostup', number }) as Ticket;

describe('fetchEach', () => {
  it('reads every number at once and keeps each failure at its own place', async () => {
    const started: string[] = [];
    const results = await fetchEach(
      ['1', '2', '3', '4', '5'],
      'hostup',
      (number) => number,
      async (number) => {
        started.push(number);
        if (number === '2') throw new NotFoundError('no 2', { provider: 'hostup' });
        if (number === '3') throw 'a string, not an Error';
        if (number === '5') return (undefined as unknown as { x: Ticket }).x;
        return ticket(number);
      },
    );
    expect(started).toEqual(['1', '2', '3', '4', '5']);
    expect(results[0]).toEqual(ticket('1'));
    expect(results[1]).toBeInstanceOf(NotFoundError);
    expect(results[2]).toBeInstanceOf(UpstreamFailedError);
    expect(results[2]).toMatchObject({ provider: 'hostup', code: 'UPSTREAM_ERROR' });
    expect(results[3]).toEqual(ticket('4'));
    // A mapper's TypeError on a payload that passed its shape check: the ticket's own invalid response.
    expect(results[4]).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(results[4]).toMatchObject({
      provider: 'hostup',
      message: 'The hostup answer could not be read (TypeError)',
    });
  });
});

describe('oneTicketACallProvider', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An upstream that answers every call with the number it was asked for, and keeps the requests. */
  function upstream(): { http: UpstreamClient; sent: UpstreamRequest[] } {
    const sent: UpstreamRequest[] = [];
    const http: UpstreamClient = {
      provider: 'keliweb',
      request: async (request) => {
        sent.push(request);
        return { status: 200, headers: {}, body: { tid: request.path.slice(1) } };
      },
      circuit: () => CLOSED_CIRCUIT,
      close: () => Promise.resolve(),
      [Symbol.asyncDispose]: () => Promise.resolve(),
    };
    return { http, sent };
  }

  it('reads each number with the secret through the traced client and maps it in the zone, at the time', async () => {
    vi.useFakeTimers({ now: new Date('2025-04-01T12:06:03.000Z') });
    const { http, sent } = upstream();
    const secrets: string[] = [];
    const mapped: MapOptions[] = [];
    const provider = oneTicketACallProvider(
      { http, timezone: 'Europe/Rome', maxBatch: 1 },
      {
        provider: 'keliweb',
        parseNumber: (number) => number.toUpperCase(),
        read: async (client, number, secret) => {
          secrets.push(secret);
          return (await client.request({ method: 'POST', path: `/${number}` })).body as { tid: string };
        },
        toTicket: (answer, options) => {
          mapped.push(options);
          return { provider: 'keliweb', number: answer.tid } as Ticket;
        },
      },
    );
    expect(provider).toMatchObject({
      name: 'keliweb',
      displayName: 'Keliweb',
      capabilities: { updateTicket: false, batchRead: false, maxBatch: 1 },
    });
    expect(provider.parseNumber('abc-1')).toBe('ABC-1');
    const trace: CallTrace = { requestId: 'req-1', attempted: () => {} };
    const results = await provider.fetchTickets(['ABC-1', '516757'], { secret: 'token-1' }, trace);
    expect(results).toEqual([
      { provider: 'keliweb', number: 'ABC-1' },
      { provider: 'keliweb', number: '516757' },
    ]);
    expect(sent.map((request) => [request.path, request.trace?.requestId])).toEqual([
      ['/ABC-1', 'req-1'],
      ['/516757', 'req-1'],
    ]);
    expect(secrets).toEqual(['token-1', 'token-1']);
    expect(mapped).toEqual([
      { timezone: 'Europe/Rome', fetchedAt: '2025-04-01T12:06:03.000Z' },
      { timezone: 'Europe/Rome', fetchedAt: '2025-04-01T12:06:03.000Z' },
    ]);
  });

  it('refuses, at its own place, an answer for a ticket other than the one asked, in canonical form', async () => {
    const { http } = upstream();
    const { fetchTickets } = oneTicketACallProvider(
      { http, timezone: 'UTC', maxBatch: 1 },
      {
        provider: 'keliweb',
        // docs/providers/keliweb.md: WHMCS finds a mask case-blind, so `abc-1` is ticket `ABC-1`.
        parseNumber: (number) => number.toUpperCase(),
        read: async (_client, number) => ({ tid: number === '2' ? '3' : number.toUpperCase() }),
        toTicket: (answer) => ({ provider: 'keliweb', number: answer.tid }) as Ticket,
      },
    );
    const results = await fetchTickets(['abc-1', '2'], { secret: 'k' });
    expect(results[0]).toEqual({ provider: 'keliweb', number: 'ABC-1' });
    expect(results[1]).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(results[1]).toMatchObject({ message: 'The keliweb answer for ticket 2 is another ticket' });
  });
});
