/**
 * `npm run bench`: the gateway against the floor, the yoga floor (and the peer, when installed), each in its own
 * process on loopback beside the sandbox's. Prints one table: upstream calls per operation,
 * fan-out latency, and the cost of a request under load. Not part of `npm test`: it takes about
 * three minutes and its figures depend on the machine.
 *
 *   npm run bench                  everything
 *   npm run bench -- --quick       shorter load runs (3 s), for trying a change
 *   npm run bench -- --only=calls,fanout,load,lists,traces
 *   npm run bench -- --no-peer     without the peer
 *   BENCH_GATEWAY_ROOT=../other-checkout npm run bench    that checkout's gateway, this bench
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { startPeer, type Peer } from './peer.js';
import { cpuMs, peakRssMiB, stop, stopAll } from './processes.js';
import {
  graphql,
  SandboxProcess,
  startFloor,
  startGateway,
  startYogaFloor,
  type Calls,
  type GraphQLAnswer,
  type Server,
} from './servers.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = [...args]
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: string) => only === undefined || only.includes(part);
const LOAD_SECONDS = quick ? 3 : 10;
const CONNECTIONS = 10;
const LATENCY_MS = 50;
const KAPTURE_MAX_BATCH = 20;

const TICKETS = 'query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { number subject status } }';
const YOGA_FLOOR = 'query Tickets($numbers: [String!]!) { tickets(numbers: $numbers) { number subject status } }';
const ENTITIES =
  'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Ticket { number subject status } } }';
const refs = (provider: ProviderName, numbers: readonly string[]) =>
  numbers.map((number) => ({ provider: provider.toUpperCase(), number }));

interface Row {
  readonly part: string;
  readonly what: string;
  readonly result: string;
  readonly target: string;
  readonly ok?: boolean;
}
const rows: Row[] = [];
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'yes' : '**no**');

// 1. Upstream calls per operation -------------------------------------------------------------

async function measureCalls(sandbox: SandboxProcess, gateway: Server): Promise<void> {
  const expected = (provider: ProviderName, distinct: number) =>
    provider === 'kapture' ? Math.ceil(distinct / KAPTURE_MAX_BATCH) : distinct;
  async function row(
    what: string,
    query: string,
    variables: Record<string, unknown>,
    want: Partial<Calls>,
  ): Promise<void> {
    await sandbox.command({ type: 'reset' });
    const answer = await graphql(gateway.url, query, variables);
    if (answer.errors?.length) throw new Error(`${what}: ${answer.errors[0]!.message}`);
    const calls = await sandbox.command({ type: 'calls' });
    const got = PROVIDER_NAMES.filter((name) => calls[name] > 0 || want[name] !== undefined);
    const ok = PROVIDER_NAMES.every((name) => calls[name] === (want[name] ?? 0));
    rows.push({
      part: '1 calls',
      what,
      result: got.map((name) => `${name} ${calls[name]}`).join(', '),
      target: got.map((name) => `${name} ${want[name] ?? 0}`).join(', '),
      ok,
    });
  }
  for (const n of [1, 10, 100]) {
    for (const provider of PROVIDER_NAMES) {
      await row(
        `${n} ${provider} ticket${n > 1 ? 's' : ''}`,
        TICKETS,
        { refs: refs(provider, sandbox.numbers(provider, n)) },
        { [provider]: expected(provider, n) },
      );
    }
  }
  for (const provider of PROVIDER_NAMES) {
    const distinct = sandbox.numbers(provider, 10);
    await row(
      `20 ${provider} refs, 10 distinct (each twice)`,
      TICKETS,
      { refs: refs(provider, [...distinct, ...distinct]) },
      { [provider]: expected(provider, 10) },
    );
  }
  await row(
    '100 refs across the four, 25 each',
    TICKETS,
    { refs: PROVIDER_NAMES.flatMap((provider) => refs(provider, sandbox.numbers(provider, 25))) },
    Object.fromEntries(PROVIDER_NAMES.map((provider) => [provider, expected(provider, 25)])),
  );
  for (const provider of ['kapture', 'hostup'] as const) {
    await row(
      `_entities: 100 ${provider} representations`,
      ENTITIES,
      {
        representations: refs(provider, sandbox.numbers(provider, 100)).map((ref) => ({
          __typename: 'Ticket',
          ...ref,
        })),
      },
      { [provider]: expected(provider, 100) },
    );
  }
}

// 2. Fan-out latency ---------------------------------------------------------------------------

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function measureFanOut(
  sandbox: SandboxProcess,
  gateway: Server,
  label: string,
  target: number | undefined,
): Promise<void> {
  await sandbox.command({ type: 'latency', ms: LATENCY_MS });
  const variables = { refs: PROVIDER_NAMES.flatMap((provider) => refs(provider, sandbox.numbers(provider, 10))) };
  const times: number[] = [];
  for (let run = 0; run < 3 + 15; run++) {
    const started = performance.now();
    const answer = await graphql(gateway.url, TICKETS, variables);
    if (answer.errors?.length) throw new Error(`fan-out: ${answer.errors[0]!.message}`);
    if (run >= 3) times.push(performance.now() - started);
  }
  await sandbox.command({ type: 'latency', ms: 0 });
  const multiple = median(times) / LATENCY_MS;
  rows.push({
    part: '2 fan-out',
    what: `40 tickets, 10 a provider, L = ${LATENCY_MS} ms: ${label}`,
    result: `${multiple.toFixed(2)} × L (median ${median(times).toFixed(0)} ms of 15)`,
    target: target === undefined ? 'Sweeppea one at a time: ≈ 10 × L' : `≤ ${target} × L`,
    ...(target !== undefined && { ok: multiple <= target }),
  });
}

// 3 and 4. Cost under load -----------------------------------------------------------------------

interface Load {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  /** CPU the server's own process spent a request (user + system): robust to the shared cores. */
  readonly cpuPerRequest: number | undefined;
  readonly rss: number | undefined;
  readonly failures: number;
}

