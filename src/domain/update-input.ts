import type { TicketTargetArgs } from './action-input.js';
import { ValidationError } from './errors.js';
import type { TicketUpdate } from './model.js';
import { checkLongText, checkText, LINE_BREAK, ONE_LINE_REFUSED } from './text-rules.js';

/** The longest title, as Sweeppea documents it. */
export const MAX_TITLE_LENGTH = 200;
/** The longest description, as Sweeppea documents it. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

/** `UpdateTicketInput` as GraphQL hands it over: every field optional. */
export interface UpdateTicketArgs extends TicketTargetArgs {
  readonly title?: string | null | undefined;
  readonly description?: string | null | undefined;
}

/**
 * Checks an update's change before anything reaches a provider (its ticket is `checkTarget`'s);
 * throws ValidationError naming the field.
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
export function checkChange(input: UpdateTicketArgs): Omit<TicketUpdate, 'number'> {
  const title = input.title == null ? undefined : checkTitle(input.title);
  const description = input.description == null ? undefined : checkDescription(input.description);
  if (title === undefined && description === undefined) {
    throw new ValidationError('Give a title, a description or both: an update must change something', {
      field: 'input',
    });
  }
  return { ...(title !== undefined && { title }), ...(description !== undefined && { description }) };
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
  checkText(title, 'title', ONE_LINE_REFUSED);
  return title;
}

function checkDescription(description: string): string {
  return checkLongText(description, {
    field: 'description',
    max: MAX_DESCRIPTION_LENGTH,
    blank: 'The description must not be empty; leave it out to keep the current one',
  });
}
