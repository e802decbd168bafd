import { describe, expect, it } from 'vitest';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import { createDisabledUpstream } from '../../../../src/upstream/disabled.js';
import { itParsesNumbers, type AcceptedNumbers, type RefusedNumbers } from '../number-rules.js';

// parseNumber runs before any I/O: an upstream that refuses every call proves it.
const provider = createSweeppeaProvider({ http: createDisabledUpstream('sweeppea'), timezone: 'UTC', maxBatch: 1 });

describe('Sweeppea provider', () => {
  it('reads one ticket a call and updates tickets', () => {
    expect(provider).toMatchObject({
      name: 'sweeppea',
      displayName: 'Sweeppea',
      capabilities: { updateTicket: true, batchRead: false, maxBatch: 1 },
    });
    expect(provider.updateTicket).toBeTypeOf('function');
  });
});

const ACCEPTED: AcceptedNumbers = [
  ['HYXTNJV', 'HYXTNJV'],
  ['2650478', '2650478'],
  ['hyxtnjv', 'hyxtnjv'],
  ['  HYXTNJV\t', 'HYXTNJV'],
  ['A'.repeat(32), 'A'.repeat(32)],
];

const REFUSED: RefusedNumbers = [
  ['empty', ''],
  ['blank', '   '],
  ['a path', '../HYXTNJV'],
  ['a query', 'HYX?a=1'],
  ['a fragment', 'HYX#x'],
  ['an escaped slash', 'AB%2FCD'],
  ['CR/LF', 'HYX\r\nTNJV'],
  ['NUL', 'HYX\u0000'],
  ['a space inside', 'HYX TNJV'],
  ['a hyphen', 'HYX-TNJV'],
  ['non-ASCII letters', 'ÅÄÖ'],
  ['33 characters', 'A'.repeat(33)],
  ['10,000 characters', 'x'.repeat(10_000)],
];

describe('Sweeppea parseNumber', () => {
  itParsesNumbers(provider, ACCEPTED, REFUSED);
});
