import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { SWEEPPEA_SEED, SWEEPPEA_USER_TOKENS } from '../../../../src/sandbox/sweeppea/seed.js';
import { postJson } from '../http-calls.js';

const DATA_FIELDS = [
  'CaseNumber',
  'Date',
  'AccountInfo',
  'Subject',
  'Description',
  'Priority',
  'NotifyUsers',
  'Collaborators',
  'ClosedBy',
  'CloseDate',
  'Notes',
  'Files',
  'Survey',
  'Pin',
  'Views',
  'Completion',
  'ResourceAffected',
  'Documentation',
  'Statistics',
  'Status',
  'AttachmentInfo',
  'GitHubIssue',
];
const ACCOUNT_FIELDS = [
  'UserToken',
  'FullName',
  'Email',
  'MobileNumber',
  'UserType',
  'UserAgent',
  'IpAddress',
  'Language',
  'GeoLat',
  'GeoLon',
  'SweepstakesName',
];
const openPrimary = SWEEPPEA_SEED.filter((entry) => entry.owner === 'primary' && !entry.ticket.Status).map(
  (entry) => entry.ticket.CaseNumber,
);
const closedPrimary = SWEEPPEA_SEED.find((entry) => entry.owner === 'primary' && entry.ticket.Status)!.ticket
  .CaseNumber;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
const fetchTicket = (body: unknown, headers = bearer(sandbox.keys.sweeppea)) =>
  postJson(`${sandbox.urls.sweeppea}/tickets/fetchSingleTicket`, body, headers);
const update = (body: unknown, headers = bearer(sandbox.keys.sweeppea)) =>
  postJson(`${sandbox.urls.sweeppea}/tickets/update`, body, headers);
const resolve = (body: unknown, headers = bearer(sandbox.keys.sweeppea)) =>
  postJson(`${sandbox.urls.sweeppea}/tickets/resolve`, body, headers);