/**
 * Loads one server with `request` (whose answer must always be `expected`) after a warm-up, with
 * the sandbox reset and not keeping requests, so every server meets the same sandbox.
 */
async function load(
  sandbox: SandboxProcess,
  request: { url: string; method: 'GET' | 'POST'; body?: string },
  expected: string,
  pid: number | undefined,
): Promise<Load> {
  await sandbox.command({ type: 'reset' });
  await sandbox.command({ type: 'keep', on: false });
  const options = {
    url: request.url,
    method: request.method,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json' },
    expectBody: expected,
    ...(request.body && { body: request.body }),
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, connection pools
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ ...options, duration: LOAD_SECONDS });
  const cpuAfter = cpuMs(pid);
  await sandbox.command({ type: 'keep', on: true });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    cpuPerRequest:
      cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / result.requests.total,
    rss: peakRssMiB(pid),
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

const describeLoad = (measured: Load) =>
  `p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${Math.round(measured.rps)} req/s, ` +
  `${measured.cpuPerRequest?.toFixed(2) ?? '?'} CPU ms a request, peak RSS ${measured.rss?.toFixed(0) ?? '?'} MiB` +
  (measured.failures ? `, **${measured.failures} failed or wrong**` : '');

/** The same comparison two ways: requests a second, and CPU a request (theirs over ours). */
function ratio(ours: Load, theirs: Load): { rps: number; cpu: number | undefined } {
  return {
    rps: ours.rps / theirs.rps,
    cpu: ours.cpuPerRequest && theirs.cpuPerRequest ? theirs.cpuPerRequest / ours.cpuPerRequest : undefined,
  };
}

