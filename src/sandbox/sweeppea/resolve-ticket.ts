import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { sweeppeaError } from './errors.js';
import { objectId } from './object-id.js';
import { SWEEPPEA_KEY_HOLDERS, SWEEPPEA_USER_TOKENS, type SweeppeaTicket } from './seed.js';

/**
 * `POST /tickets/resolve` `{CaseId}`: closes an open ticket of the key's tenant, adding a closing
 * note and a `resolve` statistic (docs/providers/sweeppea.md, Writes). A missing ticket, another
 * tenant's and a closed one get the one documented 404.
 */
export function resolveTicket(call: SandboxCall, store: TicketStore<SweeppeaTicket>): SandboxReply {
  const token = authorizationToken(call.headers.authorization, 'Bearer');
  if (token === undefined) return sweeppeaError(401, 'Invalid or Missing Bearer Token');
  const owner = ownerOfKey('sweeppea', token);
  if (owner === undefined) return sweeppeaError(403, 'Invalid API Token');

  const body = parseJsonBody(call.body);
  const caseId = isJsonObject(body) && typeof body.CaseId === 'string' ? body.CaseId.trim() : '';
  if (caseId === '') return sweeppeaError(400, 'Missing Required Field: CaseId is required');

  const entry = store.get(caseId);
  if (!entry || entry.owner !== owner || entry.ticket.Status) {
    return sweeppeaError(404, 'Ticket Not Found or Already Closed');
  }
  const ticket = entry.ticket;
  const now = new Date().toISOString();
  ticket.Status = true;
  ticket.CloseDate = now;
  // ClosedBy's type is undocumented; the documented ones are display names, so the key holder's name.
  ticket.ClosedBy = SWEEPPEA_KEY_HOLDERS[owner];
  ticket.Completion = 100;
  ticket.Notes.push({ Id: objectId(), Date: now, Note: `Ticket resolved by ${ticket.ClosedBy} via the API.` });
  ticket.Statistics.push({ Id: objectId(), Date: now, UserToken: SWEEPPEA_USER_TOKENS[owner], Action: 'resolve' });
  const { CaseNumber, Subject, Status, CloseDate, ClosedBy } = ticket;
  return {
    status: 200,
    body: {
      Response: true,
      Message: 'Ticket Resolved Successfully',
      Data: { CaseNumber, Subject, Status, CloseDate, ClosedBy },
    },
  };
}
