import { isJsonObject, parseJsonBody } from '../json-body.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { HostupTicket } from './seed.js';
import { addCustomerReply, closeTicket, reopenTicket } from './ticket-changes.js';
import { type FieldProblem, problem } from './v2-errors.js';
import type { HostupV2State } from './v2-state.js';
import { detailOf, messageOf } from './v2-view.js';

/**
 * `POST /api/v2/support/tickets/{id}/messages` `{message, encrypted?}`: the customer's reply, 201
 * with the message. A closed ticket must be reopened first: 409 `ticket_closed`.
 */
export function postMessage(call: SandboxCall, ticket: HostupTicket, state: HostupV2State): SandboxReply {
  const body = parseJsonBody(call.body);
  const errors: FieldProblem[] = [];
  const message = isJsonObject(body) ? body.message : undefined;
  const encrypted = isJsonObject(body) ? body.encrypted : undefined;
  if (typeof message !== 'string' || message.trim() === '') {
    errors.push({ field: 'message', message: 'must be a non-empty string' });
  }
  if (encrypted !== undefined && typeof encrypted !== 'boolean') {
    errors.push({ field: 'encrypted', message: 'must be a boolean' });
  }
  if (errors.length > 0 || typeof message !== 'string') {
    return problem(400, call.pathname, { detail: 'The request body is invalid.', errors });
  }
  if (ticket.status === 'Closed') {
    return problem(409, call.pathname, { detail: 'The ticket is closed. Reopen it before sending a message.' });
  }
  const reply = addCustomerReply(ticket, message, state.nextReplyId(), Date.now());
  if (encrypted === true) state.encrypted.add(reply.id);
  return { status: 201, body: messageOf(ticket, reply, encrypted === true) };
}

/**
 * `POST …/{id}/actions/close` (inferred from reopen, docs/providers/hostup.md): answers the
 * refreshed ticket, as reopen does; a closed ticket is 409 `ticket_closed`.
 */
export function postClose(call: SandboxCall, ticket: HostupTicket, state: HostupV2State): SandboxReply {
  if (ticket.status === 'Closed') return problem(409, call.pathname, { detail: 'The ticket is closed already.' });
  closeTicket(ticket, Date.now());
  return { status: 200, body: detailOf(ticket, state.encrypted) };
}

/** `POST …/{id}/actions/reopen`: reopens a closed ticket and answers the refreshed ticket. */
export function postReopen(call: SandboxCall, ticket: HostupTicket, state: HostupV2State): SandboxReply {
  if (ticket.status !== 'Closed') {
    return problem(409, call.pathname, { code: 'ticket_not_closed', detail: 'Only a closed ticket can be reopened.' });
  }
  reopenTicket(ticket, Date.now());
  return { status: 200, body: detailOf(ticket, state.encrypted) };
}
