/**
 * How many upstream calls HostUp's v2 list costs for `state: OPEN` (every status but closed),
 * two ways, against the sandbox: `npx tsx test/bench/hostup-open-walks.ts`.
 * - single: the provider's walk (src/providers/hostup/v2/list.ts): one unfiltered walk that
 *   leaves the closed tickets out.
 * - merged: one walk per open status (`status=open`, `answered`, …), merged newest created first;
 *   a page asks each unfinished walk for what the page may need (in parallel), and a walk whose
 *   tickets run out before the page is full is asked again.
 * Each is measured on three accounts: the seeded one, three times its size (`copies`), and that
 * one with all but ten of its tickets closed (an old account). CLOSED and ANY are one walk either
 * way and are shown for the single walk. `rounds` counts calls that must wait for each other.
 */
import { createHostupProvider } from '../../src/providers/hostup/index.js';
import type { ListPosition, ListState } from '../../src/domain/ticket-list.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createUpstreamClient } from '../../src/upstream/client.js';

const TICKETS = '/api/v2/support/tickets';
const OPEN_STATUSES = ['open', 'answered', 'customer_reply', 'in_progress', 'on_hold', 'unknown'];

interface Summary {
  readonly number: string;
  readonly status: string;
  readonly createdAt: string;
}
interface Cost {
  shown: number;
  pages: number;
  calls: number;
  rounds: number;
}

async function listPage(sandbox: Sandbox, query: string): Promise<{ data: Summary[]; nextCursor: string | null }> {
  const response = await fetch(`${sandbox.urls.hostup}${TICKETS}?${query}`, {
    headers: { authorization: `Bearer ${sandbox.keys.hostup}` },
  });
  return (await response.json()) as { data: Summary[]; nextCursor: string | null };
}

/** The provider's walk: pages of `first` until the end, or only the first page. */
async function single(sandbox: Sandbox, state: ListState, first: number, onlyFirstPage: boolean): Promise<Cost> {
  const http = createUpstreamClient({
    provider: 'hostup',
    baseUrl: sandbox.urls.hostup,
    timeoutMs: 5_000,
    maxConcurrency: 8,
  });
  const provider = createHostupProvider({ http, timezone: 'Europe/Stockholm', maxBatch: 1, api: 'v2' });
  const cost: Cost = { shown: 0, pages: 0, calls: 0, rounds: 0 };
  const before = sandbox.calls('hostup');
  let after: ListPosition | undefined;
  for (let more = true; more; ) {
    const page = await provider.listTickets!(
      { filter: { state }, first, ...(after !== undefined && { after }) },
      { secret: sandbox.keys.hostup },
    );
    cost.shown += page.edges.length;
    cost.pages += 1;
    after = page.edges.at(-1)?.position;
    more = page.hasNextPage && !onlyFirstPage;
  }
  cost.calls = sandbox.calls('hostup') - before;
  cost.rounds = cost.calls;
  await http.close();
  return cost;
}

/** Where one status's walk stands between pages. */
interface Walk {
  readonly status: string;
  cursor: string | null;
  skip: number;
  done: boolean;
}

/** One walk per open status, merged: pages of `first` until the end, or only the first page. */
async function merged(sandbox: Sandbox, first: number, onlyFirstPage: boolean): Promise<Cost> {
  const cost: Cost = { shown: 0, pages: 0, calls: 0, rounds: 0 };
  const before = sandbox.calls('hostup');
  const walks: Walk[] = OPEN_STATUSES.map((status) => ({ status, cursor: null, skip: 0, done: false }));
  for (let more = true; more; ) {
    const read = async (walk: Walk, limit: number) => {
      const cursor = walk.cursor === null ? '' : `&cursor=${encodeURIComponent(walk.cursor)}`;
      const page = await listPage(sandbox, `limit=${limit}&status=${walk.status}${cursor}`);
      return { from: walk.cursor, skip: walk.skip, items: page.data.slice(walk.skip), next: page.nextCursor };
    };
    const live = walks.filter((walk) => !walk.done);
    const windows = new Map(
      await Promise.all(live.map(async (walk) => [walk, await read(walk, Math.min(100, walk.skip + first))] as const)),
    );
    cost.rounds += live.length > 0 ? 1 : 0;
    const taken = new Map(live.map((walk) => [walk, 0]));
    let shown = 0;
    while (shown < first) {
      // A walk whose window ran out with more to come must be read on before the merge can choose.
      for (const [walk, window] of windows) {
        if (taken.get(walk) === window.items.length && window.next !== null) {
          walk.cursor = window.next;
          walk.skip = 0;
          windows.set(walk, await read(walk, Math.min(100, first - shown)));
          taken.set(walk, 0);
          cost.rounds += 1;
        }
      }
      const heads = [...windows].filter(([walk, window]) => taken.get(walk)! < window.items.length);
      if (heads.length === 0) break;
      const [newest] = heads.sort(([a, x], [b, y]) => {
        const p = x.items[taken.get(a)!]!;
        const q = y.items[taken.get(b)!]!;
        return Date.parse(q.createdAt) - Date.parse(p.createdAt) || Number(q.number) - Number(p.number);
      })[0]!;
      taken.set(newest, taken.get(newest)! + 1);
      shown += 1;
    }
    for (const [walk, window] of windows) {
      const used = taken.get(walk)!;
      if (used < window.items.length) {
        walk.cursor = window.from;
        walk.skip = window.skip + used;
      } else if (window.next !== null) {
        walk.cursor = window.next;
        walk.skip = 0;
      } else {
        walk.done = true;
      }
    }
    cost.shown += shown;
    cost.pages += 1;
    more = walks.some((walk) => !walk.done) && !onlyFirstPage;
  }
  cost.calls = sandbox.calls('hostup') - before;
  return cost;
}

/** Closes every open ticket of the primary tenant but the `keep` newest, through the v2 close action. */
async function closeAllBut(sandbox: Sandbox, keep: number): Promise<void> {
  const open: string[] = [];
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page = await listPage(sandbox, `limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    open.push(...page.data.filter((ticket) => ticket.status !== 'closed').map((ticket) => ticket.number));
    cursor = page.nextCursor;
  }
  for (const number of open.slice(keep)) {
    await fetch(`${sandbox.urls.hostup}${TICKETS}/${number}/actions/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.hostup}` },
    });
  }
}

const show = (cost: Cost) => `${cost.calls} calls, ${cost.rounds} rounds (${cost.shown} tickets, ${cost.pages} pages)`;

for (const account of [
  { name: 'seeded (91 tickets, 55 not closed)', copies: 0, keepOpen: undefined },
  { name: 'three times the seed (273 tickets)', copies: 182, keepOpen: undefined },
  { name: 'three times the seed, all but 10 closed', copies: 182, keepOpen: 10 },
]) {
  const sandbox = await startSandbox({ copies: account.copies });
  if (account.keepOpen !== undefined) await closeAllBut(sandbox, account.keepOpen);
  console.log(`\n${account.name}`);
  console.log(`  OPEN, first page of 50:  single ${show(await single(sandbox, 'OPEN', 50, true))}`);
  console.log(`                           merged ${show(await merged(sandbox, 50, true))}`);
  console.log(`  OPEN, every page of 20:  single ${show(await single(sandbox, 'OPEN', 20, false))}`);
  console.log(`                           merged ${show(await merged(sandbox, 20, false))}`);
  console.log(`  CLOSED, every page of 20: ${show(await single(sandbox, 'CLOSED', 20, false))}`);
  console.log(`  ANY, every page of 20:    ${show(await single(sandbox, 'ANY', 20, false))}`);
  await sandbox.close();
}
