import { TicketClosedError, UpstreamFailedError, UpstreamInvalidResponseError } from '../../../domain/errors.js';
import type { Ticket } from '../../../domain/model.js';
import { tracedBy } from '../../../upstream/traced.js';
import type { UpstreamClient } from '../../../upstream/types.js';
import { askedTicket } from '../../kit/asked-ticket.js';
import { oneTicketACallProvider } from '../../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../../provider.js';
import { parseHostupNumber } from '../ticket-number.js';
import { getTicketV2, postAction, postMessage } from './client.js';
import { listTicketsV2 } from './list.js';
import { toTicketV2, withReply, withStatus } from './mapper.js';
import { type HostupV2Answer, publicIdOf } from './payload.js';
import { closedAlready, READS_OPEN } from '../../kit/ticket-state.js';

const provider = 'hostup';

/**
 * HostUp's v2 API (`HOSTUP_API=v2`, docs/providers/hostup.md): one `GET /api/v2/support/tickets/{number}`
 * a ticket, the list's cursor pages, replies through `…/messages`, and the `…/actions/close` and
 * `…/actions/reopen` actions.
 */
export function createHostupV2Provider(deps: ProviderDeps): Provider {
  const now = () => new Date().toISOString();

  /**
   * The ticket as it stands after a write HostUp accepted: the ticket its answer holds, else one
   * read back. Should neither be the ticket (a read failing now must not invite sending the write
   * again), `fallback`: the ticket as read before, with what the write is known to have changed.
   */
  async function after(
    http: UpstreamClient,
    current: Ticket,
    token: string,
    answered: HostupV2Answer | undefined,
    fallback: () => Ticket,
  ): Promise<Ticket> {
    const asked = (answer: HostupV2Answer) =>
      askedTicket(toTicketV2(answer, { fetchedAt: now() }), current.number, parseHostupNumber);
    try {
      if (answered !== undefined) return asked(answered);
    } catch {
      // Not the ticket: read it instead.
    }
    try {
      return asked(await getTicketV2(http, refOf(current), token, current.number));
    } catch (error) {
      // Another ticket read back: the change went somewhere, but this ticket cannot be shown as it
      // stands. Not retryable: sending it again could make it twice.
      if (error instanceof UpstreamInvalidResponseError) {
        throw new UpstreamFailedError(
          `HostUp answered another ticket after the change to ticket ${current.number}; the change may have been made: read the ticket before trying again`,
          { provider, retryable: false },
        );
      }
      return fallback();
    }
  }

  return {
    ...oneTicketACallProvider(deps, {
      provider,
      parseNumber: parseHostupNumber,
      read: getTicketV2,
      toTicket: toTicketV2,
    }),
    /** `GET /api/v2/support/tickets?limit=&cursor=&status=`, as many pages as the page needs (list.ts). */
    listTickets(query, auth, trace) {
      return listTicketsV2(tracedBy(deps.http, trace), query, auth.secret);
    },
    /** `POST …/messages`, then the ticket read back (the 201 answers the message alone). */
    async replyToTicket(current, body, auth, trace) {
      // docs/providers/hostup.md: a closed ticket must be reopened before a reply; refused here, unsent.
      if (current.status === 'CLOSED') {
        throw new TicketClosedError(`HostUp ticket ${current.number} is closed; reopen it before replying`, {
          provider,
        });
      }
      const http = tracedBy(deps.http, trace);
      const message = await postMessage(http, refOf(current), body, auth.secret, current.number);
      return after(http, current, auth.secret, undefined, () => withReply(current, message, now()));
    },
    /** `POST …/actions/close` (unconfirmed); its answer when that is the ticket, else the ticket read back. */
    async closeTicket(current, auth, trace) {
      if (current.status === 'CLOSED') {
        throw closedAlready(provider, 'HostUp', current.number);
      }
      const http = tracedBy(deps.http, trace);
      const answer = await postAction(http, refOf(current), 'close', auth.secret, current.number);
      return after(http, current, auth.secret, answer, () => withStatus(current, 'closed', now()));
    },
    /** `POST …/actions/reopen`, which answers the refreshed ticket. */
    async reopenTicket(current, auth, trace) {
      // A ticket that reads open is open already: answered as it stands, nothing sent (as Kapture
      // does). UNKNOWN is left to HostUp to judge.
      if (READS_OPEN.has(current.status)) return current;
      const http = tracedBy(deps.http, trace);
      const answer = await postAction(http, refOf(current), 'reopen', auth.secret, current.number);
      return after(http, current, auth.secret, answer, () => withStatus(current, 'open', now()));
    },
  } satisfies Provider;
}

/** The `{id}` of the write routes: the public id the ticket was read with, else its number. */
function refOf(current: Ticket): string {
  const id = publicIdOf(current.raw);
  return id !== null && PUBLIC_ID.test(id) ? id : current.number;
}

/** A public ticket id as HostUp writes them (`tkt_` and a ULID): anything else is not trusted in a path. */
const PUBLIC_ID = /^tkt_[0-9a-z]{1,64}$/i;
