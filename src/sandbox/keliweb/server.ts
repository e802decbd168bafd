import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply, Simulator, SimulatorOptions } from '../simulator.js';
import { TicketStore, withCopies } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import { addTicketReply } from './add-ticket-reply.js';
import { keliwebFaultReply, laravelError, whmcsError } from './errors.js';
import { formFields } from './form-fields.js';
import { Passport } from './passport.js';
import { KELIWEB_SEED, type KeliwebTicket } from './seed.js';

const GET_TICKET = '/api/v2/keliweb/get-ticket';
const ADD_TICKET_REPLY = '/api/v2/keliweb/add-ticket-reply';
const OAUTH_TOKEN = '/oauth/token';
const ROUTES = new Set([GET_TICKET, ADD_TICKET_REPLY, OAUTH_TOKEN]);

/** `repliessort` orders every reply by date, the opening message included; anything but DESC is ASC. */
function sortedReplies(ticket: KeliwebTicket, order: string | undefined): KeliwebTicket {
  const descending = order?.toUpperCase() === 'DESC';
  const reply = [...ticket.replies.reply].sort((a, b) => {
    // `Y-m-d H:i:s` strings sort like the dates they spell.
    const byDate = (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || Number(a.replyid) - Number(b.replyid);
    return descending ? -byDate : byDate;
  });
  return { ...ticket, replies: { reply } };
}

async function getTicket(
  call: SandboxCall,
  store: TicketStore<KeliwebTicket>,
  owner: TenantOwner,
): Promise<SandboxReply> {
  const fields = await formFields(call);
  const ticketnum = fields.get('ticketnum')?.trim() ?? '';
  const ticketid = fields.get('ticketid')?.trim() ?? '';
  if (ticketnum === '' && ticketid === '') return whmcsError('Ticket ID or Ticket Number is required');
  // WHMCS GetTicket looks a ticket up by `ticketnum` when given, else by `ticketid`; MySQL's
  // default collation compares the mask case-blind.
  const entry =
    ticketnum !== ''
      ? store.find((ticket) => ticket.tid.toLowerCase() === ticketnum.toLowerCase())
      : store.find((ticket) => ticket.ticketid === ticketid);
  if (!entry || entry.owner !== owner) return whmcsError('Ticket ID Not Found');
  return { status: 200, body: sortedReplies(entry.ticket, fields.get('repliessort')) };
}

/**
 * Keliweb API v2 (`https://apiv2.keliweb.it`), a WHMCS wrapper: `POST /api/v2/keliweb/get-ticket`
 * and `add-ticket-reply`, and Laravel Passport's `POST /oauth/token` that issues their Bearer tokens.
 */
export function createKeliwebSimulator(options: SimulatorOptions = {}): Simulator {
  const numberOf = (ticket: KeliwebTicket) => ticket.tid;
  const store = new TicketStore(
    withCopies(
      KELIWEB_SEED,
      options.copies ?? 0,
      numberOf,
      (ticket, number) => {
        ticket.tid = number;
        // Each copy its own internal id too (`BK-000012` is 9000012), which add-ticket-reply finds it by.
        ticket.ticketid = `9${number.slice(3)}`;
      },
      (index) => `BK-${String(index).padStart(6, '0')}`,
    ),
    numberOf,
  );
  const passport = new Passport();
  return {
    provider: 'keliweb',
    contentType: 'application/json',
    async handle(call) {
      if (!ROUTES.has(call.pathname)) {
        return laravelError(404, `The route ${call.pathname.replace(/^\//, '')} could not be found.`);
      }
      if (call.method !== 'POST') {
        return laravelError(
          405,
          `The ${call.method} method is not supported for route ${call.pathname.slice(1)}. Supported methods: POST.`,
        );
      }
      if (call.pathname === OAUTH_TOKEN) return passport.token(await formFields(call));
      // A long-lived personal access token (the sandbox keys) or one the OAuth endpoint issued.
      const token = authorizationToken(call.headers.authorization, 'Bearer');
      const owner = ownerOfKey('keliweb', token) ?? passport.ownerOf(token);
      if (owner === undefined) return laravelError(401, 'Unauthenticated.');
      return call.pathname === GET_TICKET ? getTicket(call, store, owner) : addTicketReply(call, store, owner);
    },
    faultReply: keliwebFaultReply,
    ticketNumbers: (owner) => store.numbers(owner),
    expireAccessTokens: () => passport.expireAccessTokens(),
    reset() {
      store.reset();
      passport.reset();
    },
  };
}
