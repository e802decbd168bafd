import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

/**
 * `bodyHtml` and `bodyText` end to end: the sandbox's documented tickets and a reply written
 * through the gateway, read over HTTP, with the sandbox's count of the calls each read cost.
 */

const BODIES = 'body bodyFormat bodyHtml bodyText';
const TICKET = /* GraphQL */ `
  query Ticket($provider: Provider!, $number: String!) {
    ticket(provider: $provider, number: $number) {
      ${BODIES}
      notes { body bodyHtml bodyText }
      replies { ${BODIES} }
    }
  }
`;

interface Body {
  body: string | null;
  bodyFormat?: string;
  bodyHtml: string | null;
  bodyText: string | null;
}
type TicketBodies = Body & { notes: Body[]; replies: Body[] };

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** A plain-text body as bodyHtml must show it. */
const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\r\n?|\n/g, '<br />');

async function ticketBodies(provider: string, number: string): Promise<TicketBodies> {
  const { data, errors } = await gateway.client().rawRequest<{ ticket: TicketBodies }>(TICKET, { provider, number });
  expect(errors).toBeUndefined();
  return data.ticket;
}

describe('bodyHtml and bodyText over HTTP', () => {
  it("answers Sweeppea's documented ticket, an HTML body and a note, safe, with one upstream call", async () => {
    // docs/providers/sweeppea.md: the example ticket, its Description HTML.
    const ticket = await ticketBodies('SWEEPPEA', 'HYXTNJV');
    expect(ticket).toEqual({
      body:
        '<p>Unable to configure the entry page settings for <strong>Summer Giveaway 2025</strong>: the ' +
        '&quot;Save&quot; button stays disabled after changing the background image.</p>',
      bodyFormat: 'HTML',
      bodyHtml:
        '<p>Unable to configure the entry page settings for <strong>Summer Giveaway 2025</strong>: the ' +
        '"Save" button stays disabled after changing the background image.</p>',
      bodyText:
        'Unable to configure the entry page settings for Summer Giveaway 2025: the "Save" button stays ' +
        'disabled after changing the background image.',
      notes: [
        {
          body: 'Investigating the issue...',
          bodyHtml: 'Investigating the issue...',
          bodyText: 'Investigating the issue...',
        },
      ],
      replies: [],
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it("answers Keliweb's documented ticket, plain text with \\r\\n breaks, as escaped HTML and as itself", async () => {
    // docs/providers/keliweb.md: WHMCS's GetTicket example.
    const ticket = await ticketBodies('KELIWEB', '516757');
    const html = (lines: string) => lines.replaceAll('\r\n', '<br />');
    const opening = 'Hey, \r\n\r\nThis is the first ticket message!\r\n\r\nThanks\r\n\r\nCynthia';
    const admin = 'Hello, \r\n\r\nThis is the first ticket reply by an admin user!\r\n\r\nThanks\r\n\r\nDemo Admin';
    const second = 'Hey, \r\n\r\nThis is a second reply!\r\n\r\nThanks\r\n\r\nCynthia';
    expect(ticket).toEqual({
      body: opening,
      bodyFormat: 'TEXT',
      bodyHtml: 'Hey, <br /><br />This is the first ticket message!<br /><br />Thanks<br /><br />Cynthia',
      bodyText: opening,
      notes: [{ body: 'This is a ticket note', bodyHtml: 'This is a ticket note', bodyText: 'This is a ticket note' }],
      replies: [admin, second].map((body) => ({ body, bodyFormat: 'TEXT', bodyHtml: html(body), bodyText: body })),
    });
    expect(ticket.replies[0]!.bodyHtml).toBe(
      'Hello, <br /><br />This is the first ticket reply by an admin user!<br /><br />Thanks<br /><br />Demo Admin',
    );
    expect(gateway.sandbox.calls('keliweb')).toBe(1);
  });

  it('costs a listed ticket what its body costs: Kapture lists the body, so its safe forms cost no read', async () => {
    const twoDays = { createdAfter: '2026-03-03T00:00:00+05:30', createdBefore: '2026-03-05T00:00:00+05:30' };
    const { data, errors } = await gateway.client().rawRequest<{ ticketList: { edges: { node: Body }[] } }>(
      `query List($filter: TicketListFilter) {
          ticketList(provider: KAPTURE, filter: $filter, first: 20) { edges { node { ${BODIES} } } }
        }`,
      { filter: twoDays },
    );
    expect(errors).toBeUndefined();
    const nodes = data.ticketList.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(16);
    for (const node of nodes) {
      expect(node.bodyFormat).toBe('TEXT');
      expect(node.bodyText).toBe(node.body);
      expect(node.bodyHtml).toBe(escaped(node.body!));
    }
    // The two days' pulls, and no ticket read (search-ticket-by-ticket-id).
    expect(gateway.sandbox.requests.map((request) => request.path)).toEqual([
      '/select-ticket-between-start-and-end-dates.html/v.2.0',
      '/select-ticket-between-start-and-end-dates.html/v.2.0',
    ]);
  });
  it('reads a listed ticket whose list leaves the body out, as body does: an image shows as its alt text', async () => {
    const { data, errors } = await gateway
      .client()
      .rawRequest<{ ticketList: { edges: { node: Body & { number: string } }[] } }>(
        `{ ticketList(provider: SWEEPPEA, filter: { search: "banner" }) { edges { node { number bodyHtml bodyText } } } }`,
      );
    expect(errors).toBeUndefined();
    const nodes = data.ticketList.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(4);
    expect(nodes.map(({ bodyHtml, bodyText }) => ({ bodyHtml, bodyText }))).toEqual(
      nodes.map(() => ({
        bodyHtml:
          '<p>On iPhone the winner banner is clipped after the first line.</p><p><span>[clipped banner]</span></p>',
        bodyText: 'On iPhone the winner banner is clipped after the first line.\n\n[clipped banner]',
      })),
    );
    const paths = gateway.sandbox.requests.map((request) => request.path.replace('/tickets/', ''));
    // Both lists, and each ticket read once for the two fields, as `body` would read it.
    expect(paths).toEqual(['fetchOpenTickets', 'fetchClosedTickets', ...nodes.map(() => 'fetchSingleTicket')]);
  });
});

describe('bodyHtml and bodyText of a reply written in HTML (HostUp v2)', () => {
  let v2: Gateway;
  beforeAll(async () => {
    v2 = await startGateway({ env: { HOSTUP_API: 'v2' } });
  });
  afterAll(() => v2.close());

  it('answer the HTML reply read back sanitised and as text, with the read, the post and the read back', async () => {
    const open = v2.sandbox.ticketNumbers('hostup')[0]!;
    const hostile =
      '<p onclick="alert(1)">Fixed in <b>2.1</b> &amp; deployed.</p><script>alert(1)</script>' +
      '<p><a href="javascript:alert(1)">Details</a> <a href="https://status.example.com/">status</a></p>' +
      '<img src="https://tracker.example/p.gif" onerror="alert(1)"><svg onload="alert(1)"></svg>';
    const { data, errors } = await v2.client().rawRequest<{ replyToTicket: { replies: Body[] } }>(
      `mutation Reply($input: ReplyToTicketInput!) {
        replyToTicket(input: $input) { ... on Ticket { replies { ${BODIES} } } ... on Error { message } }
      }`,
      { input: { provider: 'HOSTUP', number: open, body: hostile } },
    );
    expect(errors).toBeUndefined();
    expect(data.replyToTicket.replies.at(-1)).toEqual({
      body: hostile,
      bodyFormat: 'HTML',
      bodyHtml:
        '<p>Fixed in <b>2.1</b> &amp; deployed.</p><p><a>Details</a> ' +
        '<a href="https://status.example.com/" rel="noopener noreferrer nofollow">status</a></p>',
      bodyText: 'Fixed in 2.1 & deployed.\n\nDetails status',
    });
    expect(v2.sandbox.requests.map((request) => request.method)).toEqual(['GET', 'POST', 'GET']);
  });
});
