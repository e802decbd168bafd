import type { CallTrace, UpstreamClient } from './types.js';

/** `http` with every call made through it marked as made for the request `trace` stands for. */
export function tracedBy(http: UpstreamClient, trace: CallTrace | undefined): UpstreamClient {
  return trace === undefined ? http : { ...http, request: (request) => http.request({ ...request, trace }) };
}
