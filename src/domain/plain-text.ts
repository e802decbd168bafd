import { Parser } from 'htmlparser2';
import { boundedParsing, type ElementCounts } from './html-bounds.js';

/** Elements that stand apart from what is around them by a blank line. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table']);
/** Elements that start and end a line. */
const LINES = new Set(['div', 'li', 'tr', 'caption', 'hr', 'thead', 'tbody', 'tfoot']);
/** Table cells, set apart from one another by a space. */
const CELLS = new Set(['td', 'th']);

/**
 * Writes text as a reader sees it rendered: runs of white space (no-break spaces too) as one
 * space, none at the start or end of a line; a block element on lines of its own, at most one
 * blank line between blocks; each `<br>` a line break; `<pre>` as written.
 */
class TextWriter {
  private readonly parts: string[] = [];
  /** Text since the last tag: the parser gives it in pieces (one for each entity), laid out at once. */
  private pending: string[] = [];
  /** Line breaks owed before the next text. */
  private breaks = 0;
  /** A space owed before the next text on the same line. */
  private space = false;
  private empty = true;
  private preformatted = 0;

  text(text: string): void {
    this.pending.push(text);
  }

  open(name: string): void {
    this.flush();
    if (name === 'br') this.breaks += 1;
    else this.block(name);
    if (name === 'pre') this.preformatted += 1;
  }

  close(name: string): void {
    this.flush();
    if (name === 'pre') this.preformatted -= 1;
    if (CELLS.has(name)) this.space = true;
    else if (name !== 'br') this.block(name);
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    if (this.preformatted > 0) {
      this.write(text.replace(/\r\n?/g, '\n'));
      return;
    }
    const words = text.replace(/\s+/g, ' ');
    if (words.startsWith(' ')) this.space = true;
    const trimmed = words.trim();
    if (trimmed === '') return;
    this.write(trimmed);
    this.space = words.endsWith(' ');
  }

  private block(name: string): void {
    const breaks = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
    if (breaks === 0) return;
    this.breaks = Math.max(this.breaks, breaks);
    this.space = false;
  }

  private write(text: string): void {
    if (!this.empty && this.breaks > 0) this.parts.push('\n'.repeat(this.breaks));
    else if (!this.empty && this.space) this.parts.push(' ');
    this.parts.push(text);
    this.empty = false;
    this.breaks = 0;
    this.space = false;
  }
}

/**
 * The text of HTML as `safeHtmlOf` writes it: tags gone, entities decoded, laid out as
 * TextWriter says. Reading the sanitised HTML, not the upstream's, makes the text that of
 * `safeHtmlOf`: what a script, style or comment held is not text, and an image is its alt text.
 */
export function textOfSafeHtml(safeHtml: string): string {
  const writer = new TextWriter();
  const counts: ElementCounts = { open: 0, seen: 0 };
  const parser = new Parser(
    {
      onopentag(name) {
        counts.open += 1;
        counts.seen += 1;
        writer.open(name);
      },
      onclosetag(name) {
        counts.open -= 1;
        writer.close(name);
      },
      ontext: (text) => writer.text(text),
    },
    boundedParsing(counts),
  );
  parser.end(safeHtml);
  return writer.toString();
}
