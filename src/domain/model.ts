/** The normalised domain model every provider maps onto. Plain data, no GraphQL. */

export const PROVIDER_NAMES = ['sweeppea', 'hostup', 'keliweb', 'kapture'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ON_HOLD', 'CLOSED', 'UNKNOWN'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TEXT_FORMATS = ['HTML', 'TEXT'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** An ISO-8601 timestamp with an explicit offset, e.g. `2016-01-01T06:26:29+01:00`. */
export type IsoDateTime = string;

export interface Person {
  readonly name: string | null;
  readonly email: string | null;
  /** True when the person works for the support desk, false for a customer, null when unknown. */
  readonly isStaff: boolean | null;
}

export interface Attachment {
  readonly id: string;
  readonly filename: string;
  readonly url: string | null;
  readonly size: number | null;
  readonly contentType: string | null;
}

export interface Note {
  readonly id: string;
  readonly createdAt: IsoDateTime | null;
  readonly body: string;
  readonly author: Person | null;
}

export interface Reply {
  readonly id: string;
  readonly createdAt: IsoDateTime | null;
  readonly body: string;
  readonly bodyFormat: TextFormat;
  readonly author: Person | null;
  readonly attachments: readonly Attachment[];
}

/** Which ticket, in which system: the pair a global id encodes. */
export interface TicketRef {
  readonly provider: ProviderName;
  readonly number: string;
}

/** A change to one ticket, already validated: at least one of `title` and `description`. */
export interface TicketUpdate {
  /** The canonical number (the provider's parseNumber). */
  readonly number: string;
  readonly title?: string;
  readonly description?: string;
}

export interface Ticket extends TicketRef {
  readonly subject: string | null;
  readonly body: string | null;
  readonly bodyFormat: TextFormat;
  readonly status: TicketStatus;
  readonly statusText: string | null;
  readonly priority: TicketPriority | null;
  readonly priorityText: string | null;
  readonly createdAt: IsoDateTime | null;
  readonly updatedAt: IsoDateTime | null;
  readonly lastReplyAt: IsoDateTime | null;
  readonly closedAt: IsoDateTime | null;
  readonly requester: Person | null;
  readonly assignee: Person | null;
  readonly department: string | null;
  readonly tags: readonly string[];
  readonly url: string | null;
  readonly notes: readonly Note[];
  readonly replies: readonly Reply[];
  readonly attachments: readonly Attachment[];
  /** The upstream payload as received, for what the common model lacks. */
  readonly raw: unknown;
  /** When the gateway read this ticket from its provider. */
  readonly fetchedAt: IsoDateTime;
}

/** The things a client can do to a ticket, each a mutation of the same name. */
export const TICKET_ACTIONS = ['updateTicket', 'replyToTicket', 'closeTicket', 'reopenTicket'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What the graph offers a provider for: each action's mutation, and the list (`ticketList`). */
export const OFFERED_CAPABILITIES = [...TICKET_ACTIONS, 'listTickets'] as const;
export type OfferedCapability = (typeof OFFERED_CAPABILITIES)[number];

/**
 * For each offered capability, the providers it is offered for: the enums `UpdatableProvider`,
 * `ReplyableProvider`, …, `ListableProvider` list them.
 */
export type OfferedProviders = Readonly<Record<OfferedCapability, readonly ProviderName[]>>;

/** What the gateway can do with a provider; the values are the catalog's (providers/catalog.ts). */
export interface ProviderCapabilities {
  /** Tickets' title and description can be changed (`updateTicket`). */
  readonly updateTicket: boolean;
  /** A reply can be added to a ticket's conversation (`replyToTicket`). */
  readonly replyToTicket: boolean;
  /** An open ticket can be closed (`closeTicket`). */
  readonly closeTicket: boolean;
  /** A closed ticket can be opened again (`reopenTicket`). */
  readonly reopenTicket: boolean;
  /** Tickets can be listed and paged through (`ticketList`). */
  readonly listTickets: boolean;
  /** One upstream call can read several tickets. */
  readonly batchRead: boolean;
  /** Most tickets one upstream call may read (1 when `batchRead` is false). */
  readonly maxBatch: number;
}

/** Where a provider's circuit breaker stands. */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface CircuitSnapshot {
  readonly state: CircuitState;
  /** Unhealthy calls in a row so far. */
  readonly consecutiveFailures: number;
  /** When an open circuit lets a trial call through (epoch ms); undefined unless open. */
  readonly openUntil: number | undefined;
}

/** A provider as the graph shows it (`Query.providers`): what it is, whether it is on, how it fares. */
export interface ProviderStatus {
  readonly name: ProviderName;
  /** The provider's name as people write it, e.g. `Kapture CRM`. */
  readonly displayName: string;
  /** Whether this gateway reads from it. */
  readonly enabled: boolean;
  readonly capabilities: ProviderCapabilities;
  /** Its circuit breaker as of now. */
  circuit(): CircuitSnapshot;
}
