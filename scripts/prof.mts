import { fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
const N = Number(process.argv[2] ?? 10);
const sb = fork('test/bench/sandbox-process.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const [ready] = (await once(sb, 'message')) as any[];
const env: Record<string, string> = { ...process.env as any, SANDBOX: 'false', NODE_ENV: 'production', PORT: '4555', LOG_LEVEL: 'warn' };
for (const n of ['sweeppea', 'hostup', 'keliweb', 'kapture']) { env[`${n.toUpperCase()}_BASE_URL`] = ready.urls[n]; env[`${n.toUpperCase()}_API_KEY`] = ready.keys[n]; }
const gw = fork('src/main.ts', [], { execArgv: ['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir=/tmp/prof'], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
for (;;) { try { await fetch('http://127.0.0.1:4555/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }); break; } catch { await new Promise(r => setTimeout(r, 100)); } }
const refs = ready.numbers.kapture.slice(0, N).map((number: string) => ({ provider: 'KAPTURE', number }));
const body = JSON.stringify({ query: 'query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { number subject status } }', variables: { refs } });
const r = await autocannon({ url: 'http://127.0.0.1:4555/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: 6 });
console.log('rps', r.requests.average, 'p50', r.latency.p50, 'non2xx', r.non2xx);
gw.kill('SIGTERM'); await once(gw, 'exit'); sb.kill('SIGTERM'); await once(sb, 'exit');
