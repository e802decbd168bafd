import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { updateError } from './errors.js';
import { objectId } from './object-id.js';
import { SWEEPPEA_USER_TOKENS, type SweeppeaTicket } from './seed.js';

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 20_000;

/** A field counts as given when it is a non-blank string; blank strings would erase the ticket's text. */
function givenText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `POST /tickets/update` `{CaseId, Title?, Description?}`: only open tickets of the key's tenant. */
export function updateTicket(call: SandboxCall, store: TicketStore<SweeppeaTicket>): SandboxReply {
  const token = authorizationToken(call.headers.authorization, 'Bearer');
  if (token === undefined) return updateError(401, 'Unauthorized: Missing token');
  const owner = ownerOfKey('sweeppea', token);
  // An unknown key on update is undocumented: the fetch endpoint's 403 message, without Code.
  if (owner === undefined) return updateError(403, 'Invalid API Token');

  const body = parseJsonBody(call.body);
  const input = isJsonObject(body) ? body : {};
  const caseId = typeof input.CaseId === 'string' ? input.CaseId.trim() : '';
  if (caseId === '') return updateError(400, 'CaseId is required');
  const title = givenText(input.Title);
  const description = givenText(input.Description);
  if (title === undefined && description === undefined) {
    return updateError(400, 'At least one field (Title or Description) must be provided');
  }
  // Limits are counted in JavaScript string length, as a Node service would.
  if (title !== undefined && title.length > MAX_TITLE) return updateError(400, 'Title must be at most 200 characters');
  if (description !== undefined && description.length > MAX_DESCRIPTION) {
    return updateError(400, 'Description must be at most 20,000 characters');
  }

  const entry = store.get(caseId);
  if (!entry) return updateError(404, 'Ticket not found');
  if (entry.owner !== owner) return updateError(403, 'You do not have permission to update this ticket');
  const ticket = entry.ticket;
  if (ticket.Status) return updateError(400, 'Cannot update closed ticket');

  if (title !== undefined) ticket.Subject = title;
  if (description !== undefined) ticket.Description = description;
  ticket.Statistics.push({
    Id: objectId(),
    Date: new Date().toISOString(),
    UserToken: SWEEPPEA_USER_TOKENS[owner],
    Action: 'update',
  });
  const { CaseNumber, Subject, Description, Priority, Status } = ticket;
  return {
    status: 200,
    body: {
      Response: true,
      Message: 'Ticket updated successfully',
      Ticket: { CaseNumber, Subject, Description, Priority, Status },
    },
  };
}
