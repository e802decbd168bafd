import { BadUserInputError } from '../../domain/errors.js';

/** docs/providers/hostup.md: `number` is an integer ≥ 1; at most 10 digits once leading zeros are gone. */
const DIGITS = /^\d+$/;
const MAX_DIGITS = 10;

/**
 * A HostUp ticket number in its canonical form, for both APIs: the legacy path takes the
 * number, and v2 takes it too during its migration (docs/providers/hostup.md, Numbers and ids).
 */
export function parseHostupNumber(number: string): string {
  const trimmed = number.trim();
  // "0042" and "42" are the same ticket, so they must be one DataLoader key.
  const canonical = DIGITS.test(trimmed) ? trimmed.replace(/^0+/, '') : '';
  if (canonical === '' || canonical.length > MAX_DIGITS) {
    throw new BadUserInputError(`A HostUp ticket number is a whole number from 1 to ${MAX_DIGITS} digits`, {
      provider: 'hostup',
    });
  }
  return canonical;
}
