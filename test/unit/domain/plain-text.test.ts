import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH } from '../../../src/domain/html-bounds.js';
import { textOfSafeHtml } from '../../../src/domain/plain-text.js';
import { safeHtmlOf } from '../../../src/domain/safe-html.js';

const textOf = (body: string) => textOfSafeHtml(safeHtmlOf(body, 'HTML'));

describe('textOfSafeHtml', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['a&nbsp;b', 'a b'],
    ['it&#39;s &quot;fine&quot;', 'it\'s "fine"'],
    ['&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['caf&eacute; &#x2603; &euro;', 'café ☃ €'],
  ])('decodes the entities of %j: %j', (body, text) => {
    expect(textOf(body)).toBe(text);
  });

  it.each([
    ['<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['<p>Hej!</p>\n<p>Tack</p>', 'Hej!\n\nTack'],
    ['<div>one</div><div>two</div>', 'one\ntwo'],
    ['one<br>two<br/>three', 'one\ntwo\nthree'],
    ['one<br><br>two', 'one\n\ntwo'],
    ['<ul><li>a</li><li>b</li></ul>after', 'a\nb\n\nafter'],
    ['<h1>Title</h1>Body', 'Title\n\nBody'],
    ['<blockquote>quoted</blockquote>reply', 'quoted\n\nreply'],
    ['<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', 'a b\nc d'],
    ['line<hr>line', 'line\nline'],
    ['<div><div><p>nested</p></div></div>text', 'nested\n\ntext'],
  ])('puts the blocks and breaks of %j on lines: %j', (body, text) => {
    expect(textOf(body)).toBe(text);
  });

  it.each([
    ['  lots   of\n\n spaces  ', 'lots of spaces'],
    ['<p>  padded  </p>', 'padded'],
    ['<b>bold</b><i>italic</i>', 'bolditalic'],
    ['<b>bold</b> <i>italic</i>', 'bold italic'],
    ['word <b> spaced </b> out', 'word spaced out'],
    ['<pre>  x\n    y</pre>after', '  x\n    y\n\nafter'],
    ['<pre>a\r\nb</pre>', 'a\nb'],
  ])('tidies the white space of %j: %j', (body, text) => {
    expect(textOf(body)).toBe(text);
  });

  it.each([
    ['<script>alert(1)</script>Hi', 'Hi'],
    ['<style>p{}</style><!-- note -->Hi', 'Hi'],
    ['<svg><text>chart</text></svg>Hi', 'Hi'],
    ['<p>See <img src="https://t.example/p.gif" alt="screenshot"> here</p>', 'See [screenshot] here'],
    ['<a href="javascript:alert(1)">click</a> me', 'click me'],
    ['', ''],
  ])('holds only the text the safe HTML shows of %j: %j', (body, text) => {
    expect(textOf(body)).toBe(text);
  });

  it('reads a megabyte nested 200,000 deep', () => {
    const body = `${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}`;
    expect(textOf(body)).toBe('deep');
    expect(textOfSafeHtml(body)).toBe('deep');
  });

  it(`reads HTML deeper than ${MAX_HTML_DEPTH} with each start tag past it dropped`, () => {
    expect(textOfSafeHtml(`${'<b>'.repeat(MAX_HTML_DEPTH)}<div>a</div>b`)).toBe('ab');
    expect(textOfSafeHtml(`${'<b>'.repeat(MAX_HTML_DEPTH - 1)}<div>a</div>b`)).toBe('a\nb');
  });
});
