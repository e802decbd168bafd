import { describe, expect, it } from 'vitest';
import { catalogFacts } from '../../../../src/providers/kit/catalog-facts.js';

const NONE = {
  updateTicket: false,
  replyToTicket: false,
  closeTicket: false,
  reopenTicket: false,
  listTickets: false,
  batchRead: false,
};

describe('catalogFacts', () => {
  it.each([
    [
      'sweeppea',
      undefined,
      {
        name: 'sweeppea',
        displayName: 'Sweeppea',
        capabilities: { ...NONE, updateTicket: true, closeTicket: true, listTickets: true },
      },
    ],
    ['hostup', 'legacy', { name: 'hostup', displayName: 'HostUp', capabilities: NONE }],
    ['hostup', undefined, { name: 'hostup', displayName: 'HostUp', capabilities: NONE }],
    [
      'hostup',
      'v2',
      {
        name: 'hostup',
        displayName: 'HostUp',
        capabilities: { ...NONE, replyToTicket: true, closeTicket: true, reopenTicket: true, listTickets: true },
      },
    ],
    ['keliweb', undefined, { name: 'keliweb', displayName: 'Keliweb', capabilities: { ...NONE, replyToTicket: true } }],
  ] as const)(
    'gives %s (API %s) its catalog entry, one ticket a call whatever maxBatch is configured',
    (name, api, facts) => {
      expect(catalogFacts(name, { maxBatch: 20, ...(api && { api }) })).toEqual({
        ...facts,
        capabilities: { ...facts.capabilities, maxBatch: 1 },
      });
    },
  );

  it('gives Kapture, which reads in batches, the configured maxBatch', () => {
    expect(catalogFacts('kapture', { maxBatch: 7 })).toEqual({
      name: 'kapture',
      displayName: 'Kapture CRM',
      capabilities: {
        ...NONE,
        replyToTicket: true,
        closeTicket: true,
        reopenTicket: true,
        listTickets: true,
        batchRead: true,
        maxBatch: 7,
      },
    });
  });
});
