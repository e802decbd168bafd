/** Listing tickets: the query a provider is asked, the page it answers, and the rules a filter obeys. */
import { ValidationError } from './errors.js';
import type { IsoDateTime, ProviderName, Ticket, TicketRef } from './model.js';
import { checkText, ONE_LINE_REFUSED } from './text-rules.js';

/** Which tickets by state: OPEN is every status but closed. */
export const LIST_STATES = ['OPEN', 'CLOSED', 'ANY'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** The filters `ticketList` takes, by name. */
export const LIST_FILTERS = ['state', 'search', 'createdAfter', 'createdBefore'] as const;
export type ListFilterName = (typeof LIST_FILTERS)[number];

/** A filter, checked: `search` trimmed and not blank, the bounds in order. */
export interface TicketListFilter {
  readonly state: ListState;
  /** Words the provider matches against its tickets, as it matches them. */
  readonly search?: string;
  /** Only tickets created at or after this instant. */
  readonly createdAfter?: IsoDateTime;
  /** Only tickets created before this instant. */
  readonly createdBefore?: IsoDateTime;
}

/** Most tickets one page holds (`first`). */
export const MAX_PAGE_SIZE = 100;
/** Longest `search` text. */
export const MAX_SEARCH_LENGTH = 200;

/** What a provider's list can do, as plain data (providers/catalog.ts), checked before any call. */
export interface ListingFacts {
  /** The filters it applies; `state: ANY` (no filter) is always accepted. */
  readonly filters: readonly ListFilterName[];
  /** The filters every list call needs. */
  readonly requires?: readonly ListFilterName[];
  /** The longest span from `createdAfter` to `createdBefore`, in days. */
  readonly maxCreatedSpanDays?: number;
}

/** One page's worth of asking. */
export interface TicketListQuery {
  readonly filter: TicketListFilter;
  /** How many tickets, 1 to MAX_PAGE_SIZE. */
  readonly first: number;
  /**
   * The position the provider put on the edge the page starts after, as it issued it (read back
   * from a cursor the gateway signed); absent for the first page. A provider checks its shape and
   * throws BadUserInputError for one it cannot resume from.
   */
  readonly after?: ListPosition;
}

/** Where an edge stands in a provider's list, in the provider's own terms: plain JSON. */
export type ListPosition =
  | string
  | number
  | boolean
  | null
  | readonly ListPosition[]
  | { readonly [key: string]: ListPosition };

/** The fields of a ticket a list answer can hold. */
export type ListedFields = Partial<Omit<Ticket, 'provider' | 'number'>>;

/**
 * A ticket as a list answer shows it: `listed` has exactly the fields the answer gives (a field
 * given as null is known to be null); any other is read with the ticket. `number` is canonical
 * (the provider's parseNumber), so that read goes through the request's loader.
 */
export interface ListedTicket extends TicketRef {
  readonly listed: ListedFields;
}

export interface TicketEdge {
  readonly ticket: ListedTicket;
  /** Where the list resumes after this ticket (`TicketListQuery.after`). */
  readonly position: ListPosition;
}

/** One page of a list, newest created first. */
export interface TicketPage {
  readonly edges: readonly TicketEdge[];
  /** Whether tickets follow the last edge. */
  readonly hasNextPage: boolean;
  /** How many tickets match the filter, where the upstream says; null where it does not. */
  readonly totalCount: number | null;
  /**
   * Where the next page starts, when the provider stopped reading before it had `first` tickets
   * (it reads at most so many upstream pages for one of ours) and tickets may follow the last
   * edge, or there is no edge at all. The page's `endCursor` then holds it, so a client pages on
   * past a stretch the filter leaves out. Absent otherwise: the last edge's position is where the
   * next page starts.
   */
  readonly resume?: ListPosition;
}

/** A filter as a client sends it, before checking. */
export interface ListFilterInput {
  readonly state?: ListState | null;
  readonly search?: string | null;
  readonly createdAfter?: IsoDateTime | null;
  readonly createdBefore?: IsoDateTime | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `filter.a`, `filter.a` and `filter.b`, … */
const named = (names: readonly string[]) =>
  names.map((name) => `\`filter.${name}\``).join(names.length > 2 ? ', ' : ' and ');

/**
 * Checks a client's filter against what a provider can apply and returns it in checked form, or
 * throws ValidationError naming the filter and the provider (`displayName` in the message, `name`
 * in its extensions). A blank `search` is no search.
 */
export function checkListFilter(
  input: ListFilterInput | null | undefined,
  facts: ListingFacts,
  displayName: string,
  name?: ProviderName,
): TicketListFilter {
  const refuse = (message: string, field: string) =>
    new ValidationError(message, { field, ...(name && { provider: name }) });
  const state = input?.state ?? 'ANY';
  const search = input?.search?.trim() || undefined;
  const createdAfter = input?.createdAfter ?? undefined;
  const createdBefore = input?.createdBefore ?? undefined;
  const given: Record<ListFilterName, boolean> = {
    state: state !== 'ANY',
    search: search !== undefined,
    createdAfter: createdAfter !== undefined,
    createdBefore: createdBefore !== undefined,
  };
  const span = facts.maxCreatedSpanDays === undefined ? '' : `, at most ${facts.maxCreatedSpanDays} days apart`;
  for (const filter of LIST_FILTERS) {
    if (given[filter] && !facts.filters.includes(filter)) {
      const can = facts.filters.length === 0 ? 'it filters by nothing' : `it filters by ${named(facts.filters)}`;
      throw refuse(`${displayName} cannot filter its list by \`${filter}\`: ${can}`, `filter.${filter}`);
    }
  }
  const required = facts.requires ?? [];
  const missing = required.find((filter) => !given[filter]);
  if (missing !== undefined) {
    throw refuse(`${displayName} lists tickets only with ${named(required)}${span}`, `filter.${missing}`);
  }
  if (search !== undefined) {
    // Characters as people count them (code points), not UTF-16 units.
    if ([...search].length > MAX_SEARCH_LENGTH) {
      throw refuse(`\`filter.search\` must be at most ${MAX_SEARCH_LENGTH} characters`, 'filter.search');
    }
    checkText(search, 'filter.search', ONE_LINE_REFUSED);
  }
  if (createdAfter !== undefined && createdBefore !== undefined) {
    const between = Date.parse(createdBefore) - Date.parse(createdAfter);
    if (between <= 0) {
      throw refuse('`filter.createdAfter` must be before `filter.createdBefore`', 'filter.createdAfter');
    }
    const days = facts.maxCreatedSpanDays;
    if (days !== undefined && between > days * DAY_MS) {
      throw refuse(
        `${displayName} lists at most ${days} days at a time: \`filter.createdAfter\` to \`filter.createdBefore\` spans more`,
        'filter.createdBefore',
      );
    }
  }
  return {
    state,
    ...(search !== undefined && { search }),
    ...(createdAfter !== undefined && { createdAfter }),
    ...(createdBefore !== undefined && { createdBefore }),
  };
}

/** Checks `first` (1 to MAX_PAGE_SIZE); `provider` is named in the error. */
export function checkPageSize(first: number | null, provider?: ProviderName): number {
  if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(`\`first\` must be 1 to ${MAX_PAGE_SIZE}; got ${first}`, {
      field: 'first',
      ...(provider && { provider }),
    });
  }
  return first;
}
