import { describe, expect, it } from 'vitest';
import { wordKey, wordTable } from '../../../../src/providers/kit/word-table.js';

describe('wordKey', () => {
  it.each([
    ['Open', 'open'],
    ['  Closed  ', 'closed'],
    ['In-Progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['ON -  hold', 'on_hold'],
    ['Client-Reply', 'client_reply'],
    ['Customer-Reply', 'customer_reply'],
    ['__proto__', '_proto_'],
    ['3', '3'],
    ['', ''],
  ])('folds %j to %j', (word, key) => {
    expect(wordKey(word)).toBe(key);
  });
});

describe('wordTable', () => {
  const PROPERTY_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('finds only its own keys', () => {
    const table = wordTable({ open: 'OPEN' });
    expect(PROPERTY_NAMES.map((word) => table.get(word))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(table.get('open')).toBe('OPEN');
  });

  it("finds a word however the upstream spells it (HostBill's, WHMCS's and the v2 API's)", () => {
    const table = wordTable({ in_progress: 'IN_PROGRESS', on_hold: 'ON_HOLD' });
    expect(['In-Progress', 'In Progress', 'in_progress', ' IN_PROGRESS ', 'On-Hold'].map((w) => table.get(w))).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'ON_HOLD',
    ]);
  });

  it('folds the words it is given as it folds the words it is asked', () => {
    expect(wordTable({ 'Client-Reply': 'OPEN' }).get('client reply')).toBe('OPEN');
  });

  it('finds nothing for no word, an empty one, or one it lacks', () => {
    const table = wordTable({ open: 'OPEN' });
    expect([null, undefined, '', '  ', 'opened'].map((word) => table.get(word))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuses two entries that fold to one key', () => {
    expect(() => wordTable({ on_hold: 'ON_HOLD', 'On-Hold': 'ON_HOLD' })).toThrow(
      'wordTable: "On-Hold" folds to "on_hold", which the table already has',
    );
  });
});
