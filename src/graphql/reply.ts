import type { Reply } from '../domain/model.js';
import { AttachmentRef } from './attachment.js';
import { builder } from './builder.js';
import { TextFormatEnum } from './enums.js';
import { PersonRef } from './person.js';

export const ReplyRef = builder.objectRef<Reply>('Reply').implement({
  description: 'A message in a ticket conversation after the opening one, from the customer or the desk.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the reply, unique within its ticket.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was sent.' }),
    body: t.exposeString('body', { description: 'The message, in `bodyFormat`.' }),
    bodyFormat: t.expose('bodyFormat', { type: TextFormatEnum, description: 'Whether `body` is HTML or plain text.' }),
    author: t.expose('author', { type: PersonRef, nullable: true, description: 'Who wrote it, when known.' }),
    attachments: t.expose('attachments', { type: [AttachmentRef], description: 'Files sent with this reply.' }),
  }),
});
