/**
 * `npm run bench:profile -- [tickets] [seconds] [provider]`: the gateway under load with `node --cpu-prof`,
 * then where its CPU went, by function (self and inclusive time) and by package. The profile
 * file stays in .bench-profiles/ for Chrome DevTools or speedscope. Module loading at start-up
 * shows too (tsx's hooks, `compileSourceTextModule`): it is not per-request cost.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import autocannon from 'autocannon';
import type { ProviderName } from '../../src/domain/model.js';
import { stopAll } from './processes.js';
import { SandboxProcess, startGateway } from './servers.js';

const tickets = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 8);
const provider = (process.argv[4] ?? 'kapture') as ProviderName;
const DIR = '.bench-profiles';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const label = ({ callFrame }: ProfileNode) =>
  `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|test)\//, '$1/')}:${callFrame.lineNumber + 1}`;
const packageOf = ({ callFrame }: ProfileNode) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(callFrame.url)?.[1] ??
  /\/(src\/[^?]*)/.exec(callFrame.url)?.[1] ??
  (callFrame.url || '(native)');

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const time = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...time.values()].reduce((sum, value) => sum + value, 0);
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, spent] of time) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + spent);
    packages.set(packageOf(node), (packages.get(packageOf(node)) ?? 0) + spent);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + spent);
      seen.add(key);
    }
  }
  const top = (title: string, map: Map<string, number>, count: number) => {
    console.log(`\n${title}`);
    for (const [key, spent] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.log(`${((100 * spent) / total).toFixed(1).padStart(5)}%  ${key}`);
  };
  top('self time by package', packages, 20);
  top('self time by function', self, 25);
  top('inclusive time by function', inclusive, 40);
}

mkdirSync(DIR, { recursive: true });
const before = new Set(readdirSync(DIR));
try {
  const sandbox = await SandboxProcess.start();
  await sandbox.command({ type: 'keep', on: false });
  const gateway = await startGateway(sandbox, {}, ['--cpu-prof', `--cpu-prof-dir=${DIR}`]);
  const refs = sandbox.numbers(provider, tickets).map((number) => ({ provider: provider.toUpperCase(), number }));
  const result = await autocannon({
    url: gateway.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { number subject status } }',
      variables: { refs },
    }),
    connections: 10,
    duration: seconds,
  });
  console.log(
    `${tickets} ${provider} tickets a request, ${seconds} s: ${Math.round(result.requests.average)} req/s (profiling slows it), p50 ${result.latency.p50} ms, ${result.non2xx + result.errors} failed`,
  );
} finally {
  // The gateway writes its profile as it exits on SIGTERM.
  await stopAll();
}
const written = readdirSync(DIR)
  .filter((file) => !before.has(file) && file.endsWith('.cpuprofile'))
  .map((file) => `${DIR}/${file}`)
  .sort((a, b) => statSync(b).size - statSync(a).size);
if (written[0] === undefined) throw new Error('no profile was written');
console.log(`profile: ${written[0]}`);
report(JSON.parse(readFileSync(written[0], 'utf8')) as Profile);