async function measureLoad(sandbox: SandboxProcess, peer: Peer | undefined): Promise<void> {
  for (const n of [1, 10, 100]) {
    const numbers = sandbox.numbers('kapture', n);
    const part = n === 1 ? '3 load' : '4 scaling';
    const what = `${n} Kapture ticket${n > 1 ? 's' : ''} a request, ${CONNECTIONS} connections, ${LOAD_SECONDS} s`;

    const gateway = await startGateway(sandbox);
    const body = JSON.stringify({ query: TICKETS, variables: { refs: refs('kapture', numbers) } });
    const answer = await (
      await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    ).text();
    const tickets = (JSON.parse(answer) as GraphQLAnswer).data?.tickets as { number: string }[] | undefined;
    if (tickets?.map((ticket) => ticket.number).join() !== numbers.join())
      throw new Error(`gateway answered ${answer.slice(0, 200)}`);
    const ours = await load(sandbox, { url: gateway.url, method: 'POST', body }, answer, gateway.child.pid);
    await stop(gateway.child);

    const floor = await startFloor(sandbox);
    const floorUrl = `${floor.url}?ids=${numbers.join(',')}`;
    const floorAnswer = await (await fetch(floorUrl)).text();
    if (
      (JSON.parse(floorAnswer) as { tickets: ({ number: string } | null)[] }).tickets
        .map((ticket) => ticket?.number)
        .join() !== numbers.join()
    ) {
      throw new Error('the floor server did not read every ticket');
    }
    const bare = await load(sandbox, { url: floorUrl, method: 'GET' }, floorAnswer, floor.child.pid);
    await stop(floor.child);

    const yogaFloor = await startYogaFloor(sandbox);
    const yogaBody = JSON.stringify({ query: YOGA_FLOOR, variables: { numbers } });
    const yogaAnswer = await (
      await fetch(yogaFloor.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: yogaBody })
    ).text();
    if (
      ((JSON.parse(yogaAnswer) as GraphQLAnswer).data?.tickets as { number: string }[] | undefined)
        ?.map((ticket) => ticket.number)
        .join() !== numbers.join()
    ) {
      throw new Error(`the yoga floor answered ${yogaAnswer.slice(0, 200)}`);
    }
    const yoga = await load(
      sandbox,
      { url: yogaFloor.url, method: 'POST', body: yogaBody },
      yogaAnswer,
      yogaFloor.child.pid,
    );
    await stop(yogaFloor.child);

    rows.push({ part, what: `${what}: gateway`, result: describeLoad(ours), target: '' });
    rows.push({ part, what: `${what}: floor (undici + JSON, no GraphQL)`, result: describeLoad(bare), target: '' });
    rows.push({
      part,
      what: `${what}: yoga floor (the floor's calls in one graphql-yoga resolver)`,
      result: describeLoad(yoga),
      target: '',
    });
    const ofFloor = ratio(ours, bare);
    rows.push({
      part,
      what: `${what}: gateway / floor (req/s; CPU a request, floor's over ours)`,
      result: `${ofFloor.rps.toFixed(2)}; ${ofFloor.cpu?.toFixed(2) ?? '?'}`,
      target: '≥ 0.6',
      ok: ofFloor.rps >= 0.6,
    });
    const yogaOfFloor = ratio(yoga, bare);
    rows.push({
      part,
      what: `${what}: yoga floor / floor: the most a yoga gateway can reach`,
      result: `${yogaOfFloor.rps.toFixed(2)}; ${yogaOfFloor.cpu?.toFixed(2) ?? '?'}`,
      target: '',
    });
    const ofYoga = ratio(ours, yoga);
    rows.push({
      part,
      what: `${what}: gateway / yoga floor: ticket-graph's own cost`,
      result: `${ofYoga.rps.toFixed(2)}; ${ofYoga.cpu?.toFixed(2) ?? '?'}`,
      target: '',
    });

    if (peer) {
      const server = await peer.start(sandbox.ready);
      const peerBody = JSON.stringify({ query: peer.query(numbers) });
      const peerAnswer = await (
        await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: peerBody })
      ).text();
      const read = Object.values((JSON.parse(peerAnswer) as GraphQLAnswer).data ?? {}).flat() as {
        task_details: { ticketId: string };
      }[];
      if (
        read
          .map((entry) => entry.task_details.ticketId)
          .sort()
          .join() !== [...numbers].sort().join()
      )
        throw new Error(`the peer answered ${peerAnswer.slice(0, 200)}`);
      const theirs = await load(
        sandbox,
        { url: server.url, method: 'POST', body: peerBody },
        peerAnswer,
        server.child.pid,
      );
      await stop(server.child);
      rows.push({
        part,
        what: `${what}: peer (GraphQL Mesh on Hive Gateway)`,
        result: describeLoad(theirs),
        target: '',
      });
      const ofPeer = ratio(ours, theirs);
      rows.push({
        part,
        what: `${what}: gateway / peer (req/s; CPU a request, peer's over ours)`,
        result: `${ofPeer.rps.toFixed(2)}; ${ofPeer.cpu?.toFixed(2) ?? '?'}`,
        target: '≥ 4',
        ok: ofPeer.rps >= 4,
      });
    }
  }
}

