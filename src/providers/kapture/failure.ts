import { checkShape } from '../kit/check-shape.js';
import { kaptureFailureShape } from './payload.js';

/**
 * The failures Kapture's documents name by message (docs/providers/kapture.md, Errors and Writes):
 * a refused key; a request the gateway made wrongly ("Invalid Json.", "ticket_ids are missing.",
 * "Invalid Format.…"); the update's ticket not found.
 */
export type NamedFailure = 'invalid-auth-key' | 'malformed-request' | 'no-data';

const NAMED: ReadonlyMap<string, NamedFailure> = new Map([
  ['invalid auth key', 'invalid-auth-key'],
  ['invalid json.', 'malformed-request'],
  ['ticket_ids are missing.', 'malformed-request'],
  ['no data found/ticket_id is missing', 'no-data'],
]);
const INVALID_FORMAT = 'invalid format.';

/**
 * What a Kapture answer's body says failed: undefined when it is no `{message, status: "failed"}`;
 * the failure its message names (compared trimmed and case-blind); null for a message no document
 * names. docs/providers/kapture.md: the message names the failure whatever the HTTP status, so a
 * named failure decides before the status does; an unnamed one leaves it to the status.
 */
export function failureIn(body: unknown): NamedFailure | null | undefined {
  const failure = checkShape(kaptureFailureShape, body);
  if (!failure.success) return undefined;
  const message = failure.data.message;
  const key = typeof message === 'string' ? message.trim().toLowerCase() : '';
  return NAMED.get(key) ?? (key.startsWith(INVALID_FORMAT) ? 'malformed-request' : null);
}
