import { BadUserInputError, ValidationError } from './errors.js';
import { decodeTicketId } from './ids.js';
import type { ProviderName, TicketRef } from './model.js';
import { checkLongText } from './text-rules.js';

/** The longest reply body: as long as the longest description a provider documents. */
export const MAX_REPLY_LENGTH = 20_000;
/** The longest idempotency key (DESIGN.md: 1 to 255 printable characters). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** How every action's input names its ticket, as GraphQL hands it over: every field optional. */
export interface TicketTargetArgs {
  readonly id?: string | null | undefined;
  readonly provider?: ProviderName | null | undefined;
  readonly number?: string | null | undefined;
  readonly idempotencyKey?: string | null | undefined;
}

/** Which ticket an input names, and by which field: the one to blame when the provider refuses the number. */
export interface CheckedTarget {
  readonly ref: TicketRef;
  readonly namedBy: 'id' | 'number';
}

/** Reads the ticket an input names, by `id` or by `provider` and `number`; throws ValidationError otherwise. */
export function checkTarget(input: TicketTargetArgs): CheckedTarget {
  const byId = input.id != null;
  const byNumber = input.provider != null || input.number != null;
  if (byId && byNumber) {
    throw new ValidationError('Name the ticket by id, or by provider and number, not both', { field: 'id' });
  }
  if (byId) {
    try {
      return { ref: decodeTicketId(String(input.id)), namedBy: 'id' };
    } catch (error) {
      if (error instanceof BadUserInputError) throw new ValidationError(error.message, { field: 'id' });
      throw error;
    }
  }
  if (input.provider == null && input.number == null) {
    throw new ValidationError('Name the ticket: give its id, or its provider and number', { field: 'id' });
  }
  if (input.provider == null) throw new ValidationError('A ticket number needs its provider', { field: 'provider' });
  if (input.number == null) throw new ValidationError('A provider needs the ticket number', { field: 'number' });
  return { ref: { provider: input.provider, number: input.number }, namedBy: 'number' };
}

/** Printable ASCII, spaces aside: what a client's UUID, ULID or hash is written in. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

/** The input's idempotency key, checked; undefined when none was given. */
export function checkIdempotencyKey(input: TicketTargetArgs): string | undefined {
  const key = input.idempotencyKey;
  if (key == null) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_CHARACTERS.test(key)) {
    throw new ValidationError(
      `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, without spaces`,
      { field: 'idempotencyKey' },
    );
  }
  return key;
}

/**
 * A reply's body: sent exactly as given (its whitespace is content), not blank, at most
 * MAX_REPLY_LENGTH UTF-16 code units, well-formed, without control characters other than tabs
 * and \n or \r\n line breaks, nor bidirectional controls.
 */
export function checkReplyBody(body: string): string {
  return checkLongText(body, {
    field: 'body',
    noun: 'reply',
    max: MAX_REPLY_LENGTH,
    blank: 'The reply must not be blank',
  });
}
