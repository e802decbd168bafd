import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError, parse } from 'graphql';

/** The operations a gateway with TRUSTED_DOCUMENTS runs, each by its id: the allow-list. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** The id codegen's client preset gives a document: `sha256:` and the SHA-256 of its text, in hex. */
const SHA256_ID = /^sha256:([0-9a-f]{64})$/;
/** Any other id: printable ASCII without spaces, as GraphQL over HTTP's persisted documents allow. */
const ID = /^[\x21-\x7e]{1,200}$/;

const quoted = (id: string) => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);

/** Why a file cannot be read, in plain words. */
function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable by this process';
  return `not readable (${code ?? 'unknown error'})`;
}

/** What is wrong with one entry of the file, or undefined when it is a document to trust. */
function problemOf(id: string, document: unknown): string | undefined {
  if (!ID.test(id)) return `the id ${quoted(id)} is not printable ASCII without spaces (at most 200 characters)`;
  if (typeof document !== 'string') return `the document of ${quoted(id)} is not a string`;
  try {
    parse(document);
  } catch (error) {
    const reason = error instanceof GraphQLError ? error.message : 'unreadable';
    return `the document of ${quoted(id)} does not parse (${reason.split('\n')[0]})`;
  }
  const hex = SHA256_ID.exec(id)?.[1];
  if (hex !== undefined && createHash('sha256').update(document).digest('hex') !== hex) {
    return `the document of ${quoted(id)} does not hash to its id`;
  }
  return undefined;
}

/**
 * The trusted documents in the JSON file at `path`: an object of id to GraphQL document, as codegen's
 * client preset writes `persisted-documents.json` (`persistedDocuments: true`). Each document must
 * parse, and one whose id is `sha256:<hex>` must hash to it, so an edited document cannot keep an
 * old id. Returns the documents, or why the file is refused, in words that follow the file's path.
 */
export function readTrustedDocuments(path: string): TrustedDocuments | string {
  if (path === '') return 'an empty path';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return unreadable(error);
  }
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    return 'not a JSON object of id to document';
  }
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(entries)) {
    const problem = problemOf(id, document);
    if (problem !== undefined) return problem;
    documents.set(id, document as string);
  }
  if (documents.size === 0) return 'an empty list: it would refuse every operation';
  return documents;
}
