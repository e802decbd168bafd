import { describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamTimeoutError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { readBack, readOne, type MadeWrite } from '../../../../src/providers/kit/read-back.js';

const WRITE: MadeWrite = {
  provider: 'keliweb',
  number: 'KW-516757',
  parseNumber: (number) => number.trim().toUpperCase(),
  done: 'Keliweb added the reply to ticket KW-516757',
};
const ticket = (number: string, subject = 'read back') => ({ provider: 'keliweb', number, subject }) as Ticket;
const timeout = new UpstreamTimeoutError('keliweb did not answer within 10000 ms', { provider: 'keliweb' });

describe('readBack', () => {
  it('answers the ticket read back when it is the one written, in its canonical form', async () => {
    expect(await readBack(WRITE, async () => ticket('kw-516757'))).toEqual(ticket('kw-516757'));
  });

  it("answers the write's own ticket when the read fails, or reads another ticket", async () => {
    const fallback = () => ticket('KW-516757', 'from the answer');
    expect(await readBack(WRITE, () => Promise.reject(timeout), fallback)).toMatchObject({
      subject: 'from the answer',
    });
    expect(await readBack(WRITE, async () => ticket('KW-1'), fallback)).toMatchObject({ subject: 'from the answer' });
  });

  it('refuses a fallback that is another ticket as UPSTREAM_INVALID_RESPONSE', async () => {
    await expect(
      readBack(
        WRITE,
        () => Promise.reject(timeout),
        () => ticket('KW-1'),
      ),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: 'The keliweb answer for ticket KW-516757 is another ticket',
    });
  });

  it.each([
    ['a timeout', timeout],
    ['NOT_FOUND', new NotFoundError('Keliweb has no ticket KW-516757', { provider: 'keliweb' })],
  ])(
    'without a fallback, turns a read that failed with %s into UPSTREAM_ERROR saying the change was made',
    async (_, error) => {
      const failure = await readBack(WRITE, () => Promise.reject(error)).catch((caught: unknown) => caught);
      expect(failure).toMatchObject({
        code: 'UPSTREAM_ERROR',
        provider: 'keliweb',
        retryable: false,
        message:
          'Keliweb added the reply to ticket KW-516757, but reading the ticket back failed: read it again rather than repeating the change',
        cause: error,
      });
    },
  );

  it("readOne reads one ticket through the provider's fetchTickets, with the credential and trace, and throws its error", async () => {
    const asked: unknown[] = [];
    const trace = { requestId: 'r1', attempted: () => undefined };
    const reader = (result: Ticket | Error) => ({
      fetchTickets: async (...args: unknown[]) => {
        asked.push(args);
        return [result];
      },
    });
    expect(await readOne(reader(ticket('KW-516757')), 'KW-516757', { secret: 's' }, trace)).toEqual(
      ticket('KW-516757'),
    );
    expect(asked).toEqual([[['KW-516757'], { secret: 's' }, trace]]);
    await expect(readOne(reader(timeout), 'KW-516757', { secret: 's' })).rejects.toBe(timeout);
  });
});
