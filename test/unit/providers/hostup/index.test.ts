import { describe, expect, it } from 'vitest';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import { createDisabledUpstream } from '../../../../src/upstream/disabled.js';
import { itParsesNumbers, type AcceptedNumbers, type RefusedNumbers } from '../number-rules.js';

// parseNumber runs before any I/O: an upstream that refuses every call proves it.
const DEPS = { http: createDisabledUpstream('hostup'), timezone: 'Europe/Stockholm', maxBatch: 1 };
const provider = createHostupProvider(DEPS);

describe('HostUp provider', () => {
  it('reads one ticket a call and cannot update', () => {
    expect(provider).toMatchObject({
      name: 'hostup',
      displayName: 'HostUp',
      capabilities: { updateTicket: false, batchRead: false, maxBatch: 1 },
    });
  });

  it('has no actions and no list through the legacy API, its default', () => {
    for (const legacy of [provider, createHostupProvider({ ...DEPS, api: 'legacy' })]) {
      expect(legacy.capabilities).toMatchObject({ replyToTicket: false, closeTicket: false, reopenTicket: false });
      expect(legacy.capabilities.listTickets).toBe(false);
      expect([legacy.replyToTicket, legacy.closeTicket, legacy.reopenTicket, legacy.listTickets]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it('replies, closes, reopens and lists through v2', () => {
    const v2 = createHostupProvider({ ...DEPS, api: 'v2' });
    expect(v2.capabilities).toEqual({
      updateTicket: false,
      replyToTicket: true,
      closeTicket: true,
      reopenTicket: true,
      listTickets: true,
      batchRead: false,
      maxBatch: 1,
    });
    expect([v2.replyToTicket, v2.closeTicket, v2.reopenTicket].map((method) => typeof method)).toEqual([
      'function',
      'function',
      'function',
    ]);
    expect(typeof v2.listTickets).toBe('function');
    expect(v2.updateTicket).toBeUndefined();
  });
});

const ACCEPTED: AcceptedNumbers = [
  ['616828', '616828'],
  ['1', '1'],
  ['0042', '42'],
  ['  616828 ', '616828'],
  ['9999999999', '9999999999'],
  ['00000000009999999999', '9999999999'],
];

const REFUSED: RefusedNumbers = [
  ['empty', ''],
  ['zero', '0'],
  ['zeros', '0000'],
  ['negative', '-5'],
  ['signed', '+5'],
  ['a decimal', '1.5'],
  ['an exponent', '1e3'],
  ['hex', '0x1F'],
  ['letters after digits', '12abc'],
  ['a space inside', '61 6828'],
  ['11 digits', '10000000000'],
  ['a path', '../1'],
  ['a query', '1?x=2'],
  ['a fragment', '1#2'],
  ['an escaped slash', '1%2F2'],
  ['CR/LF', '1\r\n2'],
  ['NUL', '1\u00002'],
  ['non-ASCII digits', '٤٢'],
  ['10,000 digits', '9'.repeat(10_000)],
];

describe('HostUp parseNumber', () => {
  itParsesNumbers(provider, ACCEPTED, REFUSED);
});
