import { ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply, Simulator, SimulatorOptions } from '../simulator.js';
import { TicketStore, withCopies } from '../ticket-store.js';
import { hostUpError, hostUpFaultReply, requestId } from './errors.js';
import type { HostupTicket } from './seed.js';
import { HOSTUP_TICKETS } from './seed-volume.js';
import { handleV2 } from './v2-api.js';
import { v2FaultReply } from './v2-errors.js';
import type { HostupV2State } from './v2-state.js';
import { publicIdOf } from './v2-view.js';

const ROUTE = /^\/api\/support\/tickets\/([^/]*)$/;

/** docs/providers/hostup.md: `number` is an integer ≥ 1. Leading zeros still name the same integer. */
function parseNumber(segment: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  if (!/^\d+$/.test(decoded)) return undefined;
  const number = Number(decoded);
  return number >= 1 && Number.isSafeInteger(number) ? String(number) : undefined;
}

function getTicket(call: SandboxCall, segment: string, store: TicketStore<HostupTicket>): SandboxReply {
  const key = call.headers['x-api-key'];
  const owner = ownerOfKey('hostup', typeof key === 'string' ? key : undefined);
  if (owner === undefined) return hostUpError(401);
  const number = parseNumber(segment);
  if (number === undefined) return hostUpError(400);
  const entry = store.get(number);
  // Another tenant's ticket answers exactly like a missing one, so existence is not revealed.
  if (!entry || entry.owner !== owner) return hostUpError(404);
  return {
    status: 200,
    body: {
      success: true,
      timestamp: new Date().toISOString(),
      requestId: requestId(),
      data: { ticket: entry.ticket },
    },
  };
}

/** The v2 API's paths; every other is the legacy API's. */
const isV2 = (pathname: string): boolean => pathname.startsWith('/api/v2/');

/** Ids of replies posted through the sandbox start here, above every seeded one. */
const FIRST_POSTED_REPLY = 9_000_000;

/**
 * HostUp (`https://cloud.hostup.se`), both APIs over the same tickets: the legacy
 * `GET /api/support/tickets/{number}` with `X-API-Key`, and v2 under `/api/v2/support/tickets`
 * with a Bearer token (v2-api.ts), whose writes the legacy API then shows too.
 */
export function createHostupSimulator(options: SimulatorOptions = {}): Simulator {
  const numberOf = (ticket: HostupTicket) => ticket.number;
  // A HostUp ticket carries its number twice: `ticket_number` (which the gateway reads) and `number`.
  const renumber = (ticket: HostupTicket, number: string) => {
    ticket.number = number;
    ticket.ticket_number = number;
  };
  const store = new TicketStore(
    withCopies(HOSTUP_TICKETS, options.copies ?? 0, numberOf, renumber, (index) => String(700_000 + index)),
    numberOf,
  );
  let postedReplies = 0;
  const v2: HostupV2State = {
    store,
    numberOf: new Map(store.all().map(({ ticket }) => [publicIdOf(ticket), ticket.number])),
    encrypted: new Set(),
    nextReplyId: () => String(FIRST_POSTED_REPLY + ++postedReplies),
  };
  return {
    provider: 'hostup',
    contentType: 'application/json; charset=utf-8',
    handle(call) {
      if (isV2(call.pathname)) return handleV2(call, v2);
      const segment = ROUTE.exec(call.pathname)?.[1];
      if (call.method !== 'GET' || segment === undefined) {
        return hostUpError(404, { code: 'ROUTE_NOT_FOUND', message: `Cannot ${call.method} ${call.pathname}` });
      }
      return getTicket(call, segment, store);
    },
    faultReply: (fault, pathname) => (isV2(pathname) ? v2FaultReply(fault, pathname) : hostUpFaultReply(fault)),
    ticketNumbers: (owner) => store.numbers(owner),
    reset: () => {
      store.reset();
      v2.encrypted.clear();
      postedReplies = 0;
    },
  };
}
