import { z } from 'zod';

/**
 * An id or a number as upstreams send it: a string or a number, whichever comes (every page in
 * docs/providers/ notes numbers that arrive as strings, or strings as numbers). Accepted as it
 * is, with no coercion, so checkShape keeps the payload as received for `raw`; mappers read it
 * with `textOf`.
 */
export const idLike = z.union([z.string(), z.number()]);

/** A text field the mapper reads: a string, or null or absent for none. */
export const text = z.string().nullish();
