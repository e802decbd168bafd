/**
 * A bounded soak test: the gateway and the sandbox on loopback, a few thousand mixed queries
 * through real HTTP while faults come and go on every provider. Reports the answers by error
 * code and the process's memory before and after. Not part of `npm test`: `npm run soak`.
 *
 *   npm run soak -- [queries=3000] [concurrency=16]
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../src/app.js';
import { loadConfig, pointAtSandbox } from '../src/config.js';
import { PROVIDER_NAMES, type ProviderName } from '../src/domain/model.js';
import { startSandbox, type SandboxFault } from '../src/sandbox/index.js';

const QUERIES = Number(process.argv[2] ?? 3_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
/** However the run goes, it stops here. */
const HARD_LIMIT_MS = 180_000;

const FAULTS: readonly (SandboxFault | null)[] = [
  null,
  { status: 500, times: 3 },
  { status: 503, retryAfter: 0, times: 2 },
  { status: 429, retryAfter: 0, times: 2 },
  { status: 429, retryAfter: 60, times: 2 },
  { kind: 'reset', times: 2 },
  { kind: 'malformed-json', times: 2 },
  { kind: 'html-page', times: 2 },
  { kind: 'stall', times: 1 },
  { kind: 'huge-body', bytes: 20 * 1024 * 1024, times: 1 },
];

const QUERY = /* GraphQL */ `
  query Soak($refs: [TicketRef!]!) {
    tickets(refs: $refs) { id provider number subject status createdAt notes { body } replies { body } attachments { filename } }
  }
`;

function memory() {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: +(rss / 2 ** 20).toFixed(1), heapUsedMiB: +(heapUsed / 2 ** 20).toFixed(1) };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  const config = pointAtSandbox(loadConfig({ SANDBOX: 'true', UPSTREAM_TIMEOUT_MS: '1000' }), sandbox);
  const app = createApp(config);
  const server = createServer(app.yoga);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const numbers = Object.fromEntries(PROVIDER_NAMES.map((name) => [name, sandbox.ticketNumbers(name)])) as Record<
    ProviderName,
    string[]
  >;

  const before = memory();
  const started = Date.now();
  const byCode = new Map<string, number>();
  const count = (code: string) => byCode.set(code, (byCode.get(code) ?? 0) + 1);
  let sent = 0;
  let faultsSet = 0;

  // Every 50 queries a random provider gets the next fault of the list.
  const faulting = (async () => {
    for (let turn = 0; sent < QUERIES && Date.now() - started < HARD_LIMIT_MS; turn += 1) {
      const provider = PROVIDER_NAMES[turn % PROVIDER_NAMES.length]!;
      sandbox.setFault(provider, FAULTS[turn % FAULTS.length]!);
      faultsSet += 1;
      const at = sent;
      while (sent < at + 50 && sent < QUERIES && Date.now() - started < HARD_LIMIT_MS) await sleep(5);
    }
  })();

  async function worker(): Promise<void> {
    while (sent < QUERIES && Date.now() - started < HARD_LIMIT_MS) {
      const index = sent;
      sent += 1;
      // One to six refs across providers; one in ten names a ticket that does not exist.
      const refs = Array.from({ length: 1 + (index % 6) }, (_, at) => {
        const provider = PROVIDER_NAMES[(index + at) % PROVIDER_NAMES.length]!;
        const pool = numbers[provider];
        const number = (index + at) % 10 === 0 ? '999999999' : pool[(index * 7 + at) % pool.length]!;
        return { provider: provider.toUpperCase(), number };
      });
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY, variables: { refs } }),
        });
        const body = (await response.json()) as {
          data?: { tickets: unknown[] };
          errors?: { extensions?: { code?: string } }[];
        };
        if (!response.ok && !body.data) count(`HTTP ${response.status}`);
        for (const ticket of body.data?.tickets ?? []) if (ticket !== null) count('ticket');
        for (const error of body.errors ?? []) count(error.extensions?.code ?? 'no code');
      } catch (error) {
        count(`client ${(error as Error).name}`);
      }
    }
  }

  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await faulting;
  const seconds = (Date.now() - started) / 1000;
  sandbox.reset();
  const after = memory();

  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await sandbox.close();

  const answers = Object.fromEntries([...byCode.entries()].sort(([a], [b]) => a.localeCompare(b)));
  console.log(
    JSON.stringify(
      {
        queries: sent,
        concurrency: CONCURRENCY,
        faultsSet,
        seconds: +seconds.toFixed(1),
        answers,
        memoryBefore: before,
        memoryAfter: after,
      },
      null,
      2,
    ),
  );
  if (
    byCode.has('no code') ||
    [...byCode.keys()].some((code) => code.startsWith('client') || code.startsWith('HTTP'))
  ) {
    console.error('soak: some answers were not well-formed GraphQL results with error codes');
    process.exitCode = 1;
  }
}

await main();
