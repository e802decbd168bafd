import { checkShape } from '../kit/check-shape.js';
import { NotFoundError, UpstreamFailedError, type TicketGraphError } from '../../domain/errors.js';
import { FormData } from 'undici';
import type { UpstreamClient } from '../../upstream/types.js';
import { shapeError } from '../kit/shape-error.js';
import { statusError } from '../kit/status-error.js';
import { keliwebErrorShape, keliwebTicketShape, type KeliwebTicket } from './payload.js';

const provider = 'keliweb';
export const GET_TICKET_PATH = '/api/v2/keliweb/get-ticket';
/** docs/providers/keliweb.md: WHMCS's answer when no ticket has that number, with HTTP 200. */
const NOT_FOUND_MESSAGE = 'ticket id not found';

/**
 * `POST /api/v2/keliweb/get-ticket` with the multipart form of the seed: `ticketnum` (the number
 * users see) and `repliessort`. Returns the whole WHMCS answer, validated.
 */
export async function getTicket(http: UpstreamClient, number: string, accessToken: string): Promise<KeliwebTicket> {
  // undici's FormData, the type UpstreamRequest takes; undici encodes it as multipart/form-data.
  const form = new FormData();
  form.append('ticketnum', number);
  // The mapper orders replies itself; ASC is WHMCS's default, sent explicitly as the seed documents it.
  form.append('repliessort', 'ASC');
  const response = await http.request({
    method: 'POST',
    path: GET_TICKET_PATH,
    // X-Requested-With as the seed sends it: it makes Laravel answer a bad token with a JSON 401
    // instead of redirecting to a login page. No content-type: undici sets it with the boundary.
    headers: { authorization: `Bearer ${accessToken}`, 'x-requested-with': 'XMLHttpRequest' },
    body: form,
  });
  const details = { provider, upstreamStatus: response.status } as const;
  // docs/providers/keliweb.md: check the body, not only the status: WHMCS errors come with HTTP 200.
  const failure = checkShape(keliwebErrorShape, response.body);
  if (failure.success) throw whmcsError(failure.data.message, number, response.status);
  // Laravel Passport answers a missing, expired or revoked token with 401 `{"message":"Unauthenticated."}`;
  // a 404 is Laravel's "route not found".
  if (response.status < 200 || response.status >= 300) {
    throw statusError(response, provider, {
      refused: 'Keliweb rejected the access token',
      noEndpoint: 'Keliweb has no get-ticket endpoint at the configured base URL',
      failed: `Keliweb failed to read ticket ${number}`,
    });
  }
  const parsed = checkShape(keliwebTicketShape, response.body);
  if (!parsed.success) {
    throw shapeError(`Keliweb answered ticket ${number}`, parsed.error, details);
  }
  return parsed.data;
}

/** The gateway's own words for a WHMCS error; the upstream message is only compared, never shown. */
function whmcsError(message: unknown, number: string, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: status } as const;
  if (typeof message === 'string' && message.trim().toLowerCase() === NOT_FOUND_MESSAGE) {
    return new NotFoundError(`Keliweb has no ticket ${number}`, details);
  }
  return new UpstreamFailedError(`Keliweb reported an error reading ticket ${number}`, {
    ...details,
    retryable: status >= 500,
  });
}
