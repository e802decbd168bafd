import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialHeader } from '../../src/loading/credentials.js';
import { createLogger } from '../../src/telemetry/logger.js';
import { PROVIDER_NAMES } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

const GATEWAY_KEY = 'gw_live_7c1d9e4f2a8b';
const WRONG_KEYS = Object.fromEntries(PROVIDER_NAMES.map((name) => [name, `${name}_wrong_key_5f3a9c`]));

const logLines: string[] = [];
const responses: string[] = [];
let gateway: Gateway;

beforeAll(async () => {
  const logger = createLogger({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
  gateway = await startGateway({ env: { GATEWAY_API_KEYS: GATEWAY_KEY }, logger });
});
afterAll(() => gateway.close());

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${GATEWAY_KEY}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  responses.push(await response.text());
}

const QUERY = 'query($refs: [TicketRef!]!) { tickets(refs: $refs) { id subject raw } }';
const UPDATE =
  'mutation($number: String!) { updateTicket(input: { provider: SWEEPPEA, number: $number, title: "x" }) { __typename ... on Error { message } } }';

describe('secrets', () => {
  it('appear in no response and no log line, whatever fails', async () => {
    const refs = PROVIDER_NAMES.map((name) => ({
      provider: name.toUpperCase(),
      number: gateway.sandbox.ticketNumbers(name)[0],
    }));
    const brought = (keys: Record<string, string>) =>
      Object.fromEntries(PROVIDER_NAMES.map((name) => [credentialHeader(name), keys[name]!]));
    await post(QUERY, { refs }, brought(gateway.sandbox.keys));
    await post(QUERY, { refs }, brought(WRONG_KEYS));
    await post(UPDATE, { number: gateway.sandbox.ticketNumbers('sweeppea')[0] }, brought(WRONG_KEYS));
    for (const status of [500, 401, 403, 429]) {
      for (const name of PROVIDER_NAMES) gateway.sandbox.setFault(name, { status, retryAfter: 60 });
      await post(QUERY, { refs }, brought(gateway.sandbox.otherKeys));
    }
    gateway.sandbox.reset();
    // The gateway key refused, and a bad one sent.
    const refused = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer gw_guess_0000' },
      body: '{"query":"{ __typename }"}',
    });
    responses.push(await refused.text());

    const secrets = [
      GATEWAY_KEY,
      'gw_guess_0000',
      ...Object.values(WRONG_KEYS),
      ...Object.values(gateway.sandbox.keys),
      ...Object.values(gateway.sandbox.otherKeys),
    ];
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(
        logLines.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([]);
      expect(
        responses.filter((text) => text.includes(secret)),
        secret,
      ).toEqual([]);
    }
  });

  it('are redacted from any logged headers or credential fields', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    logger.info(
      {
        request: { headers: { authorization: 'Bearer s3cret', 'x-hostup-api-key': 'hu_s3cret' } },
        login: { password: 'p4ss', clientSecret: 'c5ecret' },
      },
      'incoming',
    );
    expect(lines.join('')).not.toMatch(/s3cret|p4ss|c5ecret/);
    expect(lines.join('')).toContain('[redacted]');
  });
});
