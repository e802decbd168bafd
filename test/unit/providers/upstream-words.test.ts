import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src/domain/model.js';
import { toTicket as hostupTicket } from '../../../src/providers/hostup/mapper.js';
import { hostupSuccessShape } from '../../../src/providers/hostup/payload.js';
import { decodeEntities } from '../../../src/providers/kapture/entities.js';
import { toTicket as kaptureTicket } from '../../../src/providers/kapture/mapper.js';
import { kaptureTicketShape } from '../../../src/providers/kapture/payload.js';
import { toTicket as keliwebTicket } from '../../../src/providers/keliweb/mapper.js';
import { keliwebTicketShape } from '../../../src/providers/keliweb/payload.js';
import { toTicket as sweeppeaTicket } from '../../../src/providers/sweeppea/mapper.js';
import { sweeppeaSuccessShape } from '../../../src/providers/sweeppea/payload.js';
import { checked } from './checked.js';
import { hostupFixture } from './hostup/fixtures.js';
import { kaptureFixture } from './kapture/fixtures.js';
import { keliwebFixture } from './keliweb/fixtures.js';
import { sweeppeaFixture } from './sweeppea/fixtures.js';

const FETCHED_AT = '2025-04-01T12:06:03.000Z';

/** Each provider's documented example with its status and priority words replaced, mapped. */
const MAPPERS: Record<string, (status: string, priority: string) => Ticket> = {
  sweeppea: (status, priority) => {
    const answer = sweeppeaFixture('fetch-single-ticket.json');
    const body = { ...answer, Data: { ...answer.Data, Status: status, Priority: priority } };
    return sweeppeaTicket(checked(sweeppeaSuccessShape, body), { fetchedAt: FETCHED_AT });
  },
  hostup: (status, priority) => {
    const answer = hostupFixture('get-ticket.example.json');
    const body = { ...answer, data: { ticket: { ...answer.data.ticket, status, priority } } };
    return hostupTicket(checked(hostupSuccessShape, body), { timezone: 'Europe/Stockholm', fetchedAt: FETCHED_AT });
  },
  keliweb: (status, priority) =>
    keliwebTicket(checked(keliwebTicketShape, { ...keliwebFixture('get-ticket.example.json'), status, priority }), {
      timezone: 'Europe/Rome',
      fetchedAt: FETCHED_AT,
    }),
  kapture: (status, priority) => {
    const element = kaptureFixture('get-ticket.example.json')[0];
    // The sub-status the same word, so the status text is the word alone.
    const body = { ...element, task_details: { ...element.task_details, status, substatus: status, priority } };
    return kaptureTicket(checked(kaptureTicketShape, body), { timezone: 'Asia/Kolkata', fetchedAt: FETCHED_AT });
  },
};

const PROPERTY_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('status and priority words named like object properties', () => {
  it.each(Object.keys(MAPPERS).flatMap((provider) => PROPERTY_NAMES.map((word) => [provider, word])))(
    '%s maps %s to UNKNOWN and no priority, keeping the word',
    (provider, word) => {
      const ticket = MAPPERS[provider]!(word, word);
      expect({
        status: ticket.status,
        statusText: ticket.statusText,
        priority: ticket.priority,
        priorityText: ticket.priorityText,
      }).toEqual({
        status: 'UNKNOWN',
        statusText: word,
        priority: null,
        priorityText: word,
      });
    },
  );

  it('leaves an entity named like an object property as written', () => {
    expect(decodeEntities('&constructor; &__proto__; &amp;')).toBe('&constructor; &__proto__; &');
  });
});
