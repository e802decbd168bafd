import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { sweeppeaError } from './errors.js';
import type { SweeppeaTicket } from './seed.js';

/** `POST /tickets/fetchSingleTicket` `{caseNumber}`: the ticket must belong to the key's tenant. */
export function fetchSingleTicket(call: SandboxCall, store: TicketStore<SweeppeaTicket>): SandboxReply {
  const token = authorizationToken(call.headers.authorization, 'Bearer');
  if (token === undefined) return sweeppeaError(401, 'Invalid or Missing Bearer Token');
  const owner = ownerOfKey('sweeppea', token);
  if (owner === undefined) return sweeppeaError(403, 'Invalid API Token');

  const body = parseJsonBody(call.body);
  // Case numbers are strings ("HYXTNJV"); any other type counts as missing.
  const caseNumber = isJsonObject(body) && typeof body.caseNumber === 'string' ? body.caseNumber : '';
  if (caseNumber === '') return sweeppeaError(400, 'Missing caseNumber');

  const entry = store.get(caseNumber);
  // Documented as one message for both: another tenant's ticket is indistinguishable from none.
  if (!entry || entry.owner !== owner) return sweeppeaError(404, 'Ticket Not Found or Access Denied');
  return { status: 200, body: { Response: true, Data: entry.ticket } };
}
