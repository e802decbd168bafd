import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../../src/providers/kapture/entities.js';

describe('decodeEntities', () => {
  it.each([
    ['Kapture Dev API&apos;s', "Kapture Dev API's"],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;b&gt; is &quot;bold&quot;', '<b> is "bold"'],
    ['it&#39;s', "it's"],
    ['it&#x27;s &#X27;', "it's '"],
    ['&#8377; 499', '₹ 499'],
    ['&#x1F600;', '😀'],
    ['&amp;lt; once', '&lt; once'],
    ['no entities at all', 'no entities at all'],
    ['&nbsp; is not XML', '&nbsp; is not XML'],
    ['&AMP; is case-sensitive', '&AMP; is case-sensitive'],
    ['a bare & and &amp without ;', 'a bare & and &amp without ;'],
    ['&#0; NUL', '&#0; NUL'],
    ['&#xD800; surrogate', '&#xD800; surrogate'],
    ['&#1114112; too large', '&#1114112; too large'],
  ])('decodes %j as %j', (text, decoded) => {
    expect(decodeEntities(text)).toBe(decoded);
  });
});
