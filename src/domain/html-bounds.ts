import { type ParserOptions, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * Most elements open at once while reading an upstream's HTML. Mail clients nest a few dozen
 * deep; more is hostile, and each start tag past it is dropped (its text is kept).
 */
export const MAX_HTML_DEPTH = 100;

/**
 * Most elements read from one body. A long mail thread in HTML has a few thousand; past this,
 * tags are dropped and the rest of the body is read as text, so a megabyte of empty elements
 * costs the tokenizer's time, not the sanitiser's for each element.
 */
export const MAX_HTML_ELEMENTS = 20_000;

/**
 * The elements the parser's handler has been told of: `open` up for each start tag (`onopentag`)
 * and down for each end tag, implied ones included (`onclosetag`); `seen` up for each start tag.
 */
export interface ElementCounts {
  open: number;
  seen: number;
}

interface BoundedOptions extends ParserOptions {
  readonly counts: ElementCounts;
}

/**
 * htmlparser2 options whose parser keeps at most MAX_HTML_DEPTH elements open and reads at most
 * MAX_HTML_ELEMENTS, the handler keeping `counts`. htmlparser2 holds the open elements in an array
 * it shifts at the front on each start tag and searches on each end tag, so a megabyte of unclosed
 * tags would cost time in the square of its length (tens of seconds); bounded, each tag costs at
 * most MAX_HTML_DEPTH steps, and reading is linear in the length.
 */
export function boundedParsing(counts: ElementCounts): BoundedOptions {
  return { Tokenizer: BoundedTokenizer, counts };
}

/** The parser builds its tokenizer from its own options (`new Tokenizer(options, parser)`). */
class BoundedTokenizer extends Tokenizer {
  constructor(options: BoundedOptions, parser: TokenizerCallbacks) {
    super(options, withinBounds(parser, options.counts));
  }
}

/**
 * The parser's callbacks, less every start tag (name, attributes, end) met with MAX_HTML_DEPTH
 * elements open, and every tag at all once MAX_HTML_ELEMENTS were read: an end tag past that
 * could still make an element (`</p>` with no paragraph open is an empty one).
 */
function withinBounds(parser: TokenizerCallbacks, counts: ElementCounts): TokenizerCallbacks {
  let dropping = false;
  return {
    onopentagname(start, endIndex) {
      dropping = counts.open >= MAX_HTML_DEPTH || counts.seen >= MAX_HTML_ELEMENTS;
      if (!dropping) parser.onopentagname(start, endIndex);
    },
    onattribname: (start, endIndex) => dropping || parser.onattribname(start, endIndex),
    onattribdata: (start, endIndex) => dropping || parser.onattribdata(start, endIndex),
    onattribentity: (codepoint) => dropping || parser.onattribentity(codepoint),
    onattribend: (quote, endIndex) => dropping || parser.onattribend(quote, endIndex),
    onopentagend(endIndex) {
      if (dropping) dropping = false;
      else parser.onopentagend(endIndex);
    },
    onselfclosingtag(endIndex) {
      if (dropping) dropping = false;
      else parser.onselfclosingtag(endIndex);
    },
    onclosetag: (start, endIndex) => counts.seen >= MAX_HTML_ELEMENTS || parser.onclosetag(start, endIndex),
    ontext: (start, endIndex) => parser.ontext(start, endIndex),
    ontextentity: (codepoint, endIndex) => parser.ontextentity(codepoint, endIndex),
    oncomment: (start, endIndex, offset) => parser.oncomment(start, endIndex, offset),
    oncdata: (start, endIndex, offset) => parser.oncdata(start, endIndex, offset),
    ondeclaration: (start, endIndex) => parser.ondeclaration(start, endIndex),
    onprocessinginstruction: (start, endIndex) => parser.onprocessinginstruction(start, endIndex),
    onend: () => parser.onend(),
  };
}
