import { checkChange, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../domain/update-input.js';
import { actionErrors, resolveAction, targetFieldDescriptions } from './action-result.js';
import { capableProviderEnum } from './enums.js';
import { builder } from './builder.js';
import { TicketObject } from './ticket.js';

export const UpdatableProviderEnum = capableProviderEnum(
  'UpdatableProvider',
  'updateTicket',
  'The enabled providers whose tickets `updateTicket` can change.',
);

const UpdateTicketInput = builder.inputType('UpdateTicketInput', {
  description:
    'Which ticket to change, by `id` or by `provider` and `number`, and what to change: `title`, ' +
    '`description` or both.',
  fields: (t) => ({
    id: t.id({ description: targetFieldDescriptions.id }),
    provider: t.field({ type: UpdatableProviderEnum, description: targetFieldDescriptions.provider }),
    number: t.string({ description: targetFieldDescriptions.number }),
    idempotencyKey: t.string({ description: targetFieldDescriptions.idempotencyKey }),
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

builder.mutationField('updateTicket', (t) =>
  t.field({
    type: TicketObject,
    description:
      "Changes a ticket's title and/or description in its provider and returns the ticket as it now stands, " +
      'or why it did not change. ' +
      'The input is checked before anything is sent; a later read of the ticket in the same request sees the change.',
    args: { input: t.arg({ type: UpdateTicketInput, required: true, description: 'The ticket and the change.' }) },
    errors: actionErrors('UpdateTicketResult', 'The updated ticket, or why it was not updated.'),
    resolve: resolveAction((input) => ({ action: 'updateTicket', change: checkChange(input) })),
  }),
);
