import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { postJson, type HttpAnswer } from '../http-calls.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
const OPEN = '/tickets/fetchOpenTickets';
const CLOSED = '/tickets/fetchClosedTickets';
const list = (path: string, body: unknown, headers = bearer(sandbox.keys.sweeppea)): Promise<HttpAnswer> =>
  postJson(`${sandbox.urls.sweeppea}${path}`, body, headers);
const numbersOf = (answer: HttpAnswer): string[] =>
  answer.body.Data.Tickets.map((ticket: { CaseNumber: string }) => ticket.CaseNumber);

/** Every page of a list, in order, as the sandbox answers them. */
async function everyNumber(path: string, body: Record<string, unknown> = {}, key = sandbox.keys.sweeppea) {
  const numbers: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await list(path, { ...body, page }, bearer(key));
    numbers.push(...numbersOf(answer));
    if (page >= answer.body.Data.TotalPages) return numbers;
  }
}

describe('sweeppea fetchOpenTickets and fetchClosedTickets', () => {
  it('answers page 1 of the open tickets: 20 summaries of five fields, newest first, with the counts', async () => {
    const answer = await list(OPEN, { page: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      Response: true,
      Data: { TotalTickets: 45, Page: 1, Limit: 20, TotalPages: 3 },
    });
    expect(Object.keys(answer.body.Data).sort()).toEqual(['Limit', 'Page', 'Tickets', 'TotalPages', 'TotalTickets']);
    const tickets = answer.body.Data.Tickets;
    expect(tickets).toHaveLength(20);
    expect(tickets[0]).toEqual({
      CaseNumber: '2215230',
      Subject: 'Age gate lets 18-year-olds through in Alabama and Nebraska',
      Date: '2026-01-05T00:03:59.000Z',
      Priority: 3,
      ResourceAffected: 'compliance',
    });
    for (const ticket of tickets) {
      expect(Object.keys(ticket).sort()).toEqual(['CaseNumber', 'Date', 'Priority', 'ResourceAffected', 'Subject']);
    }
    const times = tickets.map((ticket: { Date: string }) => Date.parse(ticket.Date));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages by 20: the last page holds the rest, a page past it is empty, an empty body is page 1', async () => {
    expect((await list(OPEN, { page: 3 })).body.Data).toMatchObject({ Page: 3, TotalTickets: 45, TotalPages: 3 });
    expect(numbersOf(await list(OPEN, { page: 3 }))).toHaveLength(5);
    expect((await list(OPEN, { page: 4 })).body.Data).toEqual({
      TotalTickets: 45,
      Page: 4,
      Limit: 20,
      TotalPages: 3,
      Tickets: [],
    });
    expect(numbersOf(await list(CLOSED, { page: 2 }))).toEqual(['2317415']);
    expect((await list(CLOSED, '')).body.Data).toMatchObject({ Page: 1, TotalTickets: 21, TotalPages: 2 });
    expect(numbersOf(await list(OPEN, {}))).toEqual(numbersOf(await list(OPEN, { page: 1 })));
  });

  it("lists each of the key's tickets once, open ones open, closed ones closed, and none of another tenant's", async () => {
    const open = await everyNumber(OPEN);
    const closed = await everyNumber(CLOSED);
    expect([open.length, new Set(open).size, closed.length, new Set(closed).size]).toEqual([45, 45, 21, 21]);
    expect([...open, ...closed].sort()).toEqual([...sandbox.ticketNumbers('sweeppea')].sort());
    expect(open).toContain('HYXTNJV');
    expect(open).toContain('2650478');
    const other = [
      ...(await everyNumber(OPEN, {}, sandbox.otherKeys.sweeppea)),
      ...(await everyNumber(CLOSED, {}, sandbox.otherKeys.sweeppea)),
    ];
    expect(other.sort()).toEqual([...sandbox.ticketNumbers('sweeppea', 'other')].sort());
  });

  it('orders tickets created at the same instant by case number', async () => {
    const open = await everyNumber(OPEN);
    // Both created 2024-02-22T12:37:33Z.
    expect(open.indexOf('2893516') - open.indexOf('2675924')).toBe(1);
  });

  it('cuts a subject to its first 100 characters, never inside a character', async () => {
    const open = await everyNumber(OPEN, { search: 'LEADERBOARD' });
    expect(open).toContain('2675924');
    const summary = (await list(OPEN, { search: 'flash sale' })).body.Data.Tickets[0];
    expect(summary.Subject).toBe(
      'Entrants who signed up through the Spanish landing page during the weekend flash sale are missing fr',
    );
    const french = (await list(CLOSED, { search: 'tirage instantané' })).body.Data.Tickets[0];
    expect(french.CaseNumber).toBe('2735369');
    // 100 characters, 101 UTF-16 code units: the trophy is one character of two units.
    expect(french.Subject).toBe(
      '🏆 Les gagnants du tirage instantané reçoivent deux courriels de confirmation et le second contient u',
    );
    expect(french.Subject).toHaveLength(101);
  });

  it('matches search in Subject or Description, ignoring case, within the tenant', async () => {
    expect(await everyNumber(OPEN, { search: 'leaderboard' })).toEqual(['2646833', '2675924', '2636159']);
    expect(await everyNumber(CLOSED, { search: 'LeaderBoard' })).toEqual(['2401461', '2317415']);
    // '2646833' has the word in its Description only; '2675924' only past its 100th character.
    const other = await everyNumber(OPEN, { search: 'leaderboard' }, sandbox.otherKeys.sweeppea);
    expect(other).toEqual(['2938922']);
    expect((await list(OPEN, { search: 'leaderboard' })).body.Data).toMatchObject({
      TotalTickets: 3,
      TotalPages: 1,
    });
    expect((await list(OPEN, { search: 'no such words' })).body.Data).toMatchObject({ TotalTickets: 0, Tickets: [] });
  });

  it('filters by priority 1, 2 or 3', async () => {
    expect((await list(OPEN, { priority: 1 })).body.Data.TotalTickets).toBe(12);
    expect((await list(CLOSED, { priority: 3 })).body.Data.TotalTickets).toBe(6);
  });

  it('answers a missing key 401, an unknown key 403, and a bad page 400, in the error document', async () => {
    expect(await list(OPEN, { page: 1 }, {})).toMatchObject({
      status: 401,
      body: { Response: false, Message: 'Invalid or Missing Bearer Token', Code: 401 },
    });
    expect(await list(CLOSED, { page: 1 }, bearer('sk_unknown'))).toMatchObject({
      status: 403,
      body: { Response: false, Message: 'Invalid API Token', Code: 403 },
    });
    for (const page of [0, -1, 1.5, '2', null]) {
      expect(await list(OPEN, { page })).toEqual(
        expect.objectContaining({ status: 400, body: { Response: false, Message: 'Invalid page number', Code: 400 } }),
      );
    }
    expect((await list(OPEN, 'not json')).status).toBe(400);
    expect((await list(OPEN, { search: 7 })).status).toBe(400);
    expect((await list(OPEN, { priority: 4 })).status).toBe(400);
  });

  it('moves a ticket the API closes from the open list to the closed one', async () => {
    await postJson(`${sandbox.urls.sweeppea}/tickets/resolve`, { CaseId: '2650478' }, bearer(sandbox.keys.sweeppea));
    expect(await everyNumber(OPEN)).not.toContain('2650478');
    expect(await everyNumber(CLOSED)).toContain('2650478');
    expect((await list(OPEN, {})).body.Data.TotalTickets).toBe(44);
  });

  it('serves one call at a time per list endpoint, each beside the other', async () => {
    sandbox.setLatency('sweeppea', 150);
    const answers = await Promise.all([list(OPEN, {}), list(OPEN, { page: 2 }), list(CLOSED, {})]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 503]);
    expect(answers.find((answer) => answer.status === 503)!.body).toMatchObject({ Response: false, Code: 503 });
  });

  it('records each call and answers an injected fault with the documented body', async () => {
    sandbox.setFault('sweeppea', { status: 500, times: 1, path: /fetchClosedTickets$/ });
    expect(await list(CLOSED, { page: 1 })).toMatchObject({
      status: 500,
      body: { Response: false, Message: 'Internal Server Error', Code: 500 },
    });
    expect((await list(CLOSED, { page: 1 })).status).toBe(200);
    expect(sandbox.requests.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
      [CLOSED, { page: 1 }],
      [CLOSED, { page: 1 }],
    ]);
  });
});
