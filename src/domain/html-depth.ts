import { type ParserOptions, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * Most elements open at once while reading an upstream's HTML. Mail clients nest a few dozen
 * deep; more is hostile, and each start tag past it is dropped (its text is kept).
 */
export const MAX_HTML_DEPTH = 100;

/**
 * How many elements are open, as the parser's handler counts them: one up for each start tag it
 * is told of (`onopentag`), one down for each end tag, implied ones included (`onclosetag`).
 */
export interface OpenElements {
  count: number;
}

interface DepthBoundedOptions extends ParserOptions {
  readonly openElements: OpenElements;
}

/**
 * htmlparser2 options whose parser keeps at most MAX_HTML_DEPTH elements open, the handler
 * keeping `openElements.count`. htmlparser2 holds the open elements in an array it shifts at the
 * front on each start tag and searches on each end tag, so a megabyte of unclosed tags would
 * cost time in the square of its length (tens of seconds); bounded, each tag costs at most
 * MAX_HTML_DEPTH steps, and reading is linear in the length.
 */
export function depthBoundedParsing(openElements: OpenElements): DepthBoundedOptions {
  return { Tokenizer: DepthBoundedTokenizer, openElements };
}

/** The parser builds its tokenizer from its own options (`new Tokenizer(options, parser)`). */
class DepthBoundedTokenizer extends Tokenizer {
  constructor(options: DepthBoundedOptions, parser: TokenizerCallbacks) {
    super(options, withoutDeepStartTags(parser, options.openElements));
  }
}

/** The parser's callbacks, less every start tag (name, attributes, end) met with the parser full. */
function withoutDeepStartTags(parser: TokenizerCallbacks, open: OpenElements): TokenizerCallbacks {
  let dropping = false;
  return {
    onopentagname(start, endIndex) {
      dropping = open.count >= MAX_HTML_DEPTH;
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
    onclosetag: (start, endIndex) => parser.onclosetag(start, endIndex),
    ontext: (start, endIndex) => parser.ontext(start, endIndex),
    ontextentity: (codepoint, endIndex) => parser.ontextentity(codepoint, endIndex),
    oncomment: (start, endIndex, offset) => parser.oncomment(start, endIndex, offset),
    oncdata: (start, endIndex, offset) => parser.oncdata(start, endIndex, offset),
    ondeclaration: (start, endIndex) => parser.ondeclaration(start, endIndex),
    onprocessinginstruction: (start, endIndex) => parser.onprocessinginstruction(start, endIndex),
    onend: () => parser.onend(),
  };
}
