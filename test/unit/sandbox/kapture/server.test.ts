import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KAPTURE_SEED } from '../../../../src/sandbox/kapture/seed.js';
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

describe('kapture update-ticket-from-other-source', () => {
  const EXAMPLE = '713516551148';
  const update = (body: unknown, authorization: string | null = `Basic ${sandbox.keys.kapture}`) =>
    postJson(
      `${sandbox.urls.kapture}/update-ticket-from-other-source.html/v.2.0`,
      body,
      authorization === null ? {} : { authorization },
    );
  const read = async (id = EXAMPLE) => (await search({ ticket_ids: id })).body[0];
  const taskDate = /^\d\d-\d\d-\d{4} \d\d:\d\d$/;

  it('adds a comment sent with the ticket’s own sub-status, which later searches show, its state kept', async () => {
    const answer = await update([{ ticket_id: EXAMPLE, sub_status: 'PS', comment: 'Refund initiated 💸' }]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ticket: expect.objectContaining({
        id: 530348198,
        ticketId: EXAMPLE,
        status: 'P',
        substatus: 'PS',
        statusName: 'Pending',
        taskTitle: 'TEST 1',
        date: '2024-04-19 14:19:00',
        totalConversationCount: 1,
      }),
      status: 'success',
    });
    const ticket = await read();
    expect(ticket.task_details).toMatchObject({
      status: 'Pending',
      substatus: 'Pending',
      substatusKey: 'PS',
      taskEnddate: '',
      total_conversations: 1,
      lastConversationId: 1,
      lastConvesationTime: expect.stringMatching(taskDate),
    });
    expect(ticket.history.conversations).toEqual([
      {
        conversationId: 1,
        type: 'comment',
        direction: 'outbound',
        sender: 'API',
        message: 'Refund initiated 💸',
        createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      },
    ]);
    sandbox.reset();
    expect((await read()).history).toEqual({});
  });

  it('closes with CL, which later searches show closed with an end date, and reopens with P', async () => {
    expect((await update([{ ticket_id: EXAMPLE, sub_status: 'CL' }])).body.ticket).toMatchObject({
      status: 'CL',
      substatus: 'CL',
      statusName: 'Closed',
    });
    expect((await read()).task_details).toMatchObject({
      status: 'Closed',
      substatus: 'Closed',
      substatusKey: 'CL',
      taskEnddate: expect.stringMatching(taskDate),
      total_conversations: 0,
    });
    expect((await update([{ ticket_id: EXAMPLE, sub_status: 'P' }])).body.ticket.status).toBe('P');
    expect((await read()).task_details).toMatchObject({
      status: 'Pending',
      substatus: 'Pending',
      substatusKey: 'P',
      taskEnddate: '',
    });
  });

  it("closes a tenant's on-hold ticket (key OH) with an end date, and takes OH back", async () => {
    const onHold = '713746379202';
    await update([{ ticket_id: onHold, sub_status: 'CL' }]);
    expect((await read(onHold)).task_details).toMatchObject({
      status: 'Closed',
      taskEnddate: expect.stringMatching(taskDate),
    });
    expect((await update([{ ticket_id: onHold, sub_status: 'OH' }])).body.status).toBe('success');
    expect((await read(onHold)).task_details).toMatchObject({
      status: 'On Hold &amp; Waiting',
      substatusKey: 'OH',
    });
  });

  it('keeps the end date of a done ticket moved from Complete to Closed', async () => {
    const done = KAPTURE_SEED.find(
      (entry) => entry.owner === 'primary' && entry.ticket.task_details.status === 'Complete',
    )!.ticket.task_details;
    await update([{ ticket_id: done.ticketId, sub_status: 'CL' }]);
    expect((await read(done.ticketId)).task_details).toMatchObject({ status: 'Closed', taskEnddate: done.taskEnddate });
  });

  it('answers Invalid Json. with HTTP 200 for an object body, as the search does for an array', async () => {
    for (const body of [{ ticket_id: EXAMPLE, sub_status: 'CL' }, 'not json']) {
      expect(await update(body)).toMatchObject({ status: 200, body: { message: 'Invalid Json.', status: 'failed' } });
    }
  });

  it('answers the documented failures with HTTP 200, and changes nothing when any element fails', async () => {
    const other = sandbox.ticketNumbers('kapture', 'other')[0]!;
    const cases: [unknown, string | null, string][] = [
      [[{ ticket_id: EXAMPLE, sub_status: 'CL' }], null, 'Invalid Auth Key'],
      [[{ ticket_id: EXAMPLE, sub_status: 'CL' }], 'Basic bm9wZTpub3Bl', 'Invalid Auth Key'],
      [[], `Basic ${sandbox.keys.kapture}`, 'No Data found/ticket_id is missing'],
      [[{ sub_status: 'CL' }], `Basic ${sandbox.keys.kapture}`, 'No Data found/ticket_id is missing'],
      [
        [{ ticket_id: '999999999999', sub_status: 'CL' }],
        `Basic ${sandbox.keys.kapture}`,
        'No Data found/ticket_id is missing',
      ],
      [[{ ticket_id: other, sub_status: 'CL' }], `Basic ${sandbox.keys.kapture}`, 'No Data found/ticket_id is missing'],
      [[EXAMPLE], `Basic ${sandbox.keys.kapture}`, 'No Data found/ticket_id is missing'],
      [
        [{ ticket_id: EXAMPLE, sub_status: 'CL', callback_time: '23-04-2024 10:00' }],
        `Basic ${sandbox.keys.kapture}`,
        'Invalid Format.callback_date should be yyyy-MM-dd hh:mm:ss.',
      ],
      [
        [
          { ticket_id: EXAMPLE, sub_status: 'CL' },
          { ticket_id: EXAMPLE, sub_status: 'ZZ' },
        ],
        `Basic ${sandbox.keys.kapture}`,
        'Invalid sub_status',
      ],
      [[{ ticket_id: EXAMPLE, comment: 'no sub-status' }], `Basic ${sandbox.keys.kapture}`, 'Invalid sub_status'],
    ];
    for (const [body, authorization, message] of cases) {
      expect(await update(body, authorization)).toMatchObject({ status: 200, body: { message, status: 'failed' } });
    }
    expect((await read()).task_details).toMatchObject({
      status: 'Pending',
      substatusKey: 'PS',
      total_conversations: 0,
    });
    expect(
      (await update([{ ticket_id: other, sub_status: 'CL' }], `Basic ${sandbox.otherKeys.kapture}`)).body.status,
    ).toBe('success');
  });

  it('takes a callback_time in its documented format, and records every call with its body', async () => {
    const body = [{ ticket_id: EXAMPLE, sub_status: 'PS', comment: 'x', callback_time: '2024-04-24 10:00:00' }];
    expect((await update(body)).body.status).toBe('success');
    expect(sandbox.requests.map((entry) => [entry.path, JSON.parse(entry.body)])).toEqual([
      ['/update-ticket-from-other-source.html/v.2.0', body],
    ]);
  });

  it('answers an injected fault in the failure shape, without touching the ticket', async () => {
    sandbox.setFault('kapture', { status: 500, times: 1 });
    expect(await update([{ ticket_id: EXAMPLE, sub_status: 'CL' }])).toMatchObject({
      status: 500,
      body: { message: 'Internal Server Error', status: 'failed' },
    });
    expect((await read()).task_details.status).toBe('Pending');
  });
});

