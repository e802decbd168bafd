import { DateTime } from 'luxon';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import { whmcsError } from './errors.js';
import { formFields } from './form-fields.js';
import type { KeliwebReply, KeliwebTicket } from './seed.js';

/** docs/providers/keliweb.md: WHMCS dates are `Y-m-d H:i:s`, Europe/Rome, no zone. */
const now = (): string => DateTime.now().setZone('Europe/Rome').toFormat('yyyy-MM-dd HH:mm:ss');

/**
 * `POST /api/v2/keliweb/add-ticket-reply` with form fields `ticketid` (the internal id) and
 * `message`, as WHMCS `AddTicketReply` (docs/providers/keliweb.md, Writes): the reply is added as
 * the API's user, the tenant's client account, and the ticket becomes `Customer-Reply`, a closed
 * one included, as WHMCS reopens a ticket its client answers. Later get-ticket reads show both.
 * The optional fields (`markdown`, `contactid`, `name`, `email`, `attachments`) are ignored.
 */
export async function addTicketReply(
  call: SandboxCall,
  store: TicketStore<KeliwebTicket>,
  owner: TenantOwner,
): Promise<SandboxReply> {
  const fields = await formFields(call);
  const ticketid = fields.get('ticketid')?.trim() ?? '';
  const entry = ticketid === '' ? undefined : store.find((ticket) => ticket.ticketid === ticketid);
  // AddTicketReply's own spelling, "not found" (GetTicket's is "Not Found").
  if (!entry || entry.owner !== owner) return whmcsError('Ticket ID not found');
  const message = fields.get('message') ?? '';
  if (message.trim() === '') return whmcsError('Message is required');

  const ticket = entry.ticket;
  const date = now();
  const replyid = Math.max(...ticket.replies.reply.map((reply) => Number(reply.replyid))) + 1;
  // A client's reply, as the documented reply "2": the ticket's user, no name or e-mail of its own.
  const reply: KeliwebReply = {
    replyid: String(replyid),
    userid: ticket.userid,
    contactid: '0',
    name: '',
    email: '',
    date,
    message,
    attachment: '',
    admin: '',
    rating: '0',
  };
  ticket.replies.reply.push(reply);
  ticket.lastreply = date;
  ticket.status = 'Customer-Reply';
  return { status: 200, body: { result: 'success' } };
}
