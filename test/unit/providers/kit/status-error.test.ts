import { describe, expect, it } from 'vitest';
import { statusError } from '../../../../src/providers/kit/status-error.js';
import type { UpstreamResponse } from '../../../../src/upstream/types.js';

const WORDS = {
  refused: 'Keliweb rejected the access token',
  noEndpoint: 'Keliweb has no get-ticket endpoint at the configured base URL',
  failed: 'Keliweb failed to read ticket 516757',
};
const answer = (status: number, headers: UpstreamResponse['headers'] = {}): UpstreamResponse => ({
  status,
  headers,
  body: undefined,
});
const seen = (response: UpstreamResponse) => {
  const error = statusError(response, 'keliweb', WORDS);
  return { name: error.name, message: error.message, ...error.extensions };
};

describe('statusError', () => {
  it('reads a 401 as the credential refused', () => {
    expect(seen(answer(401))).toEqual({
      name: 'UnauthenticatedError',
      message: 'Keliweb rejected the access token',
      code: 'UNAUTHENTICATED',
      provider: 'keliweb',
      upstreamStatus: 401,
      retryable: false,
    });
  });

  it('reads a 404 as a wrong base URL, not a missing ticket, and not worth asking again', () => {
    expect(seen(answer(404, { 'retry-after': '5' }))).toEqual({
      name: 'UpstreamFailedError',
      message: 'Keliweb has no get-ticket endpoint at the configured base URL',
      code: 'UPSTREAM_ERROR',
      provider: 'keliweb',
      upstreamStatus: 404,
      retryable: false,
    });
  });

  it.each([
    [403, {}, { name: 'ForbiddenError', code: 'FORBIDDEN', retryable: false }],
    [429, { 'retry-after': '7' }, { name: 'RateLimitedError', code: 'RATE_LIMITED', retryable: true, retryAfter: 7 }],
    [500, {}, { name: 'UpstreamFailedError', code: 'UPSTREAM_ERROR', retryable: true }],
    [
      503,
      { 'retry-after': '2' },
      { name: 'UpstreamFailedError', code: 'UPSTREAM_ERROR', retryable: true, retryAfter: 2 },
    ],
    [400, {}, { name: 'UpstreamFailedError', code: 'UPSTREAM_ERROR', retryable: false }],
  ] as const)('reads any other status, %i, as it means, with its Retry-After', (status, headers, expected) => {
    expect(seen(answer(status, headers))).toEqual({
      message: 'Keliweb failed to read ticket 516757',
      provider: 'keliweb',
      upstreamStatus: status,
      ...expected,
    });
  });

  it.each([500, 502, 503])(
    'calls a write answered %i not retryable: it may have been made before the failure',
    (status) => {
      const words = { ...WORDS, failed: 'Keliweb failed while adding the reply; it may or may not have been added' };
      const error = statusError(answer(status, { 'retry-after': '2' }), 'keliweb', words, true);
      expect({ name: error.name, message: error.message, ...error.extensions }).toEqual({
        name: 'UpstreamFailedError',
        message: 'Keliweb failed while adding the reply; it may or may not have been added',
        code: 'UPSTREAM_ERROR',
        provider: 'keliweb',
        upstreamStatus: status,
        retryable: false,
      });
    },
  );

  it.each([
    [401, 'UNAUTHENTICATED', false],
    [403, 'FORBIDDEN', false],
    [404, 'UPSTREAM_ERROR', false],
    [429, 'RATE_LIMITED', true],
  ] as const)('reads a write refused with %i as a read would: nothing was done', (status, code, retryable) => {
    expect(statusError(answer(status), 'keliweb', WORDS, true)).toMatchObject({ code, retryable });
  });
});
