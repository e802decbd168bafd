import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS, SANDBOX_OTHER_KEYS } from '../../src/sandbox/keys.js';
import { startGateway, type Gateway } from './harness.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The sandbox'), readme.indexOf('## How it works'));

/** The rows of the README table whose header starts with `header`, as cells without their backticks. */
function table(header: string): string[][] {
  const start = section.indexOf(header);
  const lines = section.slice(start).split('\n');
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(2, end).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replaceAll('`', '')),
  );
}

const PROVIDERS = { Sweeppea: 'sweeppea', HostUp: 'hostup', Keliweb: 'keliweb', Kapture: 'kapture' } as const;
type Name = keyof typeof PROVIDERS;

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

describe("README's sandbox section", () => {
  it('gives each account key the sandbox knows, in the header a request brings it in', () => {
    const rows = table('| provider | header |').map(([display, header, ...keys]) => [
      display,
      header?.toLowerCase(),
      ...keys,
    ]);
    expect(rows).toEqual(
      Object.entries(PROVIDERS).map(([display, name]) => [
        display,
        `x-${name}-api-key`,
        SANDBOX_KEYS[name],
        SANDBOX_OTHER_KEYS[name],
      ]),
    );
  });

  const rows = table('| provider | number |');
  it.each(rows)('%s %s reads as the table says (%s)', async (display, number, state, goodFor) => {
    const name = PROVIDERS[display as Name];
    const other = goodFor === "the second account's";
    const headers = other ? { [`x-${name}-api-key`]: SANDBOX_OTHER_KEYS[name] } : {};
    const { data, errors } = await gateway
      .client(headers)
      .rawRequest<{ ticket: { status: string; statusText: string } | null }>(
        `query($n: String!) { ticket(provider: ${name.toUpperCase()}, number: $n) { status statusText } }`,
        { n: number },
      );
    if (state === 'none') {
      expect(data.ticket).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } else {
      const [, status, statusText] = /^(\w+) \((.+)\)$/.exec(state!)!;
      expect(data.ticket).toEqual({ status, statusText });
    }
  });

  it('lists more than one row a provider', () => {
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(Object.keys(PROVIDERS)));
  });
});