describe('kapture select-ticket-between-start-and-end-dates', () => {
  const pull = (body: unknown, authorization: string | null = `Basic ${sandbox.keys.kapture}`) =>
    postJson(
      `${sandbox.urls.kapture}/select-ticket-between-start-and-end-dates.html/v.2.0`,
      body,
      authorization === null ? {} : { authorization },
    );
  const day = (date: string, limit?: number) => [
    { start_date: date, end_date: date, ...(limit !== undefined && { limit }) },
  ];
  const idsOf = (body: { message: { ticketId: string }[] }) => body.message.map((item) => item.ticketId);

  it("answers a day's tickets oldest first, each as its task_details fields flat, in the documented envelope", async () => {
    const { status, headers, body } = await pull(day('2026-03-04'));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(Object.keys(body).sort()).toEqual(['message', 'status', 'totalCount']);
    expect(body).toMatchObject({ totalCount: null, status: 'success' });
    expect(body.message.map((item: { date: string }) => item.date)).toEqual([
      '04-03-2026 00:00',
      '04-03-2026 00:17',
      '04-03-2026 07:55',
      '04-03-2026 10:40',
      '04-03-2026 14:05',
      '04-03-2026 14:05',
      '04-03-2026 17:30',
      '04-03-2026 21:10',
      '04-03-2026 23:30',
    ]);
    expect(Object.keys(body.message[0])).toEqual(TASK_FIELDS);
    const [found] = (await search({ ticket_ids: body.message[0].ticketId })).body;
    expect(body.message[0]).toEqual(found.task_details);
  });

  it("includes the next day's midnight: the empty 7th answers the 8th's 00:00 ticket, the 3rd the 4th's", async () => {
    expect(idsOf((await pull(day('2026-03-07'))).body)).toEqual(['713721495734']);
    const third = idsOf((await pull(day('2026-03-03'))).body);
    expect(third).toHaveLength(8);
    expect(third.at(-1)).toBe('713643923164');
    expect(idsOf((await pull(day('2026-03-04'))).body)[0]).toBe('713643923164');
    expect((await pull(day('2026-03-10'))).body).toEqual({ totalCount: null, message: [], status: 'success' });
  });

  it("answers at most `limit` tickets, the oldest, and only the key's tenant's", async () => {
    expect(idsOf((await pull(day('2026-03-04', 2))).body)).toEqual(['713643923164', '713647003875']);
    const mine = idsOf((await pull(day('2026-03-04'))).body);
    const theirs = idsOf((await pull(day('2026-03-04'), `Basic ${sandbox.otherKeys.kapture}`)).body);
    expect(theirs).toEqual(['713662556081']);
    expect(mine).not.toContain('713662556081');
  });

  it('answers the failures with HTTP 200', async () => {
    const key = `Basic ${sandbox.keys.kapture}`;
    const cases: [unknown, string | null, string][] = [
      [day('2026-03-04'), null, 'Invalid Auth Key'],
      [day('2026-03-04'), 'Basic bm9wZTpub3Bl', 'Invalid Auth Key'],
      [day('2026-03-04'), `Bearer ${sandbox.keys.kapture}`, 'Invalid Auth Key'],
      [{ start_date: '2026-03-04', end_date: '2026-03-04' }, key, 'Invalid Json.'],
      ['not json', key, 'Invalid Json.'],
      [[], key, 'Invalid Json.'],
      [[...day('2026-03-04'), ...day('2026-03-05')], key, 'Invalid Json.'],
      [['2026-03-04'], key, 'Invalid Json.'],
      [[{ end_date: '2026-03-04' }], key, 'either start_date is null or blank'],
      [[{ start_date: '2026-03-04', end_date: ' ' }], key, 'either end_date is null or blank'],
      [day('2026-02-30'), key, 'Invalid Format.start_date should be yyyy-MM-dd.'],
      [[{ start_date: '2026-03-04', end_date: '04-03-2026' }], key, 'Invalid Format.end_date should be yyyy-MM-dd.'],
      [[{ start_date: '2026-03-04', end_date: '2026-03-05' }], key, 'Date range should be within 24 hours.'],
      [[{ start_date: '2026-03-05', end_date: '2026-03-04' }], key, 'Date range should be within 24 hours.'],
      [day('2026-03-04', 0), key, 'Invalid Format.limit should be a positive number.'],
      [
        [{ start_date: '2026-03-04', end_date: '2026-03-04', limit: '5' }],
        key,
        'Invalid Format.limit should be a positive number.',
      ],
    ];
    for (const [body, authorization, message] of cases) {
      const answer = await pull(body, authorization);
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 200, body: { message, status: 'failed' } });
    }
  });

  it('places a ticket whose dates are epoch digits on its day, as sent', async () => {
    const { body } = await pull(day('2026-03-19'));
    expect(body.message.map((item: { ticketId: string; date: string }) => [item.ticketId, item.date])).toEqual([
      ['713755665703', '1773916800'],
    ]);
  });

  it("answers an injected fault with the fault's code as its message", async () => {
    sandbox.setFault('kapture', { status: 403, code: 'Invalid Auth Key', times: 1 });
    expect(await pull(day('2026-03-04'))).toMatchObject({
      status: 403,
      body: { message: 'Invalid Auth Key', status: 'failed' },
    });
  });

  it('records every call with its body, and answers an injected fault in the failure shape', async () => {
    sandbox.setFault('kapture', { status: 500, times: 1 });
    expect(await pull(day('2026-03-04'))).toMatchObject({
      status: 500,
      body: { message: 'Internal Server Error', status: 'failed' },
    });
    expect((await pull(day('2026-03-04'))).status).toBe(200);
    expect(sandbox.requests.map((entry) => [entry.path, JSON.parse(entry.body)])).toEqual([
      ['/select-ticket-between-start-and-end-dates.html/v.2.0', day('2026-03-04')],
      ['/select-ticket-between-start-and-end-dates.html/v.2.0', day('2026-03-04')],
    ]);
  });
});
