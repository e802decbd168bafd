import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

const APP = 'https://app.example.com';
const EVIL = 'http://evil.example';
const READ = JSON.stringify({ query: '{ ticket(provider: HOSTUP, number: "616828") { number } }' });

const preflight = (gateway: Gateway, origin: string) =>
  fetch(gateway.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-hostup-api-key',
    },
  });
const post = (gateway: Gateway, origin: string) =>
  fetch(gateway.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: READ });

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
];
const corsHeadersOf = (response: Response) => CORS_HEADERS.filter((name) => response.headers.has(name));

describe('CORS, off by default', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());

  it('gives a preflight from any page no CORS header, so the browser sends nothing', async () => {
    const response = await preflight(gateway, EVIL);
    expect(corsHeadersOf(response)).toEqual([]);
  });

  it('gives an answer to any page no CORS header, so the browser lets the page read nothing', async () => {
    const response = await post(gateway, EVIL);
    expect(corsHeadersOf(response)).toEqual([]);
  });
});

describe('CORS_ORIGINS', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { CORS_ORIGINS: `${APP},http://localhost:5173` } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.reset());

  it('lets a listed origin call: its preflight names it, the methods and the key headers, never credentials', async () => {
    const response = await preflight(gateway, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-hostup-api-key', 'x-kapture-api-key']),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it('lets a listed origin read the answer', async () => {
    const response = await post(gateway, APP);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
    expect(await response.json()).toEqual({ data: { ticket: { number: '616828' } } });
  });

  it("lets a listed origin's page read the answer's X-Request-Id, to quote it in a bug report", async () => {
    const response = await post(gateway, APP);
    expect(response.headers.get('x-request-id')).toMatch(/\S/);
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/);
    expect(exposed).toContain('x-request-id');
  });

  it.each([EVIL, 'https://app.example.com.evil.example', 'http://app.example.com', 'null'])(
    'gives %s no CORS header',
    async (origin) => {
      expect(corsHeadersOf(await preflight(gateway, origin))).toEqual([]);
      const answer = await post(gateway, origin);
      expect(corsHeadersOf(answer)).toEqual([]);
      expect(answer.headers.get('vary')).toContain('Origin');
    },
  );
});
