import { describe, expect, it } from 'vitest';
import { catalogFacts } from '../../../../src/providers/kit/catalog-facts.js';

describe('catalogFacts', () => {
  it.each([
    ['sweeppea', { name: 'sweeppea', displayName: 'Sweeppea', capabilities: { updateTicket: true, batchRead: false } }],
    ['hostup', { name: 'hostup', displayName: 'HostUp', capabilities: { updateTicket: false, batchRead: false } }],
    ['keliweb', { name: 'keliweb', displayName: 'Keliweb', capabilities: { updateTicket: false, batchRead: false } }],
  ] as const)('gives %s its catalog entry, one ticket a call whatever maxBatch is configured', (name, facts) => {
    expect(catalogFacts(name, { maxBatch: 20 })).toEqual({
      ...facts,
      capabilities: { ...facts.capabilities, maxBatch: 1 },
    });
  });

  it('gives Kapture, which reads in batches, the configured maxBatch', () => {
    expect(catalogFacts('kapture', { maxBatch: 7 })).toEqual({
      name: 'kapture',
      displayName: 'Kapture CRM',
      capabilities: { updateTicket: false, batchRead: true, maxBatch: 7 },
    });
  });
});
