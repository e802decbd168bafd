import type { Note } from '../domain/model.js';
import { builder } from './builder.js';
import { PersonRef } from './person.js';
import { bodyDescriptions, bodyHtml, bodyText } from './safe-body.js';

const BODY = bodyDescriptions('The note', 'as plain text');

export const NoteRef = builder.objectRef<Note>('Note').implement({
  description: 'An internal note on a ticket, seen by the support desk only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the note, unique within its ticket.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the note was written.' }),
    body: t.exposeString('body', { description: BODY.body }),
    bodyHtml: t.string({ description: BODY.bodyHtml, resolve: bodyHtml }),
    bodyText: t.string({ description: BODY.bodyText, resolve: bodyText }),
    author: t.expose('author', { type: PersonRef, nullable: true, description: 'Who wrote it, when known.' }),
  }),
});
