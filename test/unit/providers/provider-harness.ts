import type { MockAgent } from 'undici';
import { expect, it } from 'vitest';
import { TicketGraphError, UpstreamTimeoutError } from '../../../src/domain/errors.js';
import type { ProviderName, Ticket } from '../../../src/domain/model.js';
import type { Provider, ProviderDeps } from '../../../src/providers/provider.js';
import { CLOSED_CIRCUIT } from '../../../src/upstream/breaker.js';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../../../src/upstream/types.js';
import { createMockUpstream, useMockAgent } from './mock-upstream.js';

/** What the client tests of one provider need to know about it. */
export interface ProviderUnderTest {
  readonly name: ProviderName;
  readonly create: (deps: ProviderDeps) => Provider;
  readonly baseUrl: string;
  readonly timezone: string;
  readonly maxBatch: number;
  /** The endpoint a read calls. */
  readonly route: { readonly path: string; readonly method: 'GET' | 'POST' };
  /** The credential every read is made with; it must never show in an error. */
  readonly secret: string;
  /** The number a one-ticket read asks for. */
  readonly number: string;
}

/** What the upstream saw of a request, as undici's MockAgent hands it to a reply callback. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: unknown;
  readonly body?: unknown;
}

/** How a test narrows an interceptor beyond the provider's route, e.g. another path or a body. */
export type RequestMatch = Partial<Parameters<ReturnType<MockAgent['get']>['intercept']>[0]>;

/** One upstream answer: HTTP status and body (a string is sent as it is, anything else as JSON). */
export type UpstreamAnswer = readonly [status: number, body: unknown];

/**
 * The MockAgent-backed upstream of one provider, fresh for every test of the describe it is
 * called in (see useMockAgent), and the reads the tests make through the provider.
 */
export function useProviderHarness(subject: ProviderUnderTest) {
  const agent = useMockAgent();
  const http = (): UpstreamClient => createMockUpstream(subject.name, subject.baseUrl, agent());
  const provider = (maxBatch = subject.maxBatch): Provider =>
    subject.create({ http: http(), timezone: subject.timezone, maxBatch });
  /** An interceptor on the provider's route; chain `.reply(...)`, then `.times(n)` or `.persist()`. */
  const intercept = (match: RequestMatch = {}) =>
    agent()
      .get(subject.baseUrl)
      .intercept({ ...subject.route, ...match });
  /** Answers the next matching call once. */
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}, match: RequestMatch = {}) =>
    intercept(match).reply(status, typeof body === 'string' ? body : JSON.stringify(body), { headers });
  const fetchTickets = (numbers: string[], maxBatch?: number) =>
    provider(maxBatch).fetchTickets(numbers, { secret: subject.secret });
  const fetchOne = async (number = subject.number): Promise<Ticket | Error> => (await fetchTickets([number]))[0]!;
  /** Reads one number and fails the test unless its entry is a TicketGraphError. */
  const fetchError = async (number?: string): Promise<TicketGraphError> => {
    const result = await fetchOne(number);
    expect(result).toBeInstanceOf(TicketGraphError);
    return result as TicketGraphError;
  };
  /**
   * Reads `numbers` (the subject's number by default) while the upstream answers the one call
   * with 200 and `body`; fails unless that call went to the route with its method. Gives what the
   * upstream got and what the read returned.
   */
  const readCapturing = async (body: unknown, numbers = [subject.number]) => {
    let request: SentRequest | undefined;
    intercept().reply((options) => {
      request = options;
      return { statusCode: 200, data: JSON.stringify(body) };
    });
    const results = await fetchTickets(numbers);
    expect(request).toMatchObject({ method: subject.route.method, path: subject.route.path });
    return { request: request!, results };
  };
  /** The error one read of the subject's number gets when the upstream answers thus. */
  const errorFor = (status: number, body: unknown, headers: Record<string, string> = {}): Promise<TicketGraphError> => {
    answer(status, body, headers);
    return fetchError();
  };
  /** Answers one read with each of `answers` in turn; none of the errors may carry the credential. */
  const expectKeyKeptOutOfErrors = async (answers: readonly UpstreamAnswer[]) => {
    for (const [status, body] of answers) {
      const error = await errorFor(status, body);
      expect(error.message).not.toContain(subject.secret);
      expect(JSON.stringify(error.extensions)).not.toContain(subject.secret);
    }
  };
  /**
   * One test per documented error answer: `file` (read with `fixture`) sent with `status` gives
   * `code` and `retryable`, stamped with the provider and status, in words that are not the
   * upstream's own (`upstreamMessage` is where the file keeps them).
   */
  const itMapsDocumentedErrors = (
    cases: [file: string, status: number, code: string, retryable: boolean][],
    fixture: (file: string) => Record<string, unknown>,
    upstreamMessage: string,
  ) =>
    it.each(cases)('maps the documented %s (HTTP %i) to %s', async (file, status, code, retryable) => {
      const body = fixture(file);
      const error = await errorFor(status, body);
      expect(error).toMatchObject({ code, provider: subject.name, upstreamStatus: status, retryable });
      expect(typeof body[upstreamMessage]).toBe('string');
      expect(error.message).not.toContain(body[upstreamMessage]);
    });
  return {
    http,
    intercept,
    answer,
    readCapturing,
    fetchTickets,
    fetchOne,
    errorFor,
    expectKeyKeptOutOfErrors,
    itMapsDocumentedErrors,
  };
}

/** Reads `numbers` through `http`, a hand-made upstream, with the subject's configuration. */
export function fetchThrough(
  subject: ProviderUnderTest,
  http: UpstreamClient,
  numbers: string[],
): Promise<(Ticket | Error)[]> {
  return subject
    .create({ http, timezone: subject.timezone, maxBatch: subject.maxBatch })
    .fetchTickets(numbers, { secret: subject.secret });
}

/** A hand-made upstream whose every call goes to `request`. */
export function stubUpstream(
  provider: ProviderName,
  request: (request: UpstreamRequest) => Promise<UpstreamResponse>,
): UpstreamClient {
  const close = () => Promise.resolve();
  return { provider, request, circuit: () => CLOSED_CIRCUIT, close, [Symbol.asyncDispose]: close };
}

/** The error the real upstream client throws when `provider` does not answer in time. */
export function timeoutOf(provider: ProviderName): UpstreamTimeoutError {
  return new UpstreamTimeoutError(`${provider} did not answer within 10000 ms`, { provider });
}

/** One entry of a read, comparable in a list: a ticket's number, an error's code, or any other Error itself. */
export function outcomeOf(result: Ticket | Error | undefined): unknown {
  return result instanceof TicketGraphError ? result.code : result instanceof Error ? result : result?.number;
}
