import type { TicketPriority, TicketStatus } from '../../domain/model.js';
import { wordTable } from '../kit/word-table.js';

/**
 * Legacy HostBill words (Open, Answered, Client-Reply, In-Progress, On-Hold, Closed) and the v2
 * API's (open, answered, customer_reply, …); the table folds case and -/_/space (wordKey).
 * docs/providers/hostup.md, Value sets. Anything else (v2's own `unknown` too) is UNKNOWN.
 */
export const HOSTUP_STATUSES = wordTable<TicketStatus>({
  open: 'OPEN',
  // Staff answered: the next move is the customer's.
  answered: 'WAITING_ON_CUSTOMER',
  // The customer wrote last: the ticket waits on staff, which is what OPEN means here.
  client_reply: 'OPEN',
  customer_reply: 'OPEN',
  in_progress: 'IN_PROGRESS',
  on_hold: 'ON_HOLD',
  closed: 'CLOSED',
});

/** Legacy Low/Medium/High/Urgent; the v2 API adds `critical`, which the model has as URGENT. */
export const HOSTUP_PRIORITIES = wordTable<TicketPriority>({
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  urgent: 'URGENT',
  critical: 'URGENT',
});
