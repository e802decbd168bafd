import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderName } from '../domain/model.js';
import type { StatusFault, TenantOwner } from './types.js';

/** One HTTP request as a simulator sees it, its body already read. */
export interface SandboxCall {
  readonly method: string;
  /** Raw URL as received, query included. */
  readonly url: string;
  /** The URL's path, without the query. */
  readonly pathname: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface SandboxReply {
  readonly status: number;
  /** Serialised as JSON. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Either the call may go on (and must release its slot when answered), or it is refused now. */
export type Admission = { readonly release: () => void } | { readonly refused: SandboxReply };

/** One simulated upstream API: the shared HTTP server feeds it calls. */
/** What a simulator is made with. */
export interface SimulatorOptions {
  /** Copies of the primary tenant's seeded tickets to add under new numbers (see SandboxOptions). */
  readonly copies?: number;
  /** Whether documented concurrency limits are enforced (see SandboxOptions). Default true. */
  readonly concurrencyLimits?: boolean;
}

export interface Simulator {
  readonly provider: ProviderName;
  readonly contentType: string;
  handle(call: SandboxCall): SandboxReply | Promise<SandboxReply>;
  /** The documented error body, at the endpoint `pathname`, for a status: injected faults, 413, crashes. */
  faultReply(fault: StatusFault, pathname: string): SandboxReply;
  /** Concurrency gate, for providers that document one. */
  admit?(call: SandboxCall): Admission;
  ticketNumbers(owner: TenantOwner): string[];
  /** Ends every OAuth access token issued so far, for providers that issue them. */
  expireAccessTokens?(): void;
  /** Restores the seeded data. */
  reset(): void;
}
