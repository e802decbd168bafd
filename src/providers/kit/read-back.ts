import { UpstreamFailedError } from '../../domain/errors.js';
import type { ProviderName, Ticket } from '../../domain/model.js';
import type { CallTrace } from '../../upstream/types.js';
import type { Credential, Provider } from '../provider.js';
import { askedTicket } from './asked-ticket.js';

/** The write a ticket is read back after: which ticket, and what was done to it. */
export interface MadeWrite {
  readonly provider: ProviderName;
  /** The canonical number the write was sent for. */
  readonly number: string;
  readonly parseNumber: (number: string) => string;
  /**
   * What the provider did, for the error when the ticket cannot be read: `Keliweb added the reply
   * to ticket 516757`.
   */
  readonly done: string;
}

/**
 * The ticket as it stands after a write the provider accepted: read back whole, or, should that
 * read fail, built from the write's own answer (`fallback`, where the answer holds the ticket).
 * The change is made either way, so a failed read never becomes an error that invites sending
 * it again: without a fallback it is UPSTREAM_ERROR, not retryable, saying the change was made.
 * Either ticket must be the one written, or it would be kept under the wrong ticket's id.
 */
export async function readBack(
  write: MadeWrite,
  read: () => Promise<Ticket>,
  fallback?: () => Ticket,
): Promise<Ticket> {
  const asked = (ticket: Ticket) => askedTicket(ticket, write.number, write.parseNumber);
  try {
    return asked(await read());
  } catch (failure) {
    if (fallback !== undefined) return asked(fallback());
    throw new UpstreamFailedError(
      `${write.done}, but reading the ticket back failed: read it again rather than repeating the change`,
      { provider: write.provider, retryable: false, cause: failure },
    );
  }
}

/**
 * One ticket read through the provider's own `fetchTickets` (one upstream call, counted by the
 * request's trace): the ticket, or its error thrown.
 */
export async function readOne(
  reader: Pick<Provider, 'fetchTickets'>,
  number: string,
  auth: Credential,
  trace?: CallTrace,
): Promise<Ticket> {
  const [result] = await reader.fetchTickets([number], auth, trace);
  if (result === undefined || result instanceof Error) throw result;
  return result;
}
