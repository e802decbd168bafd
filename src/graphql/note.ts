import type { Note } from '../domain/model.js';
import { builder } from './builder.js';
import { PersonRef } from './person.js';

export const NoteRef = builder.objectRef<Note>('Note').implement({
  description: 'An internal note on a ticket, seen by the support desk only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the note, unique within its ticket.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the note was written.' }),
    body: t.exposeString('body', { description: 'The note, as plain text.' }),
    author: t.expose('author', { type: PersonRef, nullable: true, description: 'Who wrote it, when known.' }),
  }),
});
