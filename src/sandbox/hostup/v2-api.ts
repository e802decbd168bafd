import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TenantOwner } from '../types.js';
import type { HostupTicket } from './seed.js';
import { methodNotAllowed, problem, routeNotFound } from './v2-errors.js';
import { getTicket, listTickets } from './v2-reads.js';
import type { HostupV2State } from './v2-state.js';
import { postClose, postMessage, postReopen } from './v2-writes.js';

/** What a v2 route does with the ticket `{id}` names, once the call may see it. */
type TicketRoute = (call: SandboxCall, ticket: HostupTicket, state: HostupV2State) => SandboxReply;

/** The routes under `/api/v2/support/tickets/{id}`, by what follows the id, with their method. */
const TICKET_ROUTES: Readonly<Record<string, { method: 'GET' | 'POST'; serve: TicketRoute }>> = {
  '': { method: 'GET', serve: (_call, ticket, state) => getTicket(ticket, state) },
  '/messages': { method: 'POST', serve: postMessage },
  '/actions/close': { method: 'POST', serve: postClose },
  '/actions/reopen': { method: 'POST', serve: postReopen },
};

const LIST = '/api/v2/support/tickets';
const TICKET = /^\/api\/v2\/support\/tickets\/([^/]+)(\/.*)?$/;

/**
 * HostUp's v2 API (docs/providers/hostup.md): `Authorization: Bearer` with the HostUp key, JSON in
 * camelCase, RFC 7807 problem documents for errors. A route it lacks is 404 `route_not_found`, a
 * method a route lacks 405, both before the token is looked at; then 401, then the ticket.
 */
export function handleV2(call: SandboxCall, state: HostupV2State): SandboxReply {
  const match = TICKET.exec(call.pathname);
  const route = match ? TICKET_ROUTES[match[2] ?? ''] : undefined;
  if (call.pathname !== LIST && route === undefined) return routeNotFound(call.method, call.pathname);
  const method = route?.method ?? 'GET';
  if (call.method !== method) return methodNotAllowed(call.pathname, method);
  const authorization = call.headers.authorization;
  const owner = ownerOfKey('hostup', authorizationToken(authorization, 'Bearer'));
  if (owner === undefined) return problem(401, call.pathname);
  if (route === undefined || match?.[1] === undefined) return listTickets(call, owner, state);
  const ticket = ticketOf(match[1], owner, state);
  // Another tenant's ticket answers exactly like a missing one, so existence is not revealed.
  return ticket ? route.serve(call, ticket, state) : problem(404, call.pathname);
}

/** The ticket `{id}` names for `owner`: its public id, or its number ("during migration"). */
function ticketOf(segment: string, owner: TenantOwner, state: HostupV2State): HostupTicket | undefined {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  const number = /^\d{1,15}$/.test(id) ? String(Number(id)) : state.numberOf.get(id);
  const entry = number === undefined ? undefined : state.store.get(number);
  return entry?.owner === owner ? entry.ticket : undefined;
}
