import { checkReplyBody, MAX_REPLY_LENGTH } from '../domain/action-input.js';
import { PROVIDERS_THAT_CAN } from '../providers/catalog.js';
import { actionErrors, resolveAction, targetFieldDescriptions } from './action-result.js';
import { capableProviderEnum } from './enums.js';
import { builder } from './builder.js';
import { TicketObject } from './ticket.js';

// In the widest schema only when some provider can reply: an enum needs a value.
if (PROVIDERS_THAT_CAN.replyToTicket.length > 0) {
  const ReplyableProviderEnum = capableProviderEnum(
    'ReplyableProvider',
    'replyToTicket',
    "The enabled providers whose tickets' conversations `replyToTicket` can add to.",
  );

  const ReplyToTicketInput = builder.inputType('ReplyToTicketInput', {
    description: 'Which ticket, by `id` or by `provider` and `number`, and the reply.',
    fields: (t) => ({
      id: t.id({ description: targetFieldDescriptions.id }),
      provider: t.field({ type: ReplyableProviderEnum, description: targetFieldDescriptions.provider }),
      number: t.string({ description: targetFieldDescriptions.number }),
      body: t.string({
        required: true,
        description:
          `The reply, sent as given: not blank, at most ${MAX_REPLY_LENGTH} characters (UTF-16 code units), ` +
          'without control characters other than tabs and \\n or \\r\\n line breaks, nor bidirectional controls.',
      }),
      idempotencyKey: t.string({ description: targetFieldDescriptions.idempotencyKey }),
    }),
  });

  builder.mutationField('replyToTicket', (t) =>
    t.field({
      type: TicketObject,
      description:
        "Adds a reply to a ticket's conversation, as the account the provider's credential belongs to, and " +
        'returns the ticket as it now stands, or why it was not sent. Where the provider shows replies, the new ' +
        'one is last among `replies`; Kapture keeps comments in `raw.history`.',
      args: { input: t.arg({ type: ReplyToTicketInput, required: true, description: 'The ticket and the reply.' }) },
      errors: actionErrors('ReplyToTicketResult', 'The ticket as it now stands, or why the reply was not sent.'),
      resolve: resolveAction((input) => ({ action: 'replyToTicket', body: checkReplyBody(input.body) })),
    }),
  );
}
