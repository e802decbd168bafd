import {
  PROVIDER_NAMES,
  type TEXT_FORMATS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type OfferedCapability,
  type ProviderName,
  type TextFormat,
  type TicketPriority,
  type TicketStatus,
} from '../domain/model.js';
import { PROVIDER_CATALOG, PROVIDERS_THAT_CAN } from '../providers/catalog.js';
import { builder } from './builder.js';

/** Each provider by its name in the `Provider` enum (`KAPTURE`), the one place that mapping is made. */
export const PROVIDER_BY_ENUM_NAME: ReadonlyMap<string, ProviderName> = new Map(
  PROVIDER_NAMES.map((name) => [name.toUpperCase(), name]),
);

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A support-ticket system this gateway reads from.',
  values: Object.fromEntries(
    [...PROVIDER_BY_ENUM_NAME].map(([enumName, name]) => [
      enumName,
      { value: name, description: PROVIDER_CATALOG[name].displayName },
    ]),
  ) as Record<Uppercase<ProviderName>, { value: ProviderName; description: string }>,
});

/**
 * The providers that can do one thing (`UpdatableProvider`, `ListableProvider`, …): every provider
 * some API of which can, which schemaFor narrows to the enabled ones that can.
 */
export function capableProviderEnum(name: string, capability: OfferedCapability, description: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      PROVIDERS_THAT_CAN[capability].map((provider) => [
        provider.toUpperCase(),
        { value: provider, description: PROVIDER_CATALOG[provider].displayName },
      ]),
    ) as Record<string, { value: ProviderName; description: string }>,
  });
}

const statusDescriptions: Record<TicketStatus, string> = {
  OPEN: 'Waiting for the support desk to act.',
  IN_PROGRESS: 'The support desk is working on it.',
  WAITING_ON_CUSTOMER: 'The support desk answered and waits for the customer.',
  ON_HOLD: 'Paused, e.g. waiting on a third party.',
  CLOSED: 'Resolved or closed.',
  UNKNOWN: 'A status the gateway cannot place; `statusText` has the upstream word.',
};

export const TicketStatusEnum = builder.enumType('TicketStatus', {
  description: 'Where a ticket stands, normalised across providers; `Ticket.statusText` keeps the upstream word.',
  values: Object.fromEntries(
    TICKET_STATUSES.map((s) => [s, { value: s, description: statusDescriptions[s] }]),
  ) as Record<TicketStatus, { value: TicketStatus; description: string }>,
});

export const TicketPriorityEnum = builder.enumType('TicketPriority', {
  description: 'How urgent a ticket is, normalised; `Ticket.priorityText` keeps the upstream word.',
  values: Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [p, { value: p, description: `${p[0]}${p.slice(1).toLowerCase()} priority.` }]),
  ) as Record<TicketPriority, { value: TicketPriority; description: string }>,
});

export const TextFormatEnum = builder.enumType('TextFormat', {
  description: 'How a body is written.',
  values: {
    HTML: {
      value: 'HTML' as TextFormat,
      description: 'HTML markup, as the provider stores it: not sanitised (`bodyHtml` is).',
    },
    TEXT: { value: 'TEXT' as TextFormat, description: 'Plain text; line breaks are significant.' },
  } satisfies Record<(typeof TEXT_FORMATS)[number], unknown>,
});

export const SortOrderEnum = builder.enumType('SortOrder', {
  description: 'A direction to sort in.',
  values: {
    ASC: { value: 'ASC' as const, description: 'Oldest first.' },
    DESC: { value: 'DESC' as const, description: 'Newest first.' },
  },
});
