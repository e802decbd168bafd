import { ValidationError } from './errors.js';

/** A line break of any kind: a one-line text (a title) holds none. */
export const LINE_BREAK = /[\r\n\u2028\u2029]/;
/**
 * The bidirectional controls (marks, embeddings, overrides, isolates), which make text display in
 * another order than it reads: a title that shows as one thing and says another.
 */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/**
 * Characters no one-line text holds: every C0 and C1 control (NEL, U+0085, is a line break to
 * some readers), the line and paragraph separators, and the bidirectional controls.
 */
export const ONE_LINE_REFUSED = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS}]`);
/** The same for text of several lines, less its line breaks (\n, \r\n) and tabs: a lone \r is refused. */
export const MULTILINE_REFUSED = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS}]|\\r(?!\\n)`,
);

/**
 * Text of several lines sent exactly as given (its whitespace is content): not blank (`blank` is
 * the message), at most `max` UTF-16 code units, and under MULTILINE_REFUSED. `noun` names it in
 * the length message; the field's name by default.
 */
export function checkLongText(
  text: string,
  rule: { readonly field: string; readonly noun?: string; readonly max: number; readonly blank: string },
): string {
  const { field, max } = rule;
  if (INVISIBLE.test(text)) throw new ValidationError(rule.blank, { field });
  if (text.length > max) {
    throw new ValidationError(
      `The ${rule.noun ?? field} must be at most ${max.toLocaleString('en')} characters; it has ` +
        `${text.length.toLocaleString('en')}`,
      { field },
    );
  }
  checkText(text, field, MULTILINE_REFUSED);
  return text;
}

/** Text with nothing a reader sees: white space and the zero-width characters (U+200B–U+200D, U+2060, U+FEFF). */
const INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/** Refuses text that is not well-formed Unicode or holds a character `refused` matches, naming `field`. */
export function checkText(text: string, field: string, refused: RegExp): void {
  if (!text.isWellFormed())
    throw new ValidationError(`The ${field} is not well-formed Unicode (a lone surrogate)`, { field });
  const found = refused.exec(text)?.[0];
  if (found !== undefined) {
    const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ValidationError(`The ${field} holds a control character (${code})`, { field });
  }
}