// 5. Lists: paging through 100 tickets ---------------------------------------------------------

const LIST_PAGE = 20;
const LIST_WALKS = 20;
const INBOX =
  'query Inbox($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) ' +
  '{ ticketList(provider: $provider, filter: $filter, first: $first, after: $after) ' +
  '{ pageInfo { hasNextPage endCursor } edges { node { number subject status createdAt } } } }';

/** Each listing provider, how the gateway is started for it, and the filter its list needs. */
const LISTS: readonly { provider: ProviderName; env: Record<string, string>; filter: Record<string, unknown> }[] = [
  { provider: 'sweeppea', env: {}, filter: { state: 'ANY' } },
  { provider: 'hostup', env: { HOSTUP_API: 'v2' }, filter: { state: 'ANY' } },
  // The 31 days that end with the sandbox's busy week: the most one Kapture list may span.
  {
    provider: 'kapture',
    env: {},
    filter: { createdAfter: '2026-02-06T00:00:00+05:30', createdBefore: '2026-03-09T00:00:00+05:30' },
  },
];

/** Pages of 20 until 100 tickets (or the list's end): the tickets read and the calls each page cost. */
async function walkList(
  sandbox: SandboxProcess,
  gateway: Server,
  list: (typeof LISTS)[number],
): Promise<{ tickets: number; calls: number[] }> {
  const calls: number[] = [];
  let tickets = 0;
  let after: string | null = null;
  while (tickets < 100) {
    const before = (await sandbox.command({ type: 'calls' }))[list.provider];
    const answer = await graphql(gateway.url, INBOX, {
      provider: list.provider.toUpperCase(),
      filter: list.filter,
      first: Math.min(LIST_PAGE, 100 - tickets),
      after,
    });
    if (answer.errors?.length) throw new Error(`${list.provider} list: ${answer.errors[0]!.message}`);
    const page = answer.data?.ticketList as {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: unknown[];
    };
    calls.push((await sandbox.command({ type: 'calls' }))[list.provider] - before);
    tickets += page.edges.length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { tickets, calls };
}

async function measureLists(sandbox: SandboxProcess): Promise<void> {
  for (const list of LISTS) {
    const gateway = await startGateway(sandbox, list.env);
    await sandbox.command({ type: 'reset' });
    const walked = await walkList(sandbox, gateway, list);
    // CPU of the gateway's process over further walks, a page at a time (the sandbox's own is apart),
    // after as many again to warm it up, as the load parts do.
    await sandbox.command({ type: 'keep', on: false });
    for (let walk = 0; walk < LIST_WALKS; walk++) await walkList(sandbox, gateway, list);
    const cpuBefore = cpuMs(gateway.child.pid);
    for (let walk = 0; walk < LIST_WALKS; walk++) await walkList(sandbox, gateway, list);
    const cpuAfter = cpuMs(gateway.child.pid);
    await sandbox.command({ type: 'keep', on: true });
    await stop(gateway.child);
    const pages = walked.calls.length;
    const cpu =
      cpuBefore === undefined || cpuAfter === undefined
        ? '?'
        : ((cpuAfter - cpuBefore) / (LIST_WALKS * pages)).toFixed(2);
    rows.push({
      part: '5 lists',
      what: `${list.provider}: ${walked.tickets} tickets in pages of ${LIST_PAGE}, summary fields`,
      result: `${pages} pages; upstream calls ${walked.calls.join(' + ')} = ${walked.calls.reduce((a, b) => a + b, 0)}; ${cpu} CPU ms a page`,
      target: '',
    });
  }
}

// 6. Tracing's cost ----------------------------------------------------------------------------

/** An OTLP/HTTP receiver on loopback that keeps nothing: it answers every export 200 and counts it. */
async function startSink(): Promise<{ url: string; exports: () => number; bytes: () => number; close(): void }> {
  let exports = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      exports += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => exports,
    bytes: () => bytes,
    close: () => server.close(),
  };
}

/**
 * The same load with tracing off, on (every operation sampled, its spans batched to the sink in
 * OTLP/HTTP protobuf) and on with every trace sampled out: what a traced request costs the gateway.
 */
