import type { UpstreamClient, UpstreamResponse } from '../../../upstream/types.js';
import { checkShape } from '../../kit/check-shape.js';
import { shapeError } from '../../kit/shape-error.js';
import {
  type HostupV2Answer,
  type HostupV2Message,
  hostupV2MessageShape,
  hostupV2TicketShape,
  hostupV2WrappedShape,
  isWrapped,
} from './payload.js';
import { type HostupV2Page, hostupV2PageShape } from './list-payload.js';
import { type HostupV2Call, isProblem, listProblemError, problemError } from './problem.js';

/** docs/providers/hostup.md, v2 endpoints. */
const TICKETS = '/api/v2/support/tickets';

/** One call to the v2 API. */
interface HostupV2Request {
  readonly method: 'GET' | 'POST';
  /** Under `/api/v2/support/tickets/{ref}`: '' for the ticket, `/messages`, `/actions/close`. */
  readonly route: string;
  /** The public id (`tkt_…`), or the number (accepted "during migration"). */
  readonly ref: string;
  readonly token: string;
  /** Sent as JSON. */
  readonly body?: object;
}

/**
 * `GET /api/v2/support/tickets/{ref}` with the Bearer token: the whole answer, validated.
 * `number` names the ticket in errors when `ref` is its public id.
 */
export async function getTicketV2(
  http: UpstreamClient,
  ref: string,
  token: string,
  number: string = ref,
): Promise<HostupV2Answer> {
  const response = await send(http, { method: 'GET', route: '', ref, token });
  if (!isSuccess(response.status)) throw problemError(response, 'read', number);
  const answer = ticketAnswer(response);
  if (answer.success) return answer.data;
  // docs/providers/hostup.md: check the body, not only the status: a problem document is an error whatever the status.
  if (isProblem(response.body)) throw problemError(response, 'read', number);
  throw shapeError(`HostUp answered ticket ${number}`, answer.error, {
    provider: 'hostup',
    upstreamStatus: response.status,
  });
}

/**
 * `POST …/{ref}/messages` `{message, encrypted: false}`: a reply as the token's customer; 201
 * with the message. A write: the upstream client never sends it again once it may have arrived.
 * The message, or undefined when the answer (the reply being made) cannot be read as one.
 */
export async function postMessage(
  http: UpstreamClient,
  ref: string,
  message: string,
  token: string,
  number: string,
): Promise<HostupV2Message | undefined> {
  const body = { message, encrypted: false };
  const response = await write(http, { method: 'POST', route: '/messages', ref, token, body }, 'reply', number);
  const answer = checkShape(hostupV2MessageShape, response.body);
  return answer.success ? answer.data : undefined;
}

/**
 * `POST …/{ref}/actions/{close|reopen}`, no body. Reopen answers the refreshed ticket; close is
 * inferred from it (docs/providers/hostup.md, unconfirmed). The ticket the answer holds, or
 * undefined when it holds none.
 */
export async function postAction(
  http: UpstreamClient,
  ref: string,
  action: 'close' | 'reopen',
  token: string,
  number: string,
): Promise<HostupV2Answer | undefined> {
  const response = await write(http, { method: 'POST', route: `/actions/${action}`, ref, token }, action, number);
  const answer = ticketAnswer(response);
  return answer.success ? answer.data : undefined;
}

/** One call of the list: how many tickets, from where, and the status filter when there is one. */
export interface HostupV2PageRequest {
  /** 1 to MAX_LIST_LIMIT. */
  readonly limit: number;
  /** The `nextCursor` of an earlier page; null for the first page. */
  readonly cursor: string | null;
  readonly status?: 'closed';
}

/**
 * `GET /api/v2/support/tickets?limit=&cursor=&status=` with the Bearer token (docs/providers/hostup.md,
 * Lists): the page, validated. An error status or a problem document in the body throws
 * (listProblemError), as does a page of another shape (UPSTREAM_INVALID_RESPONSE).
 */
export async function getTicketPage(
  http: UpstreamClient,
  request: HostupV2PageRequest,
  token: string,
): Promise<HostupV2Page> {
  const query = new URLSearchParams({ limit: String(request.limit) });
  if (request.cursor !== null) query.set('cursor', request.cursor);
  if (request.status !== undefined) query.set('status', request.status);
  const response = await http.request({
    method: 'GET',
    path: `${TICKETS}?${query}`,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (!isSuccess(response.status) || isProblem(response.body)) throw listProblemError(response);
  const page = checkShape(hostupV2PageShape, response.body);
  if (page.success) return page.data;
  throw shapeError('HostUp answered the ticket list', page.error, {
    provider: 'hostup',
    upstreamStatus: response.status,
  });
}

/** A write, refused or failed by its status or by a problem document in its body. */
async function write(
  http: UpstreamClient,
  request: HostupV2Request,
  call: Exclude<HostupV2Call, 'read'>,
  number: string,
): Promise<UpstreamResponse> {
  const response = await send(http, request, true);
  if (!isSuccess(response.status) || isProblem(response.body)) throw problemError(response, call, number);
  return response;
}

function send(http: UpstreamClient, request: HostupV2Request, write = false): Promise<UpstreamResponse> {
  return http.request({
    method: request.method,
    path: `${TICKETS}/${encodeURIComponent(request.ref)}${request.route}`,
    headers: {
      authorization: `Bearer ${request.token}`,
      accept: 'application/json',
      ...(request.body && { 'content-type': 'application/json' }),
    },
    ...(request.body && { body: JSON.stringify(request.body) }),
    ...(write && { write: true }),
  });
}

/** The ticket document of an answer, bare or under `data`. */
function ticketAnswer(response: UpstreamResponse) {
  return isWrapped(response.body)
    ? checkShape<HostupV2Answer>(hostupV2WrappedShape, response.body)
    : checkShape<HostupV2Answer>(hostupV2TicketShape, response.body);
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;
