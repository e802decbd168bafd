import type { Attachment } from '../domain/model.js';
import { builder } from './builder.js';

export const AttachmentRef = builder.objectRef<Attachment>('Attachment').implement({
  description: 'A file attached to a ticket or a reply.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier of the file, unique within its ticket.' }),
    filename: t.exposeString('filename', { description: 'The file name as uploaded.' }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where to download it, when the provider says; it may need the provider credential.',
    }),
    size: t.exposeInt('size', {
      nullable: true,
      description:
        'Size in bytes, when the provider gives a whole number up to 2147483647 (the largest Int); ' +
        "otherwise null, with the provider's own value in the ticket's `raw`.",
    }),
    contentType: t.exposeString('contentType', { nullable: true, description: 'MIME type, when known.' }),
  }),
});
