import { describe, expect, it } from 'vitest';
import { httpUrl, lastSegment } from '../../../../src/providers/kit/http-url.js';

describe('httpUrl', () => {
  it.each([
    // docs/providers/kapture.md: task_details.url of the document's example.
    [
      'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148',
      'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148',
    ],
    ['https://files.sweeppea.com/support/2650478/rules.pdf', 'https://files.sweeppea.com/support/2650478/rules.pdf'],
    ['http://x.example/a%20b.png', 'http://x.example/a%20b.png'],
    ['  https://x.example/b.txt\n', 'https://x.example/b.txt'],
    ['\u00a0https://x.example/b.txt\u3000', 'https://x.example/b.txt'],
    ['HTTPS://Files.Example.COM/A.pdf', 'https://files.example.com/A.pdf'],
    ['https://x.example', 'https://x.example/'],
    ['https://x.example/a b"<c>.png', 'https://x.example/a%20b%22%3Cc%3E.png'],
  ])('gives %j out as %j', (value, url) => {
    expect(httpUrl(value)).toBe(url);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)//https://x.example/'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://x.example/a.pdf'],
    ['/employee/view-task-detail.html'],
    ['x.example/a.pdf'],
    ['http:x.example/a.pdf'],
    ['https:/x.example/a.pdf'],
    ['https:\\\\evil.example\\a.pdf'],
    ['https:///x.example/a.pdf'],
    [''],
    ['   '],
    [42],
    [null],
    [undefined],
    [{ url: 'https://x.example/' }],
  ])('gives no url for %j', (value) => {
    expect(httpUrl(value)).toBeNull();
  });
});

describe('lastSegment', () => {
  it.each([
    ['https://x.example/dir/%E3%82%B9%E3%82%AF.png', 'スク.png'],
    ['https://files.kapturecrm.com/a/label%20copy.png', 'label copy.png'],
    [
      'https://kapture-attachments.s3.ap-south-1.amazonaws.com/713516551148/invoice_OD431298765.pdf',
      'invoice_OD431298765.pdf',
    ],
    ['https://x.example/reports/2024/', '2024'],
    ['https://x.example/a/%20%20/', 'a'],
    ['https://x.example/a/%E0%A4%A', '%E0%A4%A'],
    ['https://x.example/download?id=7', 'download'],
  ])('names %j %j', (url, name) => {
    expect(lastSegment(url)).toBe(name);
  });

  it.each([['https://x.example/'], ['https://x.example/?id=7'], ['https://x.example//']])(
    'names %j by the link itself, its path naming nothing',
    (url) => {
      expect(lastSegment(url)).toBe(url);
    },
  );
});
