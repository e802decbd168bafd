import { DateTime } from 'luxon';
import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { ON_HOLD_STATE } from './answer-seed.js';
import { kaptureFailure } from './errors.js';
import { historyDate, KAPTURE_STATES, type KaptureTicket, taskDate, taskMillis } from './seed.js';

type State = readonly [status: string, substatus: string];

/**
 * The sub-status keys the sandbox takes: the documented read example's, and the update document's `P` (pending) and
 * `CL` (closed), and the tenant's own `OH`. Any other is refused with a failure of the sandbox's own (Kapture
 * documents none).
 */
const SUB_STATUSES = new Map<string, State>([
  ['P', ['Pending', 'Pending']],
  ...[...KAPTURE_STATES.open, ON_HOLD_STATE, ...KAPTURE_STATES.done].map(
    ([status, substatus, key]) => [key, [status, substatus]] as const,
  ),
]);
/** The one-letter status codes of the update's answer (docs/providers/kapture.md, Writes). */
const STATUS_CODES: Readonly<Record<string, string>> = { Pending: 'P', Complete: 'C', Closed: 'CL' };
/** The keys of done tickets: a ticket under any other (a tenant's `OH`, a bare `P`) is open. */
const DONE_KEYS = new Set<string>(KAPTURE_STATES.done.map(([, , key]) => key));
const NO_DATA = 'No Data found/ticket_id is missing';
const CALLBACK_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

interface Change {
  readonly ticket: KaptureTicket;
  readonly subStatus: string;
  readonly state: State;
  readonly comment: string;
}

/**
 * `POST /update-ticket-from-other-source.html/v.2.0`: a JSON **array** of `{ticket_id,
 * sub_status, comment?, callback_time?}` (docs/providers/kapture.md, Writes). Every element is
 * checked before any is applied; each sets its ticket's sub-status (and status, and end date) and
 * adds its comment to `history`, as later searches show. Answers the last ticket changed.
 */
export function updateTicket(call: SandboxCall, store: TicketStore<KaptureTicket>): SandboxReply {
  const owner = ownerOfKey('kapture', authorizationToken(call.headers.authorization, 'Basic'));
  if (owner === undefined) return kaptureFailure('Invalid Auth Key');
  const body = parseJsonBody(call.body);
  // The search refuses an array with "Invalid Json."; the update, whose body is an array, refuses an object so.
  if (!Array.isArray(body)) return kaptureFailure('Invalid Json.');
  const changes: Change[] = [];
  for (const item of body) {
    if (!isJsonObject(item)) return kaptureFailure(NO_DATA);
    const id = typeof item.ticket_id === 'string' || typeof item.ticket_id === 'number' ? String(item.ticket_id) : '';
    const entry = store.get(id.trim());
    if (!entry || entry.owner !== owner) return kaptureFailure(NO_DATA);
    const callback = typeof item.callback_time === 'string' ? item.callback_time.trim() : '';
    if (callback !== '' && !CALLBACK_TIME.test(callback)) {
      return kaptureFailure('Invalid Format.callback_date should be yyyy-MM-dd hh:mm:ss.');
    }
    const subStatus = typeof item.sub_status === 'string' ? item.sub_status.trim() : '';
    const state = SUB_STATUSES.get(subStatus);
    if (state === undefined) return kaptureFailure('Invalid sub_status');
    const comment = typeof item.comment === 'string' ? item.comment : '';
    changes.push({ ticket: entry.ticket, subStatus, state, comment });
  }
  if (changes.length === 0) return kaptureFailure(NO_DATA);
  const now = Date.now();
  for (const change of changes) apply(change, now);
  return { status: 200, body: { ticket: answered(changes.at(-1)!.ticket), status: 'success' } };
}

function apply({ ticket, subStatus, state: [status, substatus], comment }: Change, now: number): void {
  const details = ticket.task_details;
  const wasOpen = !DONE_KEYS.has(details.substatusKey);
  details.status = status;
  details.substatus = substatus;
  details.substatusKey = subStatus;
  details.lastFollowUp = taskDate(now);
  if (status === 'Pending') details.taskEnddate = '';
  else if (wasOpen) details.taskEnddate = taskDate(now);
  if (comment.trim() === '') return;
  const conversationId = details.lastConversationId + 1;
  ticket.history.conversations = [
    ...(ticket.history.conversations ?? []),
    {
      conversationId,
      type: 'comment',
      direction: 'outbound',
      sender: 'API',
      message: comment,
      createdDate: historyDate(now),
    },
  ];
  details.lastConversationId = conversationId;
  details.total_conversations += 1;
  details.lastConvesationTime = taskDate(now);
}

/** The ticket as the update's documented answer names its fields (a few of them), not the search's. */
function answered(ticket: KaptureTicket): Record<string, unknown> {
  const details = ticket.task_details;
  const read = (date: string) => DateTime.fromMillis(taskMillis(date), { zone: 'Asia/Kolkata' });
  return {
    id: details.taskId,
    type: 'O',
    email: details.email,
    phone: details.phone,
    status: STATUS_CODES[details.status] ?? details.status,
    orderId: details.orderId,
    queueKey: details.queueKey,
    ticketId: details.ticketId,
    folderId: details.folderId,
    detail: details.detail,
    contactId: details.contactId,
    substatus: details.substatusKey,
    ticketEmail: details.ticketEmail,
    assignedToId: details.assignedId,
    statusName: details.status,
    lastConversationId: details.lastConversationId,
    lastConversationTime: read(details.lastConvesationTime).toMillis(),
    date: read(details.date).toFormat('yyyy-MM-dd HH:mm:ss'),
    totalConversationCount: details.total_conversations,
    taskTitle: details.title,
  };
}
