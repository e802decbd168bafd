import { createHash, createHmac } from 'node:crypto';
import type { Tracer } from '@opentelemetry/api';
import DataLoader from 'dataloader';
import { credentialHeader, type RequestCredentials } from './credentials.js';
import {
  asError,
  BadUserInputError,
  TicketGraphError,
  ProviderDisabledError,
  UnauthenticatedError,
  UnsupportedError,
} from '../domain/errors.js';
import type { ProviderName, Ticket, TicketAction, TicketRef, TicketUpdate } from '../domain/model.js';
import {
  checkListFilter,
  checkPageSize,
  type ListedTicket,
  type ListFilterInput,
  type TicketListFilter,
  type TicketListQuery,
  type TicketPage,
} from '../domain/ticket-list.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Credential, CredentialSource, Provider } from '../providers/provider.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { CallTrace } from '../upstream/types.js';
import { inBatchSpan, inListSpan } from '../telemetry/spans.js';

/** Reads tickets for one request: one DataLoader per provider, made on first use. */
export interface TicketLoader {
  /** Checks the ref, then loads it; the same ticket asked for twice is fetched once. */
  load(ref: TicketRef): Promise<Ticket>;
  /**
   * Loads a ticket a list of this request answered, for a field its list answer lacks. Not counted
   * against MAX_TICKETS_PER_REQUEST: its list counted it already (`first`).
   */
  loadListed(ticket: ListedTicket): Promise<Ticket>;
  /** Stores a ticket the request already holds, e.g. one an update returned. */
  prime(ticket: Ticket): void;
  /**
   * Acts on the ticket through its provider and keeps the ticket as it now stands in this
   * request's loader, so a later read in the same operation sees the change. Throws
   * UnsupportedError for a provider that is not enabled or cannot do it, before anything is
   * sent. With `idempotencyKey`, the same caller sending the same key and input again gets the
   * first outcome without another upstream call (see IdempotencyStore).
   */
  act(ref: TicketRef, request: ActionRequest, idempotencyKey?: string): Promise<Ticket>;
  /**
   * One page of a provider's list, newest created first. A provider that is not enabled or
   * cannot list, a bad `first`, a filter the provider cannot apply, or a cursor this gateway did
   * not issue for this provider and filter is refused before any upstream call.
   */
  list(provider: ProviderName, request: ListRequest): Promise<ListPage>;
}

/** A list that passed every check, ready to read. */
interface CheckedList {
  readonly provider: Provider;
  readonly credential: CredentialSource | undefined;
  readonly filter: TicketListFilter;
  readonly query: TicketListQuery;
  readonly cursorKey: string;
}

/** A page of a list as a client asks for it. */
export interface ListRequest {
  readonly filter?: ListFilterInput | null;
  readonly first: number | null;
  /** A cursor this gateway answered, to start after. */
  readonly after?: string | null;
}

/** A page of a list as `ticketList` answers it: a Relay connection's data. */
export interface ListPage {
  readonly edges: readonly { readonly cursor: string; readonly node: ListedTicket }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    /** True when the page starts after a cursor: tickets come before it. */
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number | null;
}

/** One action on one ticket, with what it carries. */
export type ActionRequest =
  | { readonly action: 'updateTicket'; readonly change: Omit<TicketUpdate, 'number'> }
  | { readonly action: 'replyToTicket'; readonly body: string }
  | { readonly action: 'closeTicket' }
  | { readonly action: 'reopenTicket' };

/** What keyed writes of one request are remembered by. */
export interface IdempotencyScope {
  readonly store: IdempotencyStore;
  /** The key of the HMAC that fingerprints callers, so no credential is kept as it is. */
  readonly secret: string;
  /** The gateway key the request presented, if any: with the upstream credential, who the caller is. */
  readonly gatewayKey: string | undefined;
}

/**
 * Most distinct tickets one request may read by ref or id, and most it may list (`first` summed
 * over its `ticketList` fields). Each list field takes at most 100; this bounds what aliases could
 * multiply (15 × 100) to one full list and as much again. A listed ticket read for a field its list
 * lacks was counted by its list.
 */
export const MAX_TICKETS_PER_REQUEST = 200;

