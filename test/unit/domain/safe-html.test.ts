import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../../../src/domain/html-bounds.js';
import { LINK_REL, SAFE_ELEMENTS, safeHtmlOf } from '../../../src/domain/safe-html.js';

const rel = `rel="${LINK_REL}"`;

describe('safeHtmlOf an HTML body', () => {
  it.each([
    ['<script>alert(1)</script>Hi', 'Hi'],
    ['<p>Hi</p><SCRIPT src="https://evil.example/x.js"></SCRIPT>', '<p>Hi</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<a href="javascript:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="JaVaScRiPt:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="&#106;&#97;vascript:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="&#x6A;avascript&#x3A;alert(1)">click</a>', '<a>click</a>'],
    ['<a href="java&#x09;script:alert(1)">click</a>', '<a>click</a>'],
    ['<a href=" javascript:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="vbscript:msgbox(1)">click</a>', '<a>click</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>', '<a>click</a>'],
    ['<svg><script>alert(1)</script></svg>after', 'after'],
    ['<svg onload=alert(1)><circle r=1 /></svg>after', 'after'],
    ['<svg><textarea><img src=x onerror=alert(1)></textarea></svg>after', 'after'],
    ['<math><mtext><img src=x onerror=alert(1)></mtext></math>after', 'after'],
    ['<style>body{background:url(javascript:alert(1))}</style>text', 'text'],
    ['<iframe src="https://evil.example/"></iframe>text', 'text'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>text', 'text'],
    ['<object data="x.swf"></object><embed src="x.swf">text', 'text'],
    ['<template><script>alert(1)</script></template>after', 'after'],
    ['<xmp><img src=x onerror=alert(1)></xmp>after', 'after'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>after', 'after'],
    ['<!-- <script>alert(1)</script> -->text', 'text'],
    ['<!--[if mso]><b>Outlook</b><![endif]-->text', 'text'],
    ['<b>bold <i>italic', '<b>bold <i>italic</i></b>'],
    ['<a href="https://example.com/">unclosed', `<a href="https://example.com/" ${rel}>unclosed</a>`],
    ['<p onclick="alert(1)" class="x" style="color:red" id="y">para</p>', '<p>para</p>'],
    ['<details open ontoggle=alert(1)>d</details>', 'd'],
    ['<form action="javascript:alert(1)"><input value="x"><button>Go</button></form>', 'Go'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">text', 'text'],
    ['<base href="https://evil.example/">text', 'text'],
    ['<select><option>o</option></select><title>t</title>after', 'after'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['<<script>script>alert(1)<</script>/script>', '&lt;/script&gt;'],
  ])('makes %j safe as %j', (body, html) => {
    expect(safeHtmlOf(body, 'HTML')).toBe(html);
  });

  it.each([
    ['<a href="https://example.com/help">help</a>', `<a href="https://example.com/help" ${rel}>help</a>`],
    ['<a href="mailto:support@example.com">mail</a>', `<a href="mailto:support@example.com" ${rel}>mail</a>`],
    ['<A HREF="HTTPS://EXAMPLE.COM/X">x</A>', `<a href="https://example.com/X" ${rel}>x</a>`],
    [
      '<a href="https://example.com/a b?q=&quot;x&quot;">x</a>',
      `<a href="https://example.com/a%20b?q=%22x%22" ${rel}>x</a>`,
    ],
    [
      '<a href="https://example.com/" onclick="steal()" target="_blank" style="color:red" rel="opener">x</a>',
      `<a href="https://example.com/" ${rel}>x</a>`,
    ],
    ['<a href="/account/delete">relative</a>', '<a>relative</a>'],
    ['<a href="//evil.example/">protocol-relative</a>', '<a>protocol-relative</a>'],
    ['<a href="ftp://example.com/">ftp</a>', '<a>ftp</a>'],
    ['<a>no href</a>', '<a>no href</a>'],
  ])('keeps of the link %j only an absolute http, https or mailto href, and its rel: %j', (body, html) => {
    expect(safeHtmlOf(body, 'HTML')).toBe(html);
  });

  it.each([
    ['<img src="https://tracker.example/p.gif" alt="Our logo">', '<span>[Our logo]</span>'],
    ['<p>Hi <img alt="logo"> there</p>', '<p>Hi <span>[logo]</span> there</p>'],
    ['<img src="x" alt="a &amp; <b>">', '<span>[a &amp; &lt;b&gt;]</span>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt=" ">', ''],
  ])('loads no image: %j is its alt text, %j', (body, html) => {
    expect(safeHtmlOf(body, 'HTML')).toBe(html);
  });

  it.each([
    [
      '<h1>T</h1><ul><li>x</li></ul><ol><li>y</li></ol><blockquote>q</blockquote><pre><code>c</code></pre>',
      '<h1>T</h1><ul><li>x</li></ul><ol><li>y</li></ol><blockquote>q</blockquote><pre><code>c</code></pre>',
    ],
    [
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>',
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>',
    ],
    ['<p>a &amp; b &lt; c &quot;d&quot; &#39;e&#39;</p>', `<p>a &amp; b &lt; c "d" 'e'</p>`],
    ['<div>x<br>y</div><hr>', '<div>x<br />y</div><hr />'],
  ])('keeps the formatting of %j: %j', (body, html) => {
    expect(safeHtmlOf(body, 'HTML')).toBe(html);
  });

  it('keeps every element of the allow-list, without attributes', () => {
    const voids = new Set(['br', 'hr']);
    for (const name of SAFE_ELEMENTS.filter((element) => element !== 'a')) {
      const body = voids.has(name) ? `<${name} class="x">` : `<${name} title="t">x</${name}>`;
      const html = voids.has(name) ? `<${name} />` : `<${name}>x</${name}>`;
      expect(safeHtmlOf(body, 'HTML'), name).toBe(html);
    }
  });
});

describe('safeHtmlOf a plain-text body', () => {
  it.each([
    ['a < b & c > d "q" \'r\'', 'a &lt; b &amp; c &gt; d &quot;q&quot; &#39;r&#39;'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['&amp; stays as typed', '&amp;amp; stays as typed'],
    ['one\ntwo\r\nthree\rfour', 'one<br />two<br />three<br />four'],
    ['Hej!\n\nTack.', 'Hej!<br /><br />Tack.'],
    ['', ''],
  ])('escapes %j as %j', (body, html) => {
    expect(safeHtmlOf(body, 'TEXT')).toBe(html);
  });
});

describe('safeHtmlOf a hostile megabyte', () => {
  // Past MAX_HTML_DEPTH open elements, or MAX_HTML_ELEMENTS read, every start tag is dropped, a
  // script's too: what it held is then text, escaped like any other.
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">deep</a>';

  it(`keeps the first ${MAX_HTML_DEPTH} of 200,000 nested elements and answers safe HTML`, () => {
    const body = `${'<div>'.repeat(200_000)}${hostile}${'</div>'.repeat(200_000)}`;
    expect(body.length).toBeGreaterThan(2_000_000);
    expect(safeHtmlOf(body, 'HTML')).toBe(
      `${'<div>'.repeat(MAX_HTML_DEPTH)}alert(1)deep${'</div>'.repeat(MAX_HTML_DEPTH)}`,
    );
  });

  it('answers safe HTML for a megabyte of start tags never closed, and end tags that close none', () => {
    const body = `${'<b>'.repeat(170_000)}${hostile}${'</i>'.repeat(130_000)}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(safeHtmlOf(body, 'HTML')).toBe(
      `${'<b>'.repeat(MAX_HTML_DEPTH)}alert(1)deep${'</b>'.repeat(MAX_HTML_DEPTH)}`,
    );
  });

  it('answers safe HTML for a megabyte of links and images, none loading or running anything', () => {
    const body = '<a href="javascript:alert(1)" onclick="x()"><img src="https://t.example/p.gif" alt="x">'.repeat(
      12_000,
    );
    expect(body.length).toBeGreaterThan(1_000_000);
    // Links do not close one another: the first MAX_HTML_DEPTH nest, and the rest are past the depth.
    expect(safeHtmlOf(body, 'HTML')).toBe(
      `${'<a><span>[x]</span>'.repeat(MAX_HTML_DEPTH - 1)}<a>${'</a>'.repeat(MAX_HTML_DEPTH)}`,
    );
  });

  it(`reads the first ${MAX_HTML_ELEMENTS} elements of a megabyte of paragraphs, and the rest as text`, () => {
    const body = '<p onclick="x()">a'.repeat(60_000);
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(safeHtmlOf(body, 'HTML')).toBe(
      `${'<p>a</p>'.repeat(MAX_HTML_ELEMENTS - 1)}<p>${'a'.repeat(60_000 - MAX_HTML_ELEMENTS + 1)}</p>`,
    );
  });

  it(`makes at most ${MAX_HTML_ELEMENTS} elements of a megabyte of end tags that each make one`, () => {
    const body = `${'</p>'.repeat(150_000)}${'</br>'.repeat(100_000)}${hostile}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(safeHtmlOf(body, 'HTML')).toBe(`${'<p></p>'.repeat(MAX_HTML_ELEMENTS)}alert(1)deep`);
  });
});
