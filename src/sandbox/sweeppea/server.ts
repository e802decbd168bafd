import type { Admission, SandboxCall, Simulator, SimulatorOptions } from '../simulator.js';
import { TicketStore, withCopies } from '../ticket-store.js';
import { BUSY_REPLY, sweeppeaError, sweeppeaFaultReply } from './errors.js';
import { fetchSingleTicket } from './fetch-single-ticket.js';
import { fetchTicketList } from './fetch-ticket-list.js';
import { resolveTicket } from './resolve-ticket.js';
import { SWEEPPEA_SEED, type SweeppeaTicket } from './seed.js';
import { updateTicket } from './update-ticket.js';

const ROUTES = {
  '/tickets/fetchSingleTicket': fetchSingleTicket,
  '/tickets/update': updateTicket,
  '/tickets/resolve': resolveTicket,
  '/tickets/fetchOpenTickets': (call: SandboxCall, store: TicketStore<SweeppeaTicket>) =>
    fetchTicketList(call, store, false),
  '/tickets/fetchClosedTickets': (call: SandboxCall, store: TicketStore<SweeppeaTicket>) =>
    fetchTicketList(call, store, true),
} as const;

function routeOf(call: SandboxCall): keyof typeof ROUTES | undefined {
  return call.method === 'POST' && Object.hasOwn(ROUTES, call.pathname)
    ? (call.pathname as keyof typeof ROUTES)
    : undefined;
}

/** Sweeppea (`https://api-v3.sweeppea.com`): POST + JSON, Bearer key, one call at a time per endpoint. */
export function createSweeppeaSimulator(options: SimulatorOptions = {}): Simulator {
  const numberOf = (ticket: SweeppeaTicket) => ticket.CaseNumber;
  const store = new TicketStore(
    withCopies(
      SWEEPPEA_SEED,
      options.copies ?? 0,
      numberOf,
      (ticket, number) => (ticket.CaseNumber = number),
      (index) => `BK${String(index).padStart(6, '0')}`,
    ),
    numberOf,
  );
  const busy = new Set<string>();
  return {
    provider: 'sweeppea',
    contentType: 'application/json; charset=utf-8',
    handle(call) {
      const route = routeOf(call);
      return route ? ROUTES[route](call, store) : sweeppeaError(404, 'Endpoint Not Found');
    },
    faultReply: sweeppeaFaultReply,
    admit(call): Admission {
      const route = routeOf(call);
      if (route === undefined || options.concurrencyLimits === false) return { release: () => undefined };
      // docs/providers/sweeppea.md: "each endpoint serves one request at a time across all callers"; the rest get 503.
      if (busy.has(route)) return { refused: BUSY_REPLY };
      busy.add(route);
      return { release: () => busy.delete(route) };
    },
    ticketNumbers: (owner) => store.numbers(owner),
    reset: () => store.reset(),
  };
}
