import {
  BadUserInputError,
  ForbiddenError,
  isUpstreamFailure,
  NotFoundError,
  ProviderDisabledError,
  TicketClosedError,
  TicketGraphError,
  UnauthenticatedError,
  UnsupportedError,
  type UpstreamFailureCode,
  ValidationError,
} from '../domain/errors.js';
import {
  type CheckedTarget,
  checkIdempotencyKey,
  checkTarget,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type TicketTargetArgs,
} from '../domain/action-input.js';
import type { ProviderName, Ticket } from '../domain/model.js';
import type { Context } from '../loading/context.js';
import type { ActionRequest } from '../loading/ticket-loader.js';
import { PROVIDERS_THAT_CAN } from '../providers/catalog.js';
import { builder } from './builder.js';
import { capableProviderEnum } from './enums.js';
import { TicketObject } from './ticket.js';

/*
 * What every mutation on a ticket shares: its result's error members, the enum of the providers
 * that can do it, and the fields that name the ticket.
 */

/** The upstream failure of an action, as the `UpstreamError` member of its result. */
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
  description:
    'Why an action on a ticket did not happen. Every member of a mutation result other than `Ticket` implements it.',
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
        'The input field at fault: `id`, `provider`, `number`, `title`, `description`, `body`, `idempotencyKey`, ' +
        'or `input` for the whole.',
    }),
  }),
});

builder.objectType(TicketClosedError, {
  name: 'TicketClosedError',
  description: 'The ticket is closed, and the provider does not do this to closed tickets (or it is closed already).',
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
  description:
    "The ticket's provider cannot do this through this gateway (an `id` of such a provider), or its API has " +
    'no such action.',
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
    'The provider failed. The gateway never sends a change twice once it may have arrived: read the ticket ' +
    'before trying again unless `retryable` says the change was not made.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    code: t.field({ type: UpstreamCodeEnum, description: 'How it failed.', resolve: (error) => error.code }),
    retryable: t.exposeBoolean('retryable', {
      description:
        'True only when the provider cannot have made the change (nothing was sent, or it refused): the ' +
        'same input may then be sent again. ' +
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

/**
 * A failure as the result union shows it. A number its provider refuses is blamed on the input
 * field that carried it; a provider that is off is unsupported here; upstream failures keep
 * their code. Anything else is a fault of the gateway and stays a masked GraphQL error.
 */
function asActionFailure(error: unknown, checked: CheckedTarget | undefined): unknown {
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

/** Every error member of a mutation result, in the order the union lists them. */
const ACTION_ERRORS = [
  ValidationError,
  TicketClosedError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  UnsupportedError,
  UpstreamErrorMember,
];

/** The result union of an action mutation: the ticket, or one of ACTION_ERRORS. */
export function actionErrors(name: string, description: string) {
  return { types: ACTION_ERRORS, directResult: true, union: { name, description } } as const;
}

/**
 * An action mutation's resolver: the ticket named, the action `request` reads from the input and
 * the idempotency key are checked in that order before anything is sent; a failure becomes its
 * member of the result union.
 */
export function resolveAction<Input extends TicketTargetArgs>(request: (input: Input) => ActionRequest) {
  return async (_root: unknown, { input }: { input: Input }, context: Context): Promise<Ticket> => {
    let target: CheckedTarget | undefined;
    try {
      target = checkTarget(input);
      const asked = request(input);
      return await context.tickets.act(target.ref, asked, checkIdempotencyKey(input));
    } catch (error) {
      throw asActionFailure(error, target);
    }
  };
}

/** How an input names its ticket and keys its retries; the same four fields in every action's input. */
export const targetFieldDescriptions = {
  id: "The ticket's global id. Give this, or `provider` and `number`.",
  provider: "The ticket's provider, with `number`.",
  number: "The ticket's number as its provider shows it, with `provider`.",
  idempotencyKey:
    `A key of the caller's choosing (1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, no spaces) ` +
    'that makes a retry safe: the same key with the same input within 24 hours answers the first result ' +
    'again and sends nothing; with other input it is a ValidationError. A failure that made no change ' +
    '(`retryable: true`) is not remembered, so the same key may be sent again.',
} as const;

/**
 * A mutation whose input only names its ticket (`closeTicket`, `reopenTicket`), present in the
 * widest schema only when some provider can do it.
 */
export function defineTargetOnlyAction(options: {
  readonly action: 'closeTicket' | 'reopenTicket';
  readonly enumName: string;
  readonly enumDescription: string;
  readonly inputName: string;
  readonly resultName: string;
  readonly description: string;
}): void {
  if (PROVIDERS_THAT_CAN[options.action].length === 0) return;
  const providerEnum = capableProviderEnum(options.enumName, options.action, options.enumDescription);
  const input = builder.inputType(options.inputName, {
    description: 'Which ticket, by `id` or by `provider` and `number`.',
    fields: (t) => ({
      id: t.id({ description: targetFieldDescriptions.id }),
      provider: t.field({ type: providerEnum, description: targetFieldDescriptions.provider }),
      number: t.string({ description: targetFieldDescriptions.number }),
      idempotencyKey: t.string({ description: targetFieldDescriptions.idempotencyKey }),
    }),
  });
  builder.mutationField(options.action, (t) =>
    t.field({
      type: TicketObject,
      description: options.description,
      args: { input: t.arg({ type: input, required: true, description: 'The ticket.' }) },
      errors: actionErrors(
        options.resultName,
        `The ticket as it now stands, or why \`${options.action}\` did not happen.`,
      ),
      resolve: resolveAction(() => ({ action: options.action })),
    }),
  );
}
