import { BadUserInputError } from './errors.js';
import { isProviderName, type TicketRef } from './model.js';

const TYPENAME = 'Ticket';
const MAX_ID_LENGTH = 512;

/** The opaque global id of a ticket: base64url of `Ticket:<provider>:<number>`. */
export function encodeTicketId(ref: TicketRef): string {
  return Buffer.from(`${TYPENAME}:${ref.provider}:${ref.number}`, 'utf8').toString('base64url');
}

/**
 * Reads a global id back into (provider, number). Throws BadUserInputError naming what is
 * wrong; the number is checked further by its provider before any upstream call.
 */
export function decodeTicketId(id: string): TicketRef {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+={0,2}$/.test(id)) {
    throw new BadUserInputError('Invalid ticket id: not an id this gateway issued');
  }
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const [typename, provider, ...rest] = text.split(':');
  const number = rest.join(':');
  if (typename !== TYPENAME || provider === undefined || number === '') {
    throw new BadUserInputError('Invalid ticket id: not an id this gateway issued');
  }
  if (!isProviderName(provider)) {
    throw new BadUserInputError('Invalid ticket id: it names no provider this gateway knows');
  }
  return { provider, number };
}
