import { describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError, UpstreamInvalidResponseError } from '../../../../src/domain/errors.js';
import { fetchEach } from '../../../../src/providers/kit/fetch-each.js';
import type { Ticket } from '../../../../src/domain/model.js';

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
    expect(results[2]).toBeInstanceOf(UpstreamError);
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