/**
 * Most `ticketList` pages one request may ask for. A page may cost several upstream calls (a
 * Kapture month is up to 31), so aliases must not multiply it; four is an inbox per provider that
 * can list, side by side.
 */
export const MAX_LISTS_PER_REQUEST = 4;

/** What the request's loader reports, and marks its upstream calls with. */
export interface LoaderTelemetry {
  /** Told of each batch a loader hands its provider, with the count of distinct tickets in it. */
  readonly onBatch?: (provider: ProviderName, size: number) => void;
  /** The request the upstream calls are made for. */
  readonly trace?: CallTrace;
  /** Where keyed writes are remembered; without it an idempotency key is refused. */
  readonly idempotency?: IdempotencyScope;
  /** The key list cursors are signed with (`SHARED_STATE_SECRET`); without it lists are refused. */
  readonly cursorSecret?: string;
  /** Makes a span of each batch and list, when tracing is on. */
  readonly tracer?: Tracer;
}

export function createTicketLoader(
  registry: Pick<ProviderRegistry, 'get'>,
  credentials: RequestCredentials,
  telemetry: LoaderTelemetry = {},
): TicketLoader {
  const { onBatch, trace, idempotency, cursorSecret, tracer } = telemetry;
  const loaders = new Map<ProviderName, DataLoader<string, Ticket>>();
  const asked = new Set<string>();
  /** `ticketList` fields so far, the tickets they asked for (`first`), and whether one was refused. */
  let lists = 0;
  let listed = 0;
  /** Why a list of this request was refused, once one was. */
  let listRefused: string | undefined;

  function loaderFor(name: ProviderName): DataLoader<string, Ticket> {
    let loader = loaders.get(name);
    if (!loader) {
      const { provider, credential } = registry.get(name);
      const brought = credentials[name];
      const { batchRead, maxBatch } = provider.capabilities;
      loader = new DataLoader<string, Ticket>(
        async (numbers) => {
          if (brought === undefined && credential === undefined) {
            const error = missingCredential(provider);
            return numbers.map(() => error);
          }
          onBatch?.(name, numbers.length);
          const read = () =>
            brought !== undefined
              ? provider.fetchTickets(numbers, { secret: brought }, trace)
              : fetchWithConfigured(provider, credential!, numbers, trace);
          return tracer ? inBatchSpan(tracer, name, numbers.length, read) : read();
        },
        // Non-batch providers take every number of a tick in one call and fan out themselves,
        // under the upstream client's concurrency limit.
        { maxBatchSize: batchRead ? maxBatch : Infinity },
      );
      loaders.set(name, loader);
    }
    return loader;
  }

  return {
    async load(ref) {
      const entry = registry.get(ref.provider);
      if (!entry.enabled) {
        throw new ProviderDisabledError(`${entry.provider.displayName} is not enabled on this gateway`, {
          provider: ref.provider,
        });
      }
      const number = entry.provider.parseNumber(ref.number);
      const key = `${ref.provider}:${number}`;
      if (!asked.has(key)) {
        if (asked.size >= MAX_TICKETS_PER_REQUEST) {
          throw new BadUserInputError(`One request reads at most ${MAX_TICKETS_PER_REQUEST} distinct tickets`, {
            provider: ref.provider,
          });
        }
        asked.add(key);
      }
      return loaderFor(ref.provider).load(number);
    },
    loadListed(ticket) {
      return loaderFor(ticket.provider).load(ticket.number);
    },
    prime,
    async act(ref, request, idempotencyKey) {
      const { provider, enabled, credential } = registry.get(ref.provider);
      const method = enabled && provider.capabilities[request.action] ? provider[request.action] : undefined;
      if (!method) {
        throw new UnsupportedError(
          enabled
            ? `${provider.displayName} tickets cannot be ${PAST_TENSE[request.action]} through this gateway`
            : `${provider.displayName} is not enabled on this gateway`,
          { provider: ref.provider },
        );
      }
      const number = provider.parseNumber(ref.number);
      const brought = credentials[ref.provider];
      if (brought === undefined && credential === undefined) throw missingCredential(provider);
      const target = { ...ref, number };
      if (idempotencyKey === undefined)
        return settle(await perform(provider, target, request, brought, credential!, trace));
      if (!idempotency) throw new UnsupportedError('Idempotency keys are not kept on this gateway');
      // The caller is the gateway key and the upstream credential together: a configured one is the
      // gateway's own, whatever token it holds now; a brought one is fingerprinted, never kept.
      const caller = hmac(idempotency.secret, [idempotency.gatewayKey ?? '', brought ?? '']);
      const fingerprint = hash([request, ref.provider, number]);
      // Only an outcome a write was sent for is remembered: one that sent nothing (a refusal before
      // the write, a ticket already as asked) changed nothing, and holds no key.
      let wrote = false;
      const watched: CallTrace = {
        ...trace,
        requestId: trace?.requestId ?? '',
        attempted(attempt) {
          if (attempt.write) wrote = true;
          trace?.attempted(attempt);
        },
      };
      const send = () => perform(provider, target, request, brought, credential!, watched);
      const keep = (outcome: unknown) => wrote && madeOrMayHaveMade(outcome);
      return settle(await idempotency.store.once(caller, hash([idempotencyKey]), fingerprint, send, keep));
    },
    async list(name, request) {
      let checked: CheckedList;
      try {
        checked = checkList(name, request);
      } catch (error) {
        // Every list of a request is checked before any is read (root fields start together), so
        // one refused stops the others: the answer would be refused whole, and no call is wasted.
        listRefused ??= error instanceof Error ? error.message : 'refused';
        throw error;
      }
      await null;
      if (listRefused !== undefined) {
        // Said in full here too: the refused list's own error may be in a part never sent (@defer).
        throw new BadUserInputError(`Not read: another \`ticketList\` of this request was refused: ${listRefused}`, {
          provider: name,
        });
      }
      const { provider, credential, filter, query, cursorKey } = checked;
      const brought = credentials[name];
      const read = (auth: Credential) => provider.listTickets!(query, auth, trace);
      const readPage = (): Promise<TicketPage> =>
        brought !== undefined ? read({ secret: brought }) : withConfigured(credential!, read);
      const page = tracer ? await inListSpan(tracer, name, query.first, readPage) : await readPage();
      const edges = page.edges.map((edge) => ({
        cursor: encodeCursor(cursorKey, name, filter, edge.position),
        node: edge.ticket,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: query.after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor:
            page.resume !== undefined
              ? encodeCursor(cursorKey, name, filter, page.resume)
              : (edges.at(-1)?.cursor ?? null),
        },
        totalCount: page.totalCount,
      };
    },
  };

  /**
   * Everything about one list that can be refused without a call: the provider, how many lists
   * and tickets the request asks for, `first`, the filter, the cursor, a credential.
   */
  function checkList(name: ProviderName, request: ListRequest): CheckedList {
    const { provider, enabled, credential, listing } = registry.get(name);
    if (!enabled || !listing || !provider.capabilities.listTickets || !provider.listTickets) {
      throw new UnsupportedError(
        enabled
          ? `${provider.displayName} tickets cannot be listed through this gateway`
          : `${provider.displayName} is not enabled on this gateway`,
        { provider: name },
      );
    }
    if (cursorSecret === undefined) throw new UnsupportedError('Lists are not served without a cursor key');
    if (++lists > MAX_LISTS_PER_REQUEST) {
      throw new BadUserInputError(`One request holds at most ${MAX_LISTS_PER_REQUEST} \`ticketList\` fields`, {
        provider: name,
      });
    }
    const first = checkPageSize(request.first, name);
    listed += first;
    if (listed > MAX_TICKETS_PER_REQUEST) {
      throw new BadUserInputError(
        `One request lists at most ${MAX_TICKETS_PER_REQUEST} tickets in all (\`first\` summed over its \`ticketList\` fields)`,
        { provider: name },
      );
    }
    const filter = checkListFilter(request.filter, listing, provider.displayName, name);
    const after = request.after == null ? undefined : decodeCursor(cursorSecret, name, filter, request.after);
    if (credentials[name] === undefined && credential === undefined) throw missingCredential(provider);
    return {
      provider,
      credential,
      filter,
      cursorKey: cursorSecret,
      query: { filter, first, ...(after !== undefined && { after }) },
    };
  }

  function settle(ticket: Ticket): Ticket {
    prime(ticket);
    return ticket;
  }

  /** One action, with the credential the request brought or the configured one. */
  async function perform(
    provider: Provider,
    ref: TicketRef,
    request: ActionRequest,
    brought: string | undefined,
    source: CredentialSource,
    callTrace: CallTrace | undefined,
  ): Promise<Ticket> {
    const run = async (auth: Credential): Promise<Ticket> => {
      switch (request.action) {
        case 'updateTicket':
          return provider.updateTicket!({ ...request.change, number: ref.number }, auth, callTrace);
        case 'replyToTicket':
          return provider.replyToTicket!(await current(ref), request.body, auth, callTrace);
        case 'closeTicket':
          return provider.closeTicket!(await current(ref), auth, callTrace);
        case 'reopenTicket':
          return provider.reopenTicket!(await current(ref), auth, callTrace);
      }
    };
    return brought !== undefined ? run({ secret: brought }) : withConfigured(source, run);
  }

  /** The ticket as this request reads it, through its loader: read once, whatever acts on it. */
  function current(ref: TicketRef): Promise<Ticket> {
    return loaderFor(ref.provider).load(ref.number);
  }

  function prime(ticket: Ticket): void {
    const { provider } = registry.get(ticket.provider);
    // Keyed as loads are: the canonical form of the number the provider sent.
    let key: string;
    try {
      key = provider.parseNumber(ticket.number);
    } catch {
      return;
    }
    loaderFor(ticket.provider).clear(key).prime(key, ticket);
  }
}

const PAST_TENSE: Readonly<Record<TicketAction, string>> = {
  updateTicket: 'updated',
  replyToTicket: 'replied to',
  closeTicket: 'closed',
  reopenTicket: 'reopened',
};

/**
 * Whether an action's outcome is kept for its idempotency key: every result, and every failure
 * but those that say nothing was changed (`retryable`), which the same request may then mend.
 */
function madeOrMayHaveMade(outcome: unknown): boolean {
  return !(outcome instanceof TicketGraphError && outcome.retryable);
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');
const hmac = (secret: string, value: unknown) =>
  createHmac('sha256', secret).update(JSON.stringify(value)).digest('base64url');

function missingCredential(provider: Provider): UnauthenticatedError {
  return new UnauthenticatedError(
    `${provider.displayName} needs an API key: configure one or send the ${credentialHeader(provider.name)} header`,
    { provider: provider.name },
  );
}

/**
 * A write or a list read with the configured credential. A refused credential did not make the
 * change, so when its source can get another (an expired OAuth token) the call is made once more.
 */
async function withConfigured<T>(source: CredentialSource, call: (auth: Credential) => Promise<T>): Promise<T> {
  const used = await source.current();
  try {
    return await call(used);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError) || !source.refused(used)) throw error;
    return call(await source.current());
  }
}

