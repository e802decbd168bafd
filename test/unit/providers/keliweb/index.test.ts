import { describe, expect, it } from 'vitest';
import { createKeliwebProvider } from '../../../../src/providers/keliweb/index.js';
import { createDisabledUpstream } from '../../../../src/upstream/disabled.js';
import { itParsesNumbers, type AcceptedNumbers, type RefusedNumbers } from '../number-rules.js';

// parseNumber runs before any I/O: an upstream that refuses every call proves it.
const provider = createKeliwebProvider({
  http: createDisabledUpstream('keliweb'),
  timezone: 'Europe/Rome',
  maxBatch: 20,
});

describe('Keliweb provider', () => {
  it('reads one ticket a call and cannot update', () => {
    expect(provider).toMatchObject({
      name: 'keliweb',
      displayName: 'Keliweb',
      capabilities: { updateTicket: false, batchRead: false, maxBatch: 1 },
    });
  });
});

const ACCEPTED: AcceptedNumbers = [
  ['516757', '516757'],
  ['ABC-123456', 'ABC-123456'],
  ['abc-123456', 'ABC-123456'],
  ['aBc-123456', 'ABC-123456'],
  ['  516757\t', '516757'],
  ['0042', '0042'],
  ['X'.repeat(32), 'X'.repeat(32)],
];

const REFUSED: RefusedNumbers = [
  ['empty', ''],
  ['blank', '   '],
  ['33 characters', 'X'.repeat(33)],
  ['a path', '../516757'],
  ['a slash', '516/757'],
  ['a query', '516757?x=1'],
  ['a fragment', '516757#2'],
  ['an escaped slash', '516%2F757'],
  ['CR/LF', 'a\r\nb'],
  ['a header injection', '516757\r\nX-Evil: 1'],
  ['NUL', '516\u0000757'],
  ['a comma', '516757,516758'],
  ['a space inside', '516 757'],
  ['an underscore', 'ABC_123'],
  ['a quote', "516757'"],
  ['a multipart boundary', '--boundary'.padEnd(40, 'x')],
  ['non-ASCII letters', 'ÀBC-123'],
  ['non-ASCII digits', '٤٢'],
  ['10,000 characters', '9'.repeat(10_000)],
];

describe('Keliweb parseNumber', () => {
  itParsesNumbers(provider, ACCEPTED, REFUSED);
});
