import { MockAgent, request } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import { CLOSED_CIRCUIT } from '../../../src/upstream/breaker.js';
import { parseJson } from '../../../src/upstream/answer-body.js';
import type { ProviderName } from '../../../src/domain/model.js';
import type { UpstreamClient, UpstreamRequest } from '../../../src/upstream/types.js';

/**
 * An UpstreamClient that sends through a MockAgent: the real client builds its own undici Pool,
 * which a MockAgent cannot intercept. Same contract: non-2xx answers are returned, not thrown.
 */
export function createMockUpstream(provider: ProviderName, baseUrl: string, mockAgent: MockAgent): UpstreamClient {
  return {
    provider,
    async request({ method, path, headers, body }) {
      const response = await request(new URL(path, baseUrl), { method, headers, body, dispatcher: mockAgent });
      // The real client's reading of the body: a non-JSON page on an error status is dropped.
      const parsed = parseJson(await response.body.text(), response.statusCode, provider);
      return { status: response.statusCode, headers: response.headers, body: parsed };
    },
    circuit: () => CLOSED_CIRCUIT,
    close: () => Promise.resolve(),
    [Symbol.asyncDispose]: () => Promise.resolve(),
  };
}

/**
 * A fresh MockAgent for every test of the enclosing describe, with the network shut off. After
 * each test it fails when an interceptor went unused, so a test cannot pass without its call.
 */
export function useMockAgent(): () => MockAgent {
  let agent: MockAgent | undefined;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    agent?.assertNoPendingInterceptors();
    await agent?.close();
    agent = undefined;
  });
  return () => {
    if (agent === undefined) throw new Error('useMockAgent: the agent exists only while a test runs');
    return agent;
  };
}

/** An UpstreamClient that keeps every request a provider makes through it, as made (`write` included). */
export interface RecordingUpstream {
  readonly http: UpstreamClient;
  readonly sent: UpstreamRequest[];
}

/** `http`, with every request it is given kept in `sent` before it goes on. */
export function recording(http: UpstreamClient): RecordingUpstream {
  const sent: UpstreamRequest[] = [];
  return {
    sent,
    http: {
      ...http,
      request: (request) => {
        sent.push(request);
        return http.request(request);
      },
    },
  };
}