/**
 * Reads with the configured credential. When the upstream refuses it and its source can get
 * another (an expired OAuth token), the refused numbers are read once more with the new one.
 */
async function fetchWithConfigured(
  provider: Provider,
  source: CredentialSource,
  numbers: readonly string[],
  trace: CallTrace | undefined,
): Promise<(Ticket | Error)[]> {
  const first = await fetchWith(provider, source, numbers, trace);
  const refused = numbers.filter((_, index) => first.results[index] instanceof UnauthenticatedError);
  if (!first.used || refused.length === 0 || !source.refused(first.used)) return first.results;
  const again = await fetchWith(provider, source, refused, trace);
  return numbers.map((number, index) => {
    const at = refused.indexOf(number);
    return at === -1 ? first.results[index]! : again.results[at]!;
  });
}

/** One read with the source's current credential; a failure to get one fails every number. */
async function fetchWith(
  provider: Provider,
  source: CredentialSource,
  numbers: readonly string[],
  trace: CallTrace | undefined,
): Promise<{ used?: Credential; results: (Ticket | Error)[] }> {
  let used: Credential;
  try {
    used = await source.current();
  } catch (error) {
    const failure = asError(error, provider.name);
    return { results: numbers.map(() => failure) };
  }
  try {
    return { used, results: await provider.fetchTickets(numbers, used, trace) };
  } catch (error) {
    // A provider keeps failures at their numbers' places; should one throw anyway, every number
    // gets the gateway error rather than a masked one.
    const failure = asError(error, provider.name);
    return { used, results: numbers.map(() => failure) };
  }
}
