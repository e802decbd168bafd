/**
 * The production image's contents, run as its Dockerfile runs them, without Docker: dist/ (from
 * `npm run build`) beside the production dependencies alone, installed with `npm ci --omit=dev
 * --ignore-scripts` in a temporary directory, started with `node dist/main.js` in production
 * mode on the sandbox, asked for with `SANDBOX=true` as production requires. It must become
 * ready, answer a query and its metrics, and exit 0 on SIGTERM. `.ci/run` runs it after `npm run build`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/bench/processes.js';
import { until } from '../test/until.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEADLINE_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'ticket-graph-production-'));
try {
  for (const file of ['package.json', 'package-lock.json', 'dist'])
    cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
  });
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', SANDBOX: 'true', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  try {
    const base = `http://127.0.0.1:${port}`;
    await until(
      async () => (await fetch(`${base}/ready`)).status === 200,
      DEADLINE_MS,
      'the production build did not become ready',
      200,
    );
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ticket(provider: KAPTURE, number: "713516551148") { number status } }' }),
    });
    const body = await answer.text();
    if (!body.includes('"number":"713516551148"'))
      throw new Error(`the query answered ${answer.status}: ${body.slice(0, 300)}`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    if (!/ticket_graph_upstream_requests_total\{provider="kapture",status="200",outcome="answered"\} 1/.test(metrics)) {
      throw new Error('/metrics did not count the Kapture call');
    }
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await exited;
  if (code !== 0) throw new Error(`node dist/main.js exited ${code} on SIGTERM`);
  console.log('production build: ready, answered, counted, exited 0 on SIGTERM');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
