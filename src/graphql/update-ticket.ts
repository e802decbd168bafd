import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  ProviderDisabledError,
  TicketClosedError,
  TicketGraphError,
  UnauthenticatedError,
  UnsupportedError,
  ValidationError,
  isUpstreamFailure,
  type UpstreamFailureCode,
} from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';
import { PROVIDER_CATALOG, PROVIDERS_THAT_CAN } from '../providers/catalog.js';
import { checkUpdate, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, type CheckedUpdate } from '../domain/update-input.js';
import { builder } from './builder.js';
import { TicketObject } from './ticket.js';

/** The upstream failure of an update, as the `UpstreamError` member of the result. */
class UpstreamErrorMember extends Error {
  readonly code: UpstreamFailureCode;
  readonly provider: ProviderName | undefined;
  readonly retryable: boolean;
  readonly retryAfter: number | undefined;
  readonly upstreamStatus: number | undefined;
  constructor(error: TicketGraphError & { code: UpstreamFailureCode }) {
    super(error.message, { cause: error });
    this.code = error.code;
    this.provider = error.provider;
    this.retryable = error.retryable;
    this.retryAfter = error.retryAfter;
    this.upstreamStatus = error.upstreamStatus;
  }
}

// No `provider` field: beside `Ticket.provider: Provider!` in one selection, a nullable one
// would be a field conflict for every client; the caller knows which ticket it named.
const ErrorInterface = builder.interfaceRef<{ message: string }>('Error').implement({
  description: 'Why an update did not happen. Every member of `UpdateTicketResult` other than `Ticket` implements it.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in words safe to show a user.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused before anything reached the provider, or the provider refused it as invalid.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'The input field at fault: `id`, `provider`, `number`, `title`, `description`, or `input` for the whole.',
    }),
  }),
});

builder.objectType(TicketClosedError, {
  name: 'TicketClosedError',
  description: 'The ticket is closed; the provider does not change closed tickets.',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: "The provider has no such ticket (some providers answer so for another account's ticket, too).",
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The credential is valid, but may not change this ticket.',
  interfaces: [ErrorInterface],
});

builder.objectType(UnauthenticatedError, {
  name: 'UnauthenticatedError',
  description: 'No credential for the provider, or the provider refused it.',
  interfaces: [ErrorInterface],
});

builder.objectType(UnsupportedError, {
  name: 'UnsupportedError',
  description: "The ticket's provider cannot update tickets through this gateway (an `id` of such a provider).",
  interfaces: [ErrorInterface],
});

const UpstreamCodeEnum = builder.enumType('UpstreamErrorCode', {
  description: "How the provider failed; the same codes as a query error's `extensions.code`.",
  values: {
    RATE_LIMITED: { value: 'RATE_LIMITED', description: 'The provider asked to slow down; see `retryAfter`.' },
    UPSTREAM_TIMEOUT: {
      value: 'UPSTREAM_TIMEOUT',
      description: 'The provider did not answer in time; the change may or may not have been made.',
    },
    UPSTREAM_ERROR: { value: 'UPSTREAM_ERROR', description: 'The provider failed or could not be reached.' },
    UPSTREAM_INVALID_RESPONSE: {
      value: 'UPSTREAM_INVALID_RESPONSE',
      description: 'The provider answered something the gateway cannot read.',
    },
  } satisfies Record<UpstreamFailureCode, { value: UpstreamFailureCode; description: string }>,
});

builder.objectType(UpstreamErrorMember, {
  name: 'UpstreamError',
  description:
    'The provider failed. The gateway never sends an update twice once it may have arrived: read the ticket ' +
    'before trying again unless `retryable` says the change was not made.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    code: t.field({ type: UpstreamCodeEnum, description: 'How it failed.', resolve: (error) => error.code }),
    retryable: t.exposeBoolean('retryable', {
      description:
        'True only when the provider cannot have made the change (nothing was sent, or it refused): the ' +
        'same update may then be sent again. ' +
        'False after a timeout or a dropped connection, when the change may have been made: read the ticket first.',
    }),
    retryAfter: t.exposeInt('retryAfter', {
      nullable: true,
      description: 'Seconds the provider asked to wait, when it said.',
    }),
    upstreamStatus: t.exposeInt('upstreamStatus', {
      nullable: true,
      description: 'The HTTP status the provider answered with, when it answered.',
    }),
  }),
});

