/**
 * Peak memory of a gateway process asked, in one query, for 60 HostUp tickets of 9 MB each from a
 * hostile loopback upstream: `npm run bench:upstream-memory -- [gateway-root]`. The gateway
 * runs with a 512 MB heap, from `gateway-root` (default this checkout), so an older commit can be
 * measured from a worktree of its own. Prints the answer (tickets, error codes) or how the process
 * died, and its peak RSS (VmHWM), sampled until it answers or exits.
 */
import { fileURLToPath } from 'node:url';
import { startHostileHostup } from '../hostile-hostup.js';
import { forkTs, freePort, peakRssMiB, stop, waitForHttp } from './processes.js';

const TICKETS = 60;
const BODY_CHARS = 9_000_000;

const given = process.argv[2];
const root = given ? `${given.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../', import.meta.url));
const hostile = await startHostileHostup({ bodyChars: BODY_CHARS });
const port = await freePort();
const url = `http://127.0.0.1:${port}/graphql`;
const env = {
  PORT: String(port),
  HOST: '127.0.0.1',
  SANDBOX: 'false',
  HOSTUP_API_KEY: 'key',
  HOSTUP_BASE_URL: hostile.url,
  LOG_LEVEL: 'silent',
};
const gateway = forkTs('src/main.ts', env, ['--max-old-space-size=512'], root);
await waitForHttp(`http://127.0.0.1:${port}/health`, gateway);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, peakRssMiB(gateway.pid) ?? 0)), 20);
const refs = Array.from({ length: TICKETS }, (_, i) => ({ provider: 'HOSTUP', number: String(800_001 + i) }));
const query = 'query($refs: [TicketRef!]!) { tickets(refs: $refs) { number body } }';
let outcome: string;
try {
  const body = JSON.stringify({ query, variables: { refs } });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  let summary = `${text.length} bytes`;
  try {
    type Answer = { data?: { tickets?: unknown[] }; errors?: { extensions?: { code?: string } }[] };
    const { data, errors } = JSON.parse(text) as Answer;
    const read = data?.tickets?.filter((ticket) => ticket !== null).length ?? 0;
    const codes = [...new Set((errors ?? []).map((error) => error.extensions?.code))].join(', ');
    summary = `${read} tickets read, ${errors?.length ?? 0} errors (${codes || 'none'})`;
  } catch {
    summary = `not JSON: ${text.slice(0, 120)}`;
  }
  outcome = `HTTP ${response.status}: ${summary}`;
} catch (error) {
  outcome = `no answer (${(error as Error).message})`;
}
peak = Math.max(peak, peakRssMiB(gateway.pid) ?? 0);
clearInterval(sampler);
const died = gateway.exitCode !== null || gateway.signalCode !== null;
const state = died ? `gateway died (${gateway.exitCode ?? gateway.signalCode})` : 'gateway alive';
console.log(`${outcome}; upstream calls ${hostile.asked.length}; ${state}`);
console.log(`peak RSS ${peak.toFixed(0)} MiB`);
await stop(gateway);
await hostile.close();
