import { expect, it } from 'vitest';
import type { Ticket } from '../../../src/domain/model.js';

/** A leaf the normalised ticket does not show: it is kept in `raw` and nowhere else. */
export const RAW = 'raw only';

/**
 * Where each leaf of a provider's seed example lands, by path with list indexes written `[]`:
 * a normalised field (read off the ticket) with its expected value, or RAW.
 */
export type Landing = Record<string, typeof RAW | [(ticket: Ticket) => unknown, unknown]>;

/** `landing` for a seed nested at `prefix` (`data.ticket`) of the whole answer. */
export function nestedAt(prefix: string, landing: Landing): Landing {
  return Object.fromEntries(Object.entries(landing).map(([path, place]) => [`${prefix}.${path}`, place]));
}

/** Every leaf of a JSON value with its path, `a.b[0].c`; empty arrays and objects are leaves too. */
export function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value) && value.length > 0)
    return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path === '' ? key : `${path}.${key}`));
  }
  return [[path, value]];
}

/**
 * One test per leaf of `seed`, the upstream's documented example: `landing` classifies it, `raw`
 * of `ticket` (the seed mapped) holds it unchanged, and a normalised field reads as `landing` says.
 */
export function itLandsEveryLeaf(seed: unknown, ticket: Ticket, landing: Landing): void {
  it.each(leaves(seed))('lands %s in a normalised field or in raw', (path, value) => {
    const place = landing[path.replace(/\[\d+\]/g, '[]')];
    expect(place, `${path} is not classified`).toBeDefined();
    expect(leaves(ticket.raw)).toContainEqual([path, value]);
    if (Array.isArray(place)) expect(place[0](ticket)).toEqual(place[1]);
  });
}
