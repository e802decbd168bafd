import { STATUS_COLORS } from './seed-text.js';
import { gravatar, type HostupReply, type HostupTicket, local, NEVER } from './seed.js';

/**
 * The changes the v2 API's writes make, made to the legacy record both APIs serve, as HostBill
 * records them: the legacy API then shows them too.
 */

/** Sets a HostBill status and the colour HostBill shows it in; `lastupdate` is now. */
function setStatus(ticket: HostupTicket, status: string, at: number): void {
  ticket.status = status;
  ticket.status_color = STATUS_COLORS[status] ?? '#999999';
  ticket.lastupdate = local(at);
}

/** The customer's reply, as HostBill stores one a client wrote: the ticket waits on staff again. */
export function addCustomerReply(ticket: HostupTicket, body: string, id: string, at: number): HostupReply {
  const reply: HostupReply = {
    id,
    ticket_id: ticket.id,
    replier_id: ticket.client_id,
    name: ticket.name,
    email: ticket.email,
    date: local(at),
    lastedit: NEVER,
    editby: '0',
    body,
    status: 'Client-Reply',
    type: 'Client',
    flags: 0,
    senderip: '',
    rating: '0',
    rate_date: NEVER,
    from: ticket.email,
    gravatar: gravatar(ticket.email),
  };
  ticket.replies.push(reply);
  ticket.lastreply = reply.date;
  ticket.admin_read = '0';
  ticket.client_read = '1';
  setStatus(ticket, 'Client-Reply', at);
  return reply;
}

/** Closed now: HostBill sets `resolve_date`. */
export function closeTicket(ticket: HostupTicket, at: number): void {
  setStatus(ticket, 'Closed', at);
  ticket.resolve_date = local(at);
}

/** Open again; HostBill keeps the old `resolve_date` (docs/providers/hostup.md, Answer shapes). */
export function reopenTicket(ticket: HostupTicket, at: number): void {
  setStatus(ticket, 'Open', at);
}
