import { describe, expect, it } from 'vitest';
import { idLike, text } from '../../../../src/providers/kit/payload-fields.js';

describe('idLike', () => {
  // docs/providers/kapture.md: `ticketId` comes as a string, `taskId` as a number.
  it.each([['713516551148'], [530348198], ['HYXTNJV'], [0], ['']])('accepts %j as it is', (value) => {
    expect(idLike.safeParse(value)).toEqual({ success: true, data: value });
  });

  it.each([[null], [undefined], [true], [{}], [[1]]])('refuses %j', (value) => {
    expect(idLike.safeParse(value).success).toBe(false);
  });
});

describe('text', () => {
  it.each([['Issue with sweepstakes configuration'], [''], [null], [undefined]])('accepts %j as it is', (value) => {
    expect(text.safeParse(value)).toEqual({ success: true, data: value });
  });

  it.each([[42], [false], [{}], [['a']]])('refuses %j', (value) => {
    expect(text.safeParse(value).success).toBe(false);
  });
});
