import { describe, expect, it } from 'vitest';
import { createKaptureProvider } from '../../../../src/providers/kapture/index.js';
import { createDisabledUpstream } from '../../../../src/upstream/disabled.js';
import { itParsesNumbers, type AcceptedNumbers, type RefusedNumbers } from '../number-rules.js';

// parseNumber runs before any I/O: an upstream that refuses every call proves it.
const provider = createKaptureProvider({
  http: createDisabledUpstream('kapture'),
  timezone: 'Asia/Kolkata',
  maxBatch: 20,
});

describe('Kapture provider', () => {
  it('reads tickets in batches of the configured size and cannot update', () => {
    expect(provider).toMatchObject({
      name: 'kapture',
      displayName: 'Kapture CRM',
      capabilities: { updateTicket: false, batchRead: true, maxBatch: 20 },
    });
    const small = createKaptureProvider({
      http: createDisabledUpstream('kapture'),
      timezone: 'Asia/Kolkata',
      maxBatch: 4,
    });
    expect(small.capabilities.maxBatch).toBe(4);
  });
});

const ACCEPTED: AcceptedNumbers = [
  ['713516551148', '713516551148'],
  ['1', '1'],
  [' 713516551148\n', '713516551148'],
  ['0713516551148', '713516551148'],
  ['9'.repeat(20), '9'.repeat(20)],
];

const REFUSED: RefusedNumbers = [
  ['empty', ''],
  ['zero', '0'],
  ['zeros', '000'],
  ['a comma (another id in the list)', '713516551148,1'],
  ['a trailing comma', '713516551148,'],
  ['an escaped comma', '713516551148%2C1'],
  ['21 digits', '9'.repeat(21)],
  ['letters', 'ABC-123'],
  ['a sign', '-1'],
  ['a decimal', '1.5'],
  ['an exponent', '1e12'],
  ['a space inside', '713 516'],
  ['a path', '../1'],
  ['a query', '1?x=2'],
  ['a fragment', '1#2'],
  ['a quote (JSON injection)', '1","ticket_ids":"2'],
  ['CR/LF', '1\r\n2'],
  ['NUL', '1\u00002'],
  ['non-ASCII digits', '٧١٣'],
  ['10,000 digits', '9'.repeat(10_000)],
];

describe('Kapture parseNumber', () => {
  itParsesNumbers(provider, ACCEPTED, REFUSED);
});
