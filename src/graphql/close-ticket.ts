import { defineTargetOnlyAction } from './action-result.js';

defineTargetOnlyAction({
  action: 'closeTicket',
  enumName: 'ClosableProvider',
  enumDescription: 'The enabled providers whose tickets `closeTicket` can close.',
  inputName: 'CloseTicketInput',
  resultName: 'CloseTicketResult',
  description:
    'Closes an open ticket in its provider and returns it as it now stands, or why it was not closed ' +
    '(TicketClosedError when it is closed already; nothing is sent then).',
});
