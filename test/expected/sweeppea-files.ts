import type { Attachment } from '../../src/domain/model.js';

/**
 * The attachments of `src/providers/sweeppea/fixtures/fetch-single-ticket-files.json`, whose Files
 * use every key spelling docs/providers/sweeppea.md allows, as a ticket carries them: written out by
 * hand, for the mapper's test and the graph's alike.
 */
export const SWEEPPEA_FILES_ATTACHMENTS: readonly Attachment[] = [
  {
    id: '0',
    filename: 'entry-rules.pdf',
    url: 'https://files.sweeppea.com/s/entry-rules.pdf',
    size: 48213,
    contentType: null,
  },
  {
    id: '65b3f0c2a1e4d9b7c8f01234',
    filename: 'winners.csv',
    url: 'https://files.sweeppea.com/s/winners.csv',
    size: 1024,
    contentType: 'text/csv',
  },
  {
    id: '2',
    filename: 'banner.png',
    url: 'https://files.sweeppea.com/s/banner.png',
    size: null,
    contentType: 'image/png',
  },
  { id: '3', filename: 'notes.txt', url: null, size: null, contentType: 'text/plain' },
  {
    id: '7',
    filename: 'logo.svg',
    url: 'https://files.sweeppea.com/s/logo.svg',
    size: 2048,
    contentType: 'image/svg+xml',
  },
];
