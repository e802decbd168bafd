import { defineTargetOnlyAction } from './action-result.js';

defineTargetOnlyAction({
  action: 'reopenTicket',
  enumName: 'ReopenableProvider',
  enumDescription: 'The enabled providers whose closed tickets `reopenTicket` can open again.',
  inputName: 'ReopenTicketInput',
  resultName: 'ReopenTicketResult',
  description:
    'Opens a closed ticket again in its provider and returns it as it now stands, or why it was not reopened.',
});
