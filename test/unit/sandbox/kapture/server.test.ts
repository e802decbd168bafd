import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { postJson } from '../http-calls.js';

const TASK_FIELDS = [
  'date',
  'tat',
  'sla',
  'status',
  'nextFollowUp',
  'lastFollowUp',
  'taskId',
  'email',
  'phone',
  'lastSource',
  'lastConvesationTime',
  'title',
  'orderId',
  'primarySource',
  'ticketEmail',
  'folderId',
  'ticketId',
  'detail',
  'mergedTicketId',
  'contactId',
  'productId',
  'creatorId',
  'customerId',
  'assignedId',
  'creatorName',
  'priority',
  'attachment',
  'pendingTaskId',
  'ticketCloseEmpId',
  'assignedToName',
  'callBack',
  'queueKey',
  'customer_rating',
  'lastConversationId',
  'slaStatus',
  'queueName',
  'total_conversations',
  'disposition',
  'taskEnddate',
  'customer_feedback',
  'url',
  'substatus',
  'substatusKey',
  'assigneeCode',
  'ftr',
  'attachments',
];
const SEED_BODY = {
  ticket_ids: '713516551148',
  conversation_type: '',
  history_type: '',
  assigned: '',
  disposed: '',
  response: '',
  landing_queue: '',
  create: '',
  resolved: '',
  include_emailbody: '',
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const search = (body: unknown, authorization: string | null = `Basic ${sandbox.keys.kapture}`) =>
  postJson(
    `${sandbox.urls.kapture}/search-ticket-by-ticket-id.html/v.2.0`,
    body,
    authorization === null ? {} : { authorization },
  );

describe('kapture search-ticket-by-ticket-id', () => {
  it("answers the seed's request with the seed's ticket as a bare array", async () => {
    const { status, headers, body } = await search(SEED_BODY);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]).sort()).toEqual(['additional_info', 'history', 'task_details']);
    expect(Object.keys(body[0].task_details)).toEqual(TASK_FIELDS);
    expect(body[0].task_details).toMatchObject({
      ticketId: '713516551148',
      taskId: 530348198,
      date: '19-04-2024 14:19',
      status: 'Pending',
      substatusKey: 'PS',
      creatorName: 'Kapture Dev API&apos;s',
      url: 'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148',
    });
  });

  it("returns the tickets found and owned, in storage order; unknown ids and another tenant's are absent", async () => {
    const [a, b, c] = sandbox.ticketNumbers('kapture');
    const other = sandbox.ticketNumbers('kapture', 'other')[0]!;
    const { body } = await search({ ticket_ids: ` ${c},999999999999, ${a},${other},${b},${a}` });
    const found = body.map((ticket: { task_details: { ticketId: string; taskId: number } }) => ticket.task_details);
    expect(found.map((task: { ticketId: string }) => task.ticketId).sort()).toEqual([a, b, c].sort());
    const taskIds = found.map((task: { taskId: number }) => task.taskId);
    expect(taskIds).toEqual([...taskIds].sort((x, y) => x - y));
    for (const task of found) {
      expect(task.ticketId).toMatch(/^\d{12}$/);
      expect(task.date).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
      expect(['Pending', 'Complete', 'Closed']).toContain(task.status);
    }
    expect((await search({ ticket_ids: other }, `Basic ${sandbox.otherKeys.kapture}`)).body).toHaveLength(1);
  });

  it('answers an empty array when no id is found', async () => {
    expect(await search({ ticket_ids: '111111111111,222222222222' })).toMatchObject({ status: 200, body: [] });
  });

  it('answers Invalid Auth Key with HTTP 200 for a missing, unknown or non-Basic credential', async () => {
    for (const authorization of [null, 'Basic bm9wZTpub3Bl', `Bearer ${sandbox.keys.kapture}`]) {
      expect(await search(SEED_BODY, authorization)).toMatchObject({
        status: 200,
        body: { message: 'Invalid Auth Key', status: 'failed' },
      });
    }
  });

  it('answers Invalid Json. with HTTP 200 for an array or a body that is not JSON', async () => {
    for (const body of [[SEED_BODY], 'ticket_ids=713516551148', '']) {
      expect(await search(body)).toMatchObject({ status: 200, body: { message: 'Invalid Json.', status: 'failed' } });
    }
  });

  it('answers ticket_ids are missing. with HTTP 200 when the field is absent or empty', async () => {
    for (const body of [{}, { ticket_ids: '' }, { ticket_ids: ' , ' }, { ticket_id: '713516551148' }]) {
      expect(await search(body)).toMatchObject({
        status: 200,
        body: { message: 'ticket_ids are missing.', status: 'failed' },
      });
    }
  });
});
