import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

/**
 * The GraphQL over HTTP spec's server audits (graphql-http). Its GET requests carry the
 * preflight header our CSRF prevention asks of GET queries, as a real client must.
 */
const audits = serverAudits({
  url: () => gateway.url,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('graphql-require-preflight', '1');
    return fetch(input, { ...init, headers });
  },
});

describe('GraphQL over HTTP audits', () => {
  it.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.name, audit] as const))(
    '%s',
    async (_name, audit) => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? String(result.reason) : '').toBe('ok');
    },
  );
});
