import type { TenantOwner } from './types.js';

/** A seeded ticket in its provider's own wire format, with the tenant that owns it. */
export interface SeededTicket<T> {
  readonly owner: TenantOwner;
  readonly ticket: T;
}

/**
 * The seeded tickets, then `count` copies of the primary tenant's, taken in turn, each under a new
 * number from `numberFor(i)` (skipping any already taken): bulk data for load tests, in the same
 * wire format as the seeded tickets.
 */
export function withCopies<T>(
  seed: readonly SeededTicket<T>[],
  count: number,
  numberOf: (ticket: T) => string,
  renumber: (ticket: T, number: string) => void,
  numberFor: (index: number) => string,
): SeededTicket<T>[] {
  const primary = seed.filter((entry) => entry.owner === 'primary');
  if (count <= 0 || primary.length === 0) return [...seed];
  const taken = new Set(seed.map((entry) => numberOf(entry.ticket)));
  const copies: SeededTicket<T>[] = [];
  for (let index = 0, candidate = 0; copies.length < count; candidate++) {
    const number = numberFor(candidate);
    if (taken.has(number)) continue;
    taken.add(number);
    const ticket = structuredClone(primary[index++ % primary.length]!.ticket);
    renumber(ticket, number);
    copies.push({ owner: 'primary', ticket });
  }
  return [...seed, ...copies];
}

/** A provider's mutable tickets, keyed by their user-visible number; `reset` restores the seeded ones. */
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
