import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../src/domain/errors.js';
import { decodeTicketId, encodeTicketId } from '../../../src/domain/ids.js';

describe('global ticket ids', () => {
  it.each([
    { provider: 'sweeppea', number: 'HYXTNJV' },
    { provider: 'hostup', number: '616828' },
    { provider: 'keliweb', number: 'ABC-123456' },
    { provider: 'kapture', number: '713516551148' },
  ] as const)('round-trips $provider $number through an opaque URL-safe id', (ref) => {
    const id = encodeTicketId(ref);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain(ref.number);
    expect(decodeTicketId(id)).toEqual(ref);
  });

  it.each([
    ['', 'empty'],
    ['!!!', 'not base64url'],
    ['a'.repeat(600), 'too long'],
    [Buffer.from('Ticket:hostup').toString('base64url'), 'no number'],
    [Buffer.from('Note:hostup:1').toString('base64url'), 'another type'],
    [Buffer.from('Ticket:zendesk:1').toString('base64url'), 'unknown provider'],
  ])('refuses %j (%s) with BAD_USER_INPUT', (id) => {
    expect(() => decodeTicketId(id)).toThrow(BadUserInputError);
  });
});
