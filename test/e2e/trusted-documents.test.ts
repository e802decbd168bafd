import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { type DocumentNode, parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TicketPageDocument, UpdateTicketDocument } from '../operations/generated/graphql.js';
import introspection from '../operations/generated/possible-types.js';
import { startGateway, type Gateway } from './harness.js';

/** The list codegen writes from test/operations, as a deployment would point TRUSTED_DOCUMENTS at it. */
const LIST = 'test/operations/generated/persisted-documents.json';
const KEY = 'trusted-documents-test-key';
const HEADERS = {
  authorization: `Bearer ${KEY}`,
  accept: 'application/graphql-response+json,application/json;q=0.9',
};

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ env: { TRUSTED_DOCUMENTS: LIST, GATEWAY_API_KEYS: KEY } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

/** The id of a listed operation, by its name. */
function idOf(operation: string): string {
  const list = JSON.parse(readFileSync(LIST, 'utf8')) as Record<string, string>;
  const found = Object.entries(list).find(([, document]) => document.startsWith(`query ${operation}(`));
  if (!found) throw new Error(`${operation} is not in ${LIST}`);
  return found[0];
}

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(params: Record<string, unknown>, headers: Record<string, string> = HEADERS): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const refusal = (status: number, code: string, message: string) => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});
const ONLY = refusal(
  400,
  'PERSISTED_QUERY_ONLY',
  'This gateway runs only its trusted documents (TRUSTED_DOCUMENTS): send the documentId of one, not a query',
);
const NOT_LISTED = refusal(404, 'PERSISTED_QUERY_NOT_FOUND', 'No trusted document has the id this request names');

const kaptureRef = () => ({ provider: 'KAPTURE', number: gateway.sandbox.ticketNumbers('kapture')[0]! });

/** Apollo Client with the gateway key, hashing as `hashing` says; each request body it sends goes into `sent`. */
function apolloClient(sent: string[], hashing: PersistedQueryLink.Options) {
  return new ApolloClient({
    link: ApolloLink.from([
      new PersistedQueryLink(hashing),
      new HttpLink({
        uri: gateway.url,
        headers: { authorization: `Bearer ${KEY}` },
        fetch: (input, init) => {
          sent.push(String(init?.body));
          return fetch(input, init);
        },
      }),
    ]),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  it('runs a listed document by its documentId, over POST and GET', async () => {
    const ref = kaptureRef();
    const expected = { status: 200, body: { data: { __typename: 'Query', tickets: [expect.objectContaining(ref)] } } };
    expect(await post({ documentId: idOf('TicketsByRef'), variables: { refs: [ref] } })).toEqual(expected);
    const url = new URL(gateway.url);
    url.searchParams.set('documentId', idOf('TicketsByRef'));
    url.searchParams.set('variables', JSON.stringify({ refs: [ref] }));
    const response = await fetch(url, { headers: HEADERS });
    expect({ status: response.status, body: await response.json() }).toEqual(expected);
    expect(gateway.sandbox.calls('kapture')).toBe(2);
  });

  it("runs listed documents from Apollo Client, each named by the hash codegen put in the document's __meta__", async () => {
    const sent: string[] = [];
    const client = apolloClient(sent, {
      generateHash: (document: DocumentNode) =>
        (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '') ?? '',
    });
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const page = await client.query({ query: TicketPageDocument, variables: { provider: 'SWEEPPEA', number } });
    expect(page.data?.ticket).toMatchObject({ __typename: 'Ticket', number });
    const { data } = await client.mutate({
      mutation: UpdateTicketDocument,
      variables: { input: { provider: 'SWEEPPEA', number, title: 'Trusted rename' } },
    });
    expect(data?.updateTicket).toMatchObject({ __typename: 'Ticket', subject: 'Trusted rename' });
    expect(
      client.readQuery({ query: TicketPageDocument, variables: { provider: 'SWEEPPEA', number } })?.ticket,
    ).toMatchObject({ subject: 'Trusted rename' });
    // Each by its hash alone: no query text ever left the client.
    expect(sent.map((body) => JSON.parse(body).query)).toEqual([undefined, undefined]);
    expect(gateway.sandbox.calls('sweeppea')).toBe(3);
  });

  it('refuses a query sent whole, a listed one or an APQ registration too, before any upstream call', async () => {
    const ref = kaptureRef();
    const listed = JSON.parse(readFileSync(LIST, 'utf8'))[idOf('TicketsByRef')] as string;
    expect(await post({ query: listed, variables: { refs: [ref] } })).toEqual(ONLY);
    expect(await post({ query: '{ providers { name } }' })).toEqual(ONLY);
    expect(await post({ query: listed, documentId: idOf('TicketsByRef'), variables: { refs: [ref] } })).toEqual(ONLY);
    expect(
      await post({
        query: listed,
        variables: { refs: [ref] },
        extensions: { persistedQuery: { version: 1, sha256Hash: idOf('TicketsByRef').slice('sha256:'.length) } },
      }),
    ).toEqual(ONLY);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('answers an unlisted operation from Apollo Client PERSISTED_QUERY_ONLY, after the one retry its link makes', async () => {
    const sent: string[] = [];
    const client = apolloClient(sent, { sha256: (text) => createHash('sha256').update(text).digest('hex') });
    const query = parse('query Unlisted($number: String!) { ticket(provider: KAPTURE, number: $number) { id } }');
    const failed = await client.query({ query, variables: { number: kaptureRef().number } }).catch((error) => error);
    expect(CombinedGraphQLErrors.is(failed)).toBe(true);
    expect((failed as CombinedGraphQLErrors).errors).toEqual([ONLY.body.errors[0]]);
    // The hash alone (not listed: PERSISTED_QUERY_NOT_FOUND), then the query whole.
    expect(sent.map((body) => typeof JSON.parse(body).query)).toEqual(['undefined', 'string']);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('refuses an id not in the list, by documentId or by hash, before any upstream call', async () => {
    const unknown = 'f'.repeat(64);
    expect(await post({ documentId: `sha256:${unknown}`, variables: { refs: [kaptureRef()] } })).toEqual(NOT_LISTED);
    expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } })).toEqual(NOT_LISTED);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('says what to send when a request names no document, or names it by something not a string', async () => {
    expect(await post({})).toEqual(
      refusal(400, 'BAD_REQUEST', 'Send the documentId of one of the trusted documents (TRUSTED_DOCUMENTS)'),
    );
    expect(await post({ documentId: 42 })).toEqual(refusal(400, 'BAD_REQUEST', 'documentId must be a string'));
    expect(await post({ documentId: idOf('Inbox'), extra: 1 })).toEqual(
      refusal(400, 'BAD_REQUEST', 'Unexpected parameter "extra" in the request'),
    );
  });

  it('still needs the gateway key for a listed document', async () => {
    const { authorization: _, ...withoutKey } = HEADERS;
    const answer = await post({ documentId: idOf('TicketsByRef'), variables: { refs: [kaptureRef()] } }, withoutKey);
    expect(answer).toEqual(
      refusal(401, 'UNAUTHENTICATED', 'This gateway needs Authorization: Bearer <gateway API key>'),
    );
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });
});
