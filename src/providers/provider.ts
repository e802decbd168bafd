import type { ProviderCapabilities, ProviderName, Ticket, TicketUpdate } from '../domain/model.js';
import type { TicketListQuery, TicketPage } from '../domain/ticket-list.js';
import type { CallTrace, UpstreamClient } from '../upstream/types.js';

/** The upstream credential one request uses for one provider. */
export interface Credential {
  /**
   * What the provider's API is called with, as it takes it: a fixed API key (Sweeppea, HostUp,
   * Kapture, or one a request brings), or an OAuth access token that expires (Keliweb's, from
   * credentials/password-grant.ts).
   */
  readonly secret: string;
}

/** Where the configured credential of a provider comes from: a fixed key, or tokens that expire. */
export interface CredentialSource {
  /** The credential to call with now; may fetch a new token (and fail with a TicketGraphError). */
  current(): Promise<Credential>;
  /**
   * The upstream refused `stale`. A source that can get another drops it and answers true, so
   * the caller may try once more with `current()`; a fixed key answers false.
   */
  refused(stale: Credential): boolean;
}

/** What a provider module is given to build itself from. */
export interface ProviderDeps {
  readonly http: UpstreamClient;
  /** IANA zone of the provider's zone-less timestamps, e.g. `Europe/Rome`. */
  readonly timezone: string;
  /** Most ids per upstream call, for batch-capable providers. */
  readonly maxBatch: number;
  /** Which of the provider's APIs the credential is for (`<PROVIDER>_API`), where it has several. */
  readonly api?: string;
}

/** One upstream ticket system. The schema layer knows providers only through this. */
export interface Provider {
  readonly name: ProviderName;
  /** The provider's name as people write it, e.g. `Kapture CRM`. */
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  /**
   * Checks a ticket number given by a user and returns its canonical form, so the same
   * ticket asked for twice is fetched once. Throws BadUserInputError for a number this
   * provider can never have, before anything reaches the upstream.
   */
  parseNumber(number: string): string;
  /**
   * Reads tickets by canonical number. The result has one entry per number, in order: the
   * ticket, or the error for that number (NotFoundError when the upstream has no such ticket).
   * Every upstream call is made through `tracedBy(http, trace)`, so the request counts it.
   */
  fetchTickets(numbers: readonly string[], auth: Credential, trace?: CallTrace): Promise<(Ticket | Error)[]>;
  /**
   * One page of the provider's tickets, newest created first, mapped onto its list API. Present
   * exactly when `capabilities.listTickets` is true. `query.filter` has been checked against the
   * catalog's `listing` facts; `query.after` is a position this provider put on an edge, which it
   * checks again (BadUserInputError before any call when it cannot resume from it). Reads as many
   * upstream pages as `query.first` needs and no more. Throws a TicketGraphError.
   */
  listTickets?(query: TicketListQuery, auth: Credential, trace?: CallTrace): Promise<TicketPage>;
  /**
   * Changes a ticket and returns it as it now stands. Present exactly when
   * `capabilities.updateTicket` is true. Throws a TicketGraphError: TicketClosedError,
   * ValidationError, NotFoundError, ForbiddenError, UnauthenticatedError or an upstream error.
   * The upstream call must not be retried once it may have been sent.
   */
  updateTicket?(update: TicketUpdate, auth: Credential, trace?: CallTrace): Promise<Ticket>;
  /*
   * The three actions below share one contract. Each is present exactly when its capability is
   * true. `current` is the ticket as this request read it just before, with the same credential
   * (through the request's loader): what an action needs of it (Keliweb's internal `ticketid`,
   * Kapture's current sub-status, whether it is already closed) is in it or its `raw`. Each
   * returns the ticket as it now stands, read back from the provider, and throws a
   * TicketGraphError: TicketClosedError, ValidationError, NotFoundError, ForbiddenError,
   * UnauthenticatedError, UnsupportedError (the provider has no such route) or an upstream error.
   * No upstream write is sent twice: once it may have arrived, a failure is `retryable: false`.
   */
  /** Adds `body` to the ticket's conversation, as the account the credential belongs to. */
  replyToTicket?(current: Ticket, body: string, auth: Credential, trace?: CallTrace): Promise<Ticket>;
  /** Closes an open ticket (TicketClosedError when it is closed already). */
  closeTicket?(current: Ticket, auth: Credential, trace?: CallTrace): Promise<Ticket>;
  /** Opens a closed ticket again. */
  reopenTicket?(current: Ticket, auth: Credential, trace?: CallTrace): Promise<Ticket>;
}