export const UpdatableProviderEnum = builder.enumType('UpdatableProvider', {
  description: 'The enabled providers whose tickets `updateTicket` can change.',
  values: Object.fromEntries(
    PROVIDERS_THAT_CAN.updateTicket.map((name) => [
      name.toUpperCase(),
      { value: name, description: PROVIDER_CATALOG[name].displayName },
    ]),
  ) as Record<string, { value: ProviderName; description: string }>,
});

const UpdateTicketInput = builder.inputType('UpdateTicketInput', {
  description:
    'Which ticket to change, by `id` or by `provider` and `number`, and what to change: `title`, ' +
    '`description` or both.',
  fields: (t) => ({
    id: t.id({ description: "The ticket's global id. Give this, or `provider` and `number`." }),
    provider: t.field({ type: UpdatableProviderEnum, description: "The ticket's provider, with `number`." }),
    number: t.string({ description: "The ticket's number as its provider shows it, with `provider`." }),
    title: t.string({
      description:
        `The new title: one line, at most ${MAX_TITLE_LENGTH} characters (UTF-16 code units, as ` +
        `the provider counts), trimmed, without control or bidirectional-control characters. Leave it out ` +
        `to keep the current one.`,
    }),
    description: t.string({
      description:
        `The new description, sent as given (HTML where the provider's descriptions are HTML): ` +
        `at most ${MAX_DESCRIPTION_LENGTH} characters, not blank, without control characters other than ` +
        `tabs and \\n or \\r\\n line breaks, nor bidirectional controls. Leave it out to keep the current one.`,
    }),
  }),
});

/**
 * A failure as the result union shows it. A number its provider refuses is blamed on the input
 * field that carried it; a provider that is off is unsupported here; upstream failures keep
 * their code. Anything else is a fault of the gateway and stays a masked GraphQL error.
 */
function asUpdateFailure(error: unknown, checked: CheckedUpdate | undefined): unknown {
  if (error instanceof ValidationError || !(error instanceof TicketGraphError)) return error;
  if (error instanceof BadUserInputError) {
    return new ValidationError(error.message, {
      field: checked?.namedBy ?? 'input',
      ...(error.provider && { provider: error.provider }),
    });
  }
  if (error instanceof ProviderDisabledError)
    return new UnsupportedError(error.message, { ...(error.provider && { provider: error.provider }) });
  if (isUpstreamFailure(error)) return new UpstreamErrorMember(error);
  return error;
}

builder.mutationType({ description: 'Changes tickets in the providers that allow it.' });

builder.mutationField('updateTicket', (t) =>
  t.field({
    type: TicketObject,
    description:
      "Changes a ticket's title and/or description in its provider and returns the ticket as it now stands, " +
      'or why it did not change. ' +
      'The input is checked before anything is sent; a later read of the ticket in the same request sees the change.',
    args: { input: t.arg({ type: UpdateTicketInput, required: true, description: 'The ticket and the change.' }) },
    errors: {
      types: [
        ValidationError,
        TicketClosedError,
        NotFoundError,
        ForbiddenError,
        UnauthenticatedError,
        UnsupportedError,
        UpstreamErrorMember,
      ],
      directResult: true,
      union: { name: 'UpdateTicketResult', description: 'The updated ticket, or why it was not updated.' },
    },
    resolve: async (_root, { input }, context) => {
      let checked: CheckedUpdate | undefined;
      try {
        checked = checkUpdate(input);
        return await context.tickets.update(checked.ref, checked.change);
      } catch (error) {
        throw asUpdateFailure(error, checked);
      }
    },
  }),
);
