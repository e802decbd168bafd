import type { TicketStore } from '../ticket-store.js';
import type { HostupTicket } from './seed.js';

/** What the v2 routes share with the legacy API: the same tickets, and what only v2 shows. */
export interface HostupV2State {
  /** The legacy records, keyed by number: every change is made to them. */
  readonly store: TicketStore<HostupTicket>;
  /** The number of each ticket, by its public id (`tkt_…`). */
  readonly numberOf: ReadonlyMap<string, string>;
  /** The ids of the replies posted with `encrypted: true`, which HostBill's records cannot hold. */
  readonly encrypted: Set<string>;
  /** An id for a new reply, never used before since the last reset. */
  nextReplyId(): string;
}
