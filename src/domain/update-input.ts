import { BadUserInputError, ValidationError } from './errors.js';
import { decodeTicketId } from './ids.js';
import type { ProviderName, TicketRef, TicketUpdate } from './model.js';

/** The longest title, as Sweeppea documents it. */
export const MAX_TITLE_LENGTH = 200;
/** The longest description, as Sweeppea documents it. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

/** `UpdateTicketInput` as GraphQL hands it over: every field optional. */
export interface UpdateTicketArgs {
  readonly id?: string | null | undefined;
  readonly provider?: ProviderName | null | undefined;
  readonly number?: string | null | undefined;
  readonly title?: string | null | undefined;
  readonly description?: string | null | undefined;
}

/** A checked update: which ticket, by which input field it was named, and the change. */
export interface CheckedUpdate {
  readonly ref: TicketRef;
  /** `id` or `number`: the field to blame when the provider refuses the number. */
  readonly namedBy: 'id' | 'number';
  readonly change: Omit<TicketUpdate, 'number'>;
}

// A title is one line.
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/**
 * Characters no title holds: every C0 and C1 control (NEL, U+0085, is a line break to some
 * readers), the line and paragraph separators, and the bidirectional controls (marks, embeddings,
 * overrides, isolates), which make text display in another order than it reads: a title that
 * shows as one thing and says another.
 */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const TITLE_REFUSED = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS}]`);
/** The same for a description, less its line breaks (\n, \r\n) and tabs: a lone \r is refused. */
const DESCRIPTION_REFUSED = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS}]|\\r(?!\\n)`,
);

/**
 * Checks an update before anything reaches a provider; throws ValidationError naming the field.
 *
 * Decisions where the provider's document is silent:
 * - Lengths are counted in UTF-16 code units (JavaScript's `length`), as a JavaScript or .NET
 *   service counts them, so nothing the gateway lets through is refused upstream for length: an
 *   emoji counts as two.
 * - The title is trimmed and must then be one non-empty line; the description is sent exactly
 *   as given (its whitespace and HTML are content) but may not be blank. An empty field would
 *   otherwise erase the ticket's text or count as not given, depending on the provider; to keep
 *   a field as it is, leave it out.
 * - Text must be well-formed Unicode (no lone surrogates), without control characters (a
 *   description may have tabs and \n or \r\n line breaks) or bidirectional controls.
 */
export function checkUpdate(input: UpdateTicketArgs): CheckedUpdate {
  const { ref, namedBy } = targetOf(input);
  const title = input.title == null ? undefined : checkTitle(input.title);
  const description = input.description == null ? undefined : checkDescription(input.description);
  if (title === undefined && description === undefined) {
    throw new ValidationError('Give a title, a description or both: an update must change something', {
      field: 'input',
    });
  }
  return {
    ref,
    namedBy,
    change: { ...(title !== undefined && { title }), ...(description !== undefined && { description }) },
  };
}

function targetOf(input: UpdateTicketArgs): { ref: TicketRef; namedBy: 'id' | 'number' } {
  const byId = input.id != null;
  const byNumber = input.provider != null || input.number != null;
  if (byId && byNumber) {
    throw new ValidationError('Name the ticket by id, or by provider and number, not both', { field: 'id' });
  }
  if (byId) {
    try {
      return { ref: decodeTicketId(String(input.id)), namedBy: 'id' };
    } catch (error) {
      if (error instanceof BadUserInputError) throw new ValidationError(error.message, { field: 'id' });
      throw error;
    }
  }
  if (input.provider == null && input.number == null) {
    throw new ValidationError('Name the ticket: give its id, or its provider and number', { field: 'id' });
  }
  if (input.provider == null) throw new ValidationError('A ticket number needs its provider', { field: 'provider' });
  if (input.number == null) throw new ValidationError('A provider needs the ticket number', { field: 'number' });
  return { ref: { provider: input.provider, number: input.number }, namedBy: 'number' };
}

function checkTitle(value: string): string {
  const title = value.trim();
  if (title === '')
    throw new ValidationError('The title must not be empty; leave it out to keep the current one', { field: 'title' });
  if (title.length > MAX_TITLE_LENGTH) {
    throw new ValidationError(`The title must be at most ${MAX_TITLE_LENGTH} characters; it has ${title.length}`, {
      field: 'title',
    });
  }
  if (LINE_BREAK.test(title)) throw new ValidationError('The title must be one line', { field: 'title' });
  checkText(title, 'title', TITLE_REFUSED);
  return title;
}

function checkDescription(description: string): string {
  if (description.trim() === '') {
    throw new ValidationError('The description must not be empty; leave it out to keep the current one', {
      field: 'description',
    });
  }
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw new ValidationError(
      `The description must be at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en')} characters; it has ` +
        `${description.length.toLocaleString('en')}`,
      { field: 'description' },
    );
  }
  checkText(description, 'description', DESCRIPTION_REFUSED);
  return description;
}

function checkText(text: string, field: 'title' | 'description', refused: RegExp): void {
  if (!text.isWellFormed())
    throw new ValidationError(`The ${field} is not well-formed Unicode (a lone surrogate)`, { field });
  const found = refused.exec(text)?.[0];
  if (found !== undefined) {
    const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ValidationError(`The ${field} holds a control character (${code})`, { field });
  }
}
