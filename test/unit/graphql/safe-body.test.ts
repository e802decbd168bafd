import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeHtmlOf } from '../../../src/domain/safe-html.js';
import { bodyHtml, bodyText } from '../../../src/graphql/safe-body.js';

// Counting the sanitiser's calls shows what each field costs.
vi.mock('../../../src/domain/safe-html.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/domain/safe-html.js')>();
  return { ...original, safeHtmlOf: vi.fn(original.safeHtmlOf) };
});

const sanitised = vi.mocked(safeHtmlOf);

describe('bodyHtml and bodyText', () => {
  beforeEach(() => {
    sanitised.mockClear();
  });

  it('are null for a ticket with no body, and sanitise nothing', () => {
    expect(bodyHtml({ body: null, bodyFormat: 'HTML' })).toBeNull();
    expect(bodyText({ body: null, bodyFormat: 'HTML' })).toBeNull();
    expect(sanitised).not.toHaveBeenCalled();
  });

  it('read a note, which has no format, as plain text', () => {
    const note = { id: '1', createdAt: null, author: null, body: '<b>5 < 6</b>\nok' };
    expect(bodyHtml(note)).toBe('&lt;b&gt;5 &lt; 6&lt;/b&gt;<br />ok');
    expect(bodyText(note)).toBe('<b>5 < 6</b>\nok');
  });

  it('give a plain-text body as it is for bodyText, without sanitising it', () => {
    expect(bodyText({ body: 'a &amp; b', bodyFormat: 'TEXT' })).toBe('a &amp; b');
    expect(sanitised).not.toHaveBeenCalled();
  });

  it('sanitise a body once however often either field asks for it', () => {
    const reply = { body: '<p onclick="x()">Hi &amp; bye</p>', bodyFormat: 'HTML' as const };
    expect([bodyHtml(reply), bodyText(reply), bodyHtml(reply), bodyText(reply)]).toEqual([
      '<p>Hi &amp; bye</p>',
      'Hi & bye',
      '<p>Hi &amp; bye</p>',
      'Hi & bye',
    ]);
    expect(sanitised).toHaveBeenCalledTimes(1);
  });

  it('sanitise each body object on its own, equal bodies too', () => {
    const body = '<p>same</p>';
    expect(bodyHtml({ body, bodyFormat: 'HTML' })).toBe(bodyHtml({ body, bodyFormat: 'HTML' }));
    expect(sanitised).toHaveBeenCalledTimes(2);
  });
});
