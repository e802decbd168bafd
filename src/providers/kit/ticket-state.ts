import { TicketClosedError } from '../../domain/errors.js';
import type { ProviderName, TicketStatus } from '../../domain/model.js';

/**
 * The statuses a reopen would leave as they are: a ticket read so is open already, and is
 * answered as it stands with nothing sent. UNKNOWN is not among them: its provider judges.
 */
export const READS_OPEN: ReadonlySet<TicketStatus> = new Set(['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ON_HOLD']);

/** A close of a ticket the request just read as CLOSED: refused before anything is sent. */
export function closedAlready(provider: ProviderName, displayName: string, number: string): TicketClosedError {
  return new TicketClosedError(`${displayName} ticket ${number} is closed already`, { provider });
}
