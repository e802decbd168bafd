import type { Reply } from '../domain/model.js';
import { AttachmentRef } from './attachment.js';
import { builder } from './builder.js';
import { TextFormatEnum } from './enums.js';
import { PersonRef } from './person.js';
import { bodyDescriptions, bodyHtml, bodyText } from './safe-body.js';

const BODY = bodyDescriptions('The message', 'in `bodyFormat`');

export const ReplyRef = builder.objectRef<Reply>('Reply').implement({
  description: 'A message in a ticket conversation after the opening one, from the customer or the desk.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the reply, unique within its ticket.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was sent.' }),
    body: t.exposeString('body', { description: BODY.body }),
    bodyHtml: t.string({ description: BODY.bodyHtml, resolve: bodyHtml }),
    bodyText: t.string({ description: BODY.bodyText, resolve: bodyText }),
    bodyFormat: t.expose('bodyFormat', { type: TextFormatEnum, description: 'Whether `body` is HTML or plain text.' }),
    author: t.expose('author', { type: PersonRef, nullable: true, description: 'Who wrote it, when known.' }),
    attachments: t.expose('attachments', { type: [AttachmentRef], description: 'Files sent with this reply.' }),
  }),
});