describe('sweeppea fetchSingleTicket', () => {
  it('answers the seed example with every documented field', async () => {
    const { status, headers, body } = await fetchTicket({ caseNumber: 'HYXTNJV' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.Response).toBe(true);
    expect(Object.keys(body.Data).sort()).toEqual([...DATA_FIELDS].sort());
    expect(Object.keys(body.Data.AccountInfo).sort()).toEqual([...ACCOUNT_FIELDS].sort());
    expect(body.Data).toMatchObject({
      CaseNumber: 'HYXTNJV',
      Date: '2025-01-26T10:00:00.000Z',
      Priority: 2,
      Status: false,
      ClosedBy: null,
    });
    expect(body.Data.Description).toMatch(/^<p>/);
    expect(body.Data.Notes[0]).toEqual({
      Id: expect.any(String),
      Date: '2025-01-26T11:00:00.000Z',
      Note: 'Investigating the issue...',
    });
  });

  it('serves closed tickets with ClosedBy and CloseDate', async () => {
    const { body } = await fetchTicket({ caseNumber: closedPrimary });
    expect(body.Data.Status).toBe(true);
    expect(body.Data.ClosedBy).toEqual(expect.any(String));
    expect(body.Data.CloseDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('answers 401 without a Bearer header and 403 for an unknown key', async () => {
    expect(await fetchTicket({ caseNumber: 'HYXTNJV' }, {})).toMatchObject({
      status: 401,
      body: { Response: false, Message: 'Invalid or Missing Bearer Token', Code: 401 },
    });
    expect(
      await fetchTicket({ caseNumber: 'HYXTNJV' }, { authorization: `Basic ${sandbox.keys.sweeppea}` }),
    ).toMatchObject({ status: 401 });
    expect(await fetchTicket({ caseNumber: 'HYXTNJV' }, bearer('not-a-key'))).toMatchObject({
      status: 403,
      body: { Response: false, Message: 'Invalid API Token', Code: 403 },
    });
  });

  it('answers 400 Missing caseNumber for an absent, empty or non-object body', async () => {
    for (const body of [{}, { caseNumber: '' }, [{ caseNumber: 'HYXTNJV' }], 'not json']) {
      expect(await fetchTicket(body)).toMatchObject({
        status: 400,
        body: { Response: false, Message: 'Missing caseNumber', Code: 400 },
      });
    }
  });

  it("answers 404 for an unknown ticket and for another tenant's ticket alike", async () => {
    const other = sandbox.ticketNumbers('sweeppea', 'other')[0]!;
    const notFound = {
      status: 404,
      body: { Response: false, Message: 'Ticket Not Found or Access Denied', Code: 404 },
    };
    expect(await fetchTicket({ caseNumber: '0000000' })).toMatchObject(notFound);
    expect(await fetchTicket({ caseNumber: other })).toMatchObject(notFound);
    expect(await fetchTicket({ caseNumber: other }, bearer(sandbox.otherKeys.sweeppea))).toMatchObject({ status: 200 });
  });

  it('serves one request at a time per endpoint: an overlapping call gets 503', async () => {
    sandbox.setLatency('sweeppea', 150);
    const answers = await Promise.all([fetchTicket({ caseNumber: 'HYXTNJV' }), fetchTicket({ caseNumber: 'HYXTNJV' })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 503]);
    expect(answers.find((answer) => answer.status === 503)!.body).toEqual({
      Response: false,
      Message: 'Service Unavailable: endpoint busy, retry with exponential backoff',
      Code: 503,
    });
    expect((await fetchTicket({ caseNumber: 'HYXTNJV' })).status).toBe(200);
    expect(sandbox.calls('sweeppea')).toBe(3);
  });

  it('lets the two endpoints serve one call each at the same time', async () => {
    sandbox.setLatency('sweeppea', 100);
    const answers = await Promise.all([
      fetchTicket({ caseNumber: 'HYXTNJV' }),
      update({ CaseId: 'HYXTNJV', Title: 'Still broken' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  });
});

describe('sweeppea update', () => {
  it('stores the change, answers the documented Ticket and appends an update statistic', async () => {
    const caseId = '2650478';
    const answer = await update({
      CaseId: caseId,
      Title: 'UPDATED: Issue with sweepstakes entry',
      Description: '<p>Both mobile and desktop — ça bloque 🚫</p>',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      Response: true,
      Message: 'Ticket updated successfully',
      Ticket: {
        CaseNumber: caseId,
        Subject: 'UPDATED: Issue with sweepstakes entry',
        Description: '<p>Both mobile and desktop — ça bloque 🚫</p>',
        Priority: expect.any(Number),
        Status: false,
      },
    });
    const { body } = await fetchTicket({ caseNumber: caseId });
    expect(body.Data.Subject).toBe('UPDATED: Issue with sweepstakes entry');
    expect(body.Data.Statistics.at(-1)).toEqual({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      Date: expect.any(String),
      UserToken: SWEEPPEA_USER_TOKENS.primary,
      Action: 'update',
    });
    sandbox.reset();
    expect((await fetchTicket({ caseNumber: caseId })).body.Data.Subject).toBe('Issue with sweepstakes entry');
  });

  it('updates only the fields given', async () => {
    const before = (await fetchTicket({ caseNumber: openPrimary[2]! })).body.Data;
    await update({ CaseId: openPrimary[2], Description: '<p>Nouvelle description</p>' });
    const after = (await fetchTicket({ caseNumber: openPrimary[2]! })).body.Data;
    expect(after).toMatchObject({ Subject: before.Subject, Description: '<p>Nouvelle description</p>' });
  });

  it('rejects an update of a closed ticket', async () => {
    expect(await update({ CaseId: closedPrimary, Title: 'Reopen please' })).toEqual({
      status: 400,
      headers: expect.anything(),
      body: { Response: false, Message: 'Cannot update closed ticket' },
    });
  });

  it('accepts a 200-character title and rejects 201 characters and a 20,001-character description', async () => {
    expect((await update({ CaseId: 'HYXTNJV', Title: 'é'.repeat(200) })).status).toBe(200);
    expect(await update({ CaseId: 'HYXTNJV', Title: 'é'.repeat(201) })).toMatchObject({
      status: 400,
      body: { Response: false, Message: 'Title must be at most 200 characters' },
    });
    expect((await update({ CaseId: 'HYXTNJV', Description: 'x'.repeat(20_000) })).status).toBe(200);
    expect(await update({ CaseId: 'HYXTNJV', Description: 'x'.repeat(20_001) })).toMatchObject({
      status: 400,
      body: { Message: 'Description must be at most 20,000 characters' },
    });
  });

  it('answers the documented errors, none with a Code', async () => {
    const other = sandbox.ticketNumbers('sweeppea', 'other')[0]!;
    const cases: [unknown, Record<string, string>, number, string][] = [
      [{ CaseId: 'HYXTNJV', Title: 'x' }, {}, 401, 'Unauthorized: Missing token'],
      [{ Title: 'x' }, bearer(sandbox.keys.sweeppea), 400, 'CaseId is required'],
      [
        { CaseId: 'HYXTNJV' },
        bearer(sandbox.keys.sweeppea),
        400,
        'At least one field (Title or Description) must be provided',
      ],
      [{ CaseId: '0000000', Title: 'x' }, bearer(sandbox.keys.sweeppea), 404, 'Ticket not found'],
      [
        { CaseId: other, Title: 'x' },
        bearer(sandbox.keys.sweeppea),
        403,
        'You do not have permission to update this ticket',
      ],
    ];
    for (const [body, headers, status, message] of cases) {
      const answer = await update(body, headers);
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ Response: false, Message: message });
    }
  });
});

describe('sweeppea errors sent with HTTP 200', () => {
  it('answers an injected update refusal with its documented body and the httpStatus asked for, changing nothing', async () => {
    sandbox.setFault('sweeppea', { status: 403, httpStatus: 200, path: /^\/tickets\/update$/, times: 1 });
    const refused = await update({ CaseId: '2650478', Title: 'x' });
    expect([refused.status, refused.body]).toEqual([
      200,
      { Response: false, Message: 'You do not have permission to update this ticket' },
    ]);
    expect((await fetchTicket({ caseNumber: '2650478' })).body.Data.Subject).not.toBe('x');
  });
});

describe('sweeppea resolve', () => {
  it('closes an open ticket, answers the documented Data, and later reads see it closed with a note and a statistic', async () => {
    const before = (await fetchTicket({ caseNumber: '2650478' })).body.Data;
    expect(before.Status).toBe(false);
    const answer = await resolve({ CaseId: '2650478' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      Response: true,
      Message: 'Ticket Resolved Successfully',
      Data: {
        CaseNumber: '2650478',
        Subject: 'Issue with sweepstakes entry',
        Status: true,
        CloseDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        ClosedBy: 'John Doe',
      },
    });
    const after = (await fetchTicket({ caseNumber: '2650478' })).body.Data;
    expect(after).toMatchObject({
      Status: true,
      CloseDate: answer.body.Data.CloseDate,
      ClosedBy: 'John Doe',
      Completion: 100,
    });
    expect(after.Notes).toHaveLength(before.Notes.length + 1);
    expect(after.Notes.at(-1)).toEqual({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      Date: answer.body.Data.CloseDate,
      Note: 'Ticket resolved by John Doe via the API.',
    });
    expect(after.Statistics.at(-1)).toEqual({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      Date: answer.body.Data.CloseDate,
      UserToken: SWEEPPEA_USER_TOKENS.primary,
      Action: 'resolve',
    });
    sandbox.reset();
    expect((await fetchTicket({ caseNumber: '2650478' })).body.Data.Status).toBe(false);
  });

  it('answers the one documented 404 for a closed ticket, a missing one and another tenant’s alike', async () => {
    await resolve({ CaseId: 'HYXTNJV' });
    const other = SWEEPPEA_SEED.find((entry) => entry.owner === 'other' && !entry.ticket.Status)!.ticket.CaseNumber;
    for (const caseId of ['HYXTNJV', closedPrimary, '0000000', other]) {
      expect(await resolve({ CaseId: caseId })).toMatchObject({
        status: 404,
        body: { Response: false, Message: 'Ticket Not Found or Already Closed', Code: 404 },
      });
    }
    expect((await resolve({ CaseId: other }, bearer(sandbox.otherKeys.sweeppea))).body.Data.ClosedBy).toBe(
      'Dmitri Volkov',
    );
  });

  it('answers 400 without a CaseId, and 401 and 403 for a missing or unknown key', async () => {
    for (const body of [{}, { CaseId: '' }, { CaseId: 2650478 }, 'not json']) {
      expect(await resolve(body)).toMatchObject({
        status: 400,
        body: { Response: false, Message: 'Missing Required Field: CaseId is required', Code: 400 },
      });
    }
    expect(await resolve({ CaseId: '2650478' }, {})).toMatchObject({ status: 401, body: { Code: 401 } });
    expect(await resolve({ CaseId: '2650478' }, bearer('not-a-key'))).toMatchObject({
      status: 403,
      body: { Message: 'Invalid API Token', Code: 403 },
    });
    expect((await fetchTicket({ caseNumber: '2650478' })).body.Data.Status).toBe(false);
  });

  it('answers an injected fault in its own words, records the call, and leaves the ticket open', async () => {
    sandbox.setFault('sweeppea', { status: 404, times: 1 });
    expect(await resolve({ CaseId: '2650478' })).toMatchObject({
      status: 404,
      body: { Response: false, Message: 'Ticket Not Found or Already Closed', Code: 404 },
    });
    sandbox.setFault('sweeppea', { status: 500, times: 1 });
    expect((await resolve({ CaseId: '2650478' })).status).toBe(500);
    expect(sandbox.requests.map((entry) => [entry.path, JSON.parse(entry.body)])).toEqual([
      ['/tickets/resolve', { CaseId: '2650478' }],
      ['/tickets/resolve', { CaseId: '2650478' }],
    ]);
    expect((await fetchTicket({ caseNumber: '2650478' })).body.Data.Status).toBe(false);
  });

  it('serves one resolve at a time, beside the other endpoints', async () => {
    sandbox.setLatency('sweeppea', 150);
    const answers = await Promise.all([
      resolve({ CaseId: '2650478' }),
      resolve({ CaseId: 'HYXTNJV' }),
      fetchTicket({ caseNumber: 'HYXTNJV' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 503]);
  });
});
