import type { TenantOwner } from './types.js';

/** A seeded ticket in its provider's own wire format, with the tenant that owns it. */
export interface SeededTicket<T> {
  readonly owner: TenantOwner;
  readonly ticket: T;
}

/** A provider's mutable tickets, keyed by their user-visible number; `reset` restores the seed. */
export class TicketStore<T> {
  #entries = new Map<string, { owner: TenantOwner; ticket: T }>();

  constructor(
    private readonly seed: readonly SeededTicket<T>[],
    private readonly numberOf: (ticket: T) => string,
  ) {
    this.reset();
  }

  reset(): void {
    this.#entries = new Map(
      this.seed.map(({ owner, ticket }) => [this.numberOf(ticket), { owner, ticket: structuredClone(ticket) }]),
    );
  }

  get(number: string): { owner: TenantOwner; ticket: T } | undefined {
    return this.#entries.get(number);
  }

  find(predicate: (ticket: T) => boolean): { owner: TenantOwner; ticket: T } | undefined {
    for (const entry of this.#entries.values()) if (predicate(entry.ticket)) return entry;
    return undefined;
  }

  all(): { owner: TenantOwner; ticket: T }[] {
    return [...this.#entries.values()];
  }

  numbers(owner: TenantOwner): string[] {
    return this.seed.filter((entry) => entry.owner === owner).map((entry) => this.numberOf(entry.ticket));
  }
}
