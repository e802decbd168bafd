import { describe, expect, it } from 'vitest';
import { hostPort, listenFailure } from '../../../src/server/listen-address.js';

const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

describe('hostPort', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1:4000'],
    ['localhost', 'localhost:4000'],
    ['::1', '[::1]:4000'],
    ['::', '[::]:4000'],
  ])('writes HOST %s as a URL does: %s', (host, written) => {
    expect(hostPort(host, 4000)).toBe(written);
    expect(URL.canParse(`http://${written}/graphql`)).toBe(true);
  });
});

describe('listenFailure', () => {
  it.each([
    ['EADDRINUSE', 'cannot listen on 127.0.0.1:4000: the port is in use (set PORT to another)'],
    ['EACCES', 'cannot listen on 127.0.0.1:4000: not allowed to use the port (set PORT to one above 1023)'],
    ['EADDRNOTAVAIL', 'cannot listen on 127.0.0.1:4000: no interface of this machine has the address (set HOST)'],
    ['ENOTFOUND', 'cannot listen on 127.0.0.1:4000: the host name does not resolve (set HOST)'],
  ])('says what to change for %s, in one line', (code, line) => {
    expect(listenFailure(failure(code), '127.0.0.1', 4000)).toBe(line);
  });

  it("gives Node's own words for a failure it has no advice for", () => {
    expect(listenFailure(failure('EMFILE'), '::1', 4000)).toBe('cannot listen on [::1]:4000: listen EMFILE');
  });
});
