import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../../src/server/trusted-documents.js';

const GENERATED = 'test/operations/generated/persisted-documents.json';
const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file holding `content` (JSON unless a string), its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const DOCUMENT = 'query One { __typename }';
const ID = `sha256:${createHash('sha256').update(DOCUMENT).digest('hex')}`;

describe('readTrustedDocuments', () => {
  it("reads codegen's persisted-documents.json: every project operation by its sha256 id", () => {
    const documents = readTrustedDocuments(GENERATED);
    if (typeof documents === 'string') throw new Error(documents);
    expect([...documents.values()].map((document) => /^(query|mutation) (\w+)/.exec(document)?.[2])).toEqual([
      'DeferredTicket',
      'Inbox',
      'TicketPage',
      'TicketsByRef',
      'UpdateTicket',
    ]);
    expect([...documents.keys()].every((id) => /^sha256:[0-9a-f]{64}$/.test(id))).toBe(true);
  });

  it('reads ids of any form, a sha256 one checked against its document', () => {
    const documents = readTrustedDocuments(file('ids.json', { [ID]: DOCUMENT, 'inbox-v2': '{ __typename }' }));
    expect(documents).toEqual(
      new Map([
        [ID, DOCUMENT],
        ['inbox-v2', '{ __typename }'],
      ]),
    );
  });

  it.each([
    ['an empty path', ''],
    ['no such file', join(dir, 'missing.json')],
    ['a directory, not a file', dir],
    ['not JSON', file('text.json', 'query One { __typename }')],
    ['not a JSON object of id to document', file('list.json', [DOCUMENT])],
    ['not a JSON object of id to document', file('null.json', 'null')],
    ['an empty list: it would refuse every operation', file('empty.json', {})],
    [`the document of "${ID}" is not a string`, file('number.json', { [ID]: 7 })],
    [
      'the document of "broken" does not parse (Syntax Error: Expected Name, found <EOF>.)',
      file('broken.json', { broken: 'query {' }),
    ],
    [`the document of "${ID}" does not hash to its id`, file('edited.json', { [ID]: 'query One { ticket }' })],
    [
      'the id "has space" is not printable ASCII without spaces (at most 200 characters)',
      file('space.json', { 'has space': DOCUMENT }),
    ],
  ])('refuses the file, saying why: %s', (reason, path) => {
    expect(readTrustedDocuments(path)).toBe(reason);
  });
});
