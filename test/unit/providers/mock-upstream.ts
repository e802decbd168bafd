import { request, type MockAgent } from 'undici';
import { UpstreamInvalidResponseError } from '../../../src/errors.js';
import type { ProviderName } from '../../../src/model.js';
import type { UpstreamClient } from '../../../src/upstream/types.js';

/**
 * An UpstreamClient that sends through a MockAgent: the real client builds its own undici Pool,
 * which a MockAgent cannot intercept. Same contract: non-2xx answers are returned, not thrown.
 */
export function createMockUpstream(provider: ProviderName, baseUrl: string, mockAgent: MockAgent): UpstreamClient {
  return {
    provider,
    async request({ method, path, headers, body }) {
      const response = await request(new URL(path, baseUrl), { method, headers, body, dispatcher: mockAgent });
      const text = await response.body.text();
      let parsed: unknown;
      try {
        parsed = text.trim() === '' ? undefined : JSON.parse(text);
      } catch (cause) {
        throw new UpstreamInvalidResponseError(`${provider} answered with a body that is not JSON`, {
          provider,
          upstreamStatus: response.statusCode,
          cause,
        });
      }
      return { status: response.statusCode, headers: response.headers, body: parsed };
    },
    close: () => Promise.resolve(),
  };
}