async function measureTracing(sandbox: SandboxProcess): Promise<void> {
  const sink = await startSink();
  const shapes = [
    { what: '1 Kapture ticket', refs: refs('kapture', sandbox.numbers('kapture', 1)) },
    // One call a ticket, eight at a time: twelve spans a request where the Kapture ticket makes three.
    { what: '10 HostUp tickets', refs: refs('hostup', sandbox.numbers('hostup', 10)) },
  ];
  try {
    for (const shape of shapes) {
      const what = `${shape.what} a request, ${CONNECTIONS} connections, ${LOAD_SECONDS} s`;
      const body = JSON.stringify({ query: TICKETS, variables: { refs: shape.refs } });
      const measured: Load[] = [];
      const on = { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url };
      // Sampled out, every span is a no-op one: what is left is the context's propagation.
      for (const env of [{}, on, { ...on, OTEL_TRACES_SAMPLER: 'always_off' }] as Record<string, string>[]) {
        const gateway = await startGateway(sandbox, env);
        const answer = await (
          await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        ).text();
        if ((JSON.parse(answer) as GraphQLAnswer).errors) throw new Error(`gateway answered ${answer.slice(0, 200)}`);
        measured.push(await load(sandbox, { url: gateway.url, method: 'POST', body }, answer, gateway.child.pid));
        await stop(gateway.child);
      }
      const [off, traced, sampledOut] = measured as [Load, Load, Load];
      rows.push({ part: '6 traces', what: `${what}: tracing off`, result: describeLoad(off), target: '' });
      rows.push({ part: '6 traces', what: `${what}: tracing on`, result: describeLoad(traced), target: '' });
      rows.push({
        part: '6 traces',
        what: `${what}: tracing on, every trace sampled out (always_off)`,
        result: describeLoad(sampledOut),
        target: '',
      });
      const cost = ratio(traced, off);
      rows.push({
        part: '6 traces',
        what: `${what}: on / off (req/s; CPU a request, off's over on's)`,
        result: `${cost.rps.toFixed(2)}; ${cost.cpu?.toFixed(2) ?? '?'}`,
        target: '',
      });
    }
    rows.push({
      part: '6 traces',
      what: 'what the sink received',
      result: `${sink.exports()} exports, ${(sink.bytes() / 1024 / 1024).toFixed(1)} MiB`,
      target: '',
    });
  } finally {
    sink.close();
  }
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  // Every child is tracked as it starts (processes.ts), and stopAll ends whatever is still running.
  const sandbox = await SandboxProcess.start();
  try {
    if (runs('calls') || runs('fanout')) {
      const gateway = await startGateway(sandbox);
      if (runs('calls')) await measureCalls(sandbox, gateway);
      if (runs('fanout'))
        await measureFanOut(sandbox, gateway, 'default concurrency (Sweeppea 1, others 8)', undefined);
      await stop(gateway.child);
    }
    if (runs('fanout')) {
      // Sweeppea documents one call at a time; this row asks what the gateway does where a
      // provider allows ten, so this sandbox does not enforce it.
      const open = await SandboxProcess.start({ BENCH_CONCURRENCY_LIMITS: 'off' });
      const gateway = await startGateway(open, {
        SWEEPPEA_MAX_CONCURRENCY: '10',
        HOSTUP_MAX_CONCURRENCY: '10',
        KELIWEB_MAX_CONCURRENCY: '10',
      });
      await measureFanOut(open, gateway, 'concurrency 10 a provider', 1.2);
      await stop(gateway.child);
      await stop(open.child);
    }
    if (runs('lists')) await measureLists(sandbox);
    if (runs('load')) await measureLoad(sandbox, args.has('--no-peer') ? undefined : await startPeer());
    if (runs('traces')) await measureTracing(sandbox);
  } finally {
    await stopAll();
  }

  const cpu = cpus();
  console.log(
    `\nticket-graph benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model ?? 'unknown'})\n`,
  );
  console.log('| part | what | result | target | met |');
  console.log('|---|---|---|---|---|');
  for (const row of rows)
    console.log(`| ${row.part} | ${row.what} | ${row.result} | ${row.target} | ${mark(row.ok)} |`);
  if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}

await main();
