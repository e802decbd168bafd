import { ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply, Simulator, SimulatorOptions } from '../simulator.js';
import { TicketStore, withCopies } from '../ticket-store.js';
import { hostUpError, hostUpFaultReply, requestId } from './errors.js';
import { HOSTUP_SEED, type HostupTicket } from './seed.js';

const ROUTE = /^\/api\/support\/tickets\/([^/]*)$/;

/** The seed: `number` is an integer ≥ 1. Leading zeros still name the same integer. */
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

/** HostUp legacy API (`https://cloud.hostup.se`): `GET /api/support/tickets/{number}` with `X-API-Key`. */
export function createHostupSimulator(options: SimulatorOptions = {}): Simulator {
  const numberOf = (ticket: HostupTicket) => ticket.number;
  // A HostUp ticket carries its number twice: `ticket_number` (which the gateway reads) and `number`.
  const renumber = (ticket: HostupTicket, number: string) => {
    ticket.number = number;
    ticket.ticket_number = number;
  };
  const store = new TicketStore(
    withCopies(HOSTUP_SEED, options.copies ?? 0, numberOf, renumber, (index) => String(700_000 + index)),
    numberOf,
  );
  return {
    provider: 'hostup',
    contentType: 'application/json; charset=utf-8',
    handle(call) {
      const segment = ROUTE.exec(call.pathname)?.[1];
      if (call.method !== 'GET' || segment === undefined) {
        return hostUpError(404, { code: 'ROUTE_NOT_FOUND', message: `Cannot ${call.method} ${call.pathname}` });
      }
      return getTicket(call, segment, store);
    },
    faultReply: hostUpFaultReply,
    ticketNumbers: (owner) => store.numbers(owner),
    reset: () => store.reset(),
  };
}
