import { expect, it } from 'vitest';
import type { Provider } from '../../../src/providers/provider.js';

/** Inputs a provider's parseNumber must take: [as typed, canonical form]. */
export type AcceptedNumbers = [input: string, canonical: string][];
/** Inputs it must refuse before any I/O: [what is wrong with it, as typed]. */
export type RefusedNumbers = [flaw: string, input: string][];

/**
 * One test per input: each accepted one comes back in its canonical form, each refused one
 * throws BAD_USER_INPUT stamped with the provider.
 */
export function itParsesNumbers(provider: Provider, accepts: AcceptedNumbers, refuses: RefusedNumbers): void {
  it.each(accepts)('accepts %j as %j', (input, canonical) => {
    expect(provider.parseNumber(input)).toBe(canonical);
  });

  it.each(refuses)('refuses %s with BAD_USER_INPUT', (_, input) => {
    expect(() => provider.parseNumber(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', provider: provider.name }),
    );
  });
}
