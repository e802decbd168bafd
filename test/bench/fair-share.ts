/**
 * What a one-ticket request waits behind two large ones on a provider of one slot:
 * `npm run bench:fair-share -- [gateway-root]`. The sandbox's Sweeppea answers after 150 ms,
 * one call at a time; two requests of 100 unknown numbers each are sent, then one request for a
 * seeded ticket. Prints how many upstream calls were served before the small request's call and
 * its wall time. The gateway runs from `gateway-root` (default this checkout).
 */
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../src/sandbox/index.js';
import { sandboxEnv } from '../sandbox-env.js';
import { until } from '../until.js';
import { forkTs, freePort, stop, waitForHttp } from './processes.js';

const LARGE = 100;
const given = process.argv[2];
const root = given ? `${given.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../', import.meta.url));
const sandbox = await startSandbox({ latencyMs: { sweeppea: 150 } });
const port = await freePort();
const url = `http://127.0.0.1:${port}/graphql`;
const env = { PORT: String(port), HOST: '127.0.0.1', SANDBOX: 'false', LOG_LEVEL: 'silent', ...sandboxEnv(sandbox) };
const gateway = forkTs('src/main.ts', env, [], root);
await waitForHttp(`http://127.0.0.1:${port}/health`, gateway);

const query = 'query($refs: [TicketRef!]!) { tickets(refs: $refs) { number } }';
const ask = (numbers: string[]) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { refs: numbers.map((number) => ({ provider: 'SWEEPPEA', number })) } }),
  }).then((response) => response.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>);
const unknown = (prefix: string) => Array.from({ length: LARGE }, (_, i) => `${prefix}${i}`);

const large1 = ask(unknown('NOPEA'));
await until(() => sandbox.calls('sweeppea') >= 1, 10_000);
const large2 = ask(unknown('NOPEB'));
// Long enough for the second request's calls to queue in the gateway; the first's are in flight meanwhile.
await new Promise((resolve) => setTimeout(resolve, 50));
const small = sandbox.ticketNumbers('sweeppea')[0]!;
const started = performance.now();
const answer = await ask([small]);
const waitedMs = performance.now() - started;
const sent = sandbox.requests.filter((request) => request.provider === 'sweeppea');
const before = sent.findIndex((request) => request.body.includes(`"${small}"`));
const codes = (answer.errors ?? []).map((error) => error.extensions?.code).join(', ');
console.log(`small request: ${codes ? `failed (${codes})` : 'read'} after ${(waitedMs / 1000).toFixed(2)} s`);
const served = before === -1 ? `all ${sent.length} (its call never sent)` : String(before);
console.log(`upstream calls served before its call: ${served}`);
await Promise.all([large1, large2]);
await stop(gateway);
await sandbox.close();
