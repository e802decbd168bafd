import { context, defaultTextMapSetter, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { CircuitState } from '../domain/model.js';
import {
  ATTR_ATTEMPT,
  ATTR_CIRCUIT_STATE,
  ATTR_PROVIDER,
  ATTR_WRITE,
  errorCodeOf,
  markFailed,
} from '../telemetry/spans.js';
import type { TimedCall } from './layer.js';
import type { UpstreamOptions } from './types.js';

const propagator = new W3CTraceContextPropagator();
const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * The layer of a try's span, between withRetries and attemptOnce: one client span a try, a child
 * of the span the call was made in (`spanParent`), whose W3C `traceparent` (and the caller's
 * `tracestate`) the try sends. It holds the provider, the method, the server and the path (never
 * the query string), the answer's status, which try it is, and where the provider's circuit
 * stood; a try with no answer is failed by its gateway error code, an error status by the status.
 */
export function withTrySpans(
  next: TimedCall,
  tracer: Tracer,
  options: Pick<UpstreamOptions, 'provider' | 'baseUrl'> & { readonly circuit: () => CircuitState },
): TimedCall {
  const { provider, circuit } = options;
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const server = {
    [ATTR_SERVER_ADDRESS]: base.hostname,
    [ATTR_SERVER_PORT]: base.port === '' ? (DEFAULT_PORTS[base.protocol] ?? 0) : Number(base.port),
    [ATTR_URL_SCHEME]: base.protocol.slice(0, -1),
  };
  return async (request, endsAt, tried = 0) => {
    const parent = request.spanParent ?? context.active();
    const span = tracer.startSpan(
      `${request.method} ${provider}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_PROVIDER]: provider,
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          ...server,
          [ATTR_URL_PATH]: prefix + request.path.split('?', 1)[0],
          [ATTR_ATTEMPT]: tried + 1,
          ...(tried > 0 && { [ATTR_HTTP_REQUEST_RESEND_COUNT]: tried }),
          [ATTR_CIRCUIT_STATE]: circuit(),
          ...(request.write === true && { [ATTR_WRITE]: true }),
        },
      },
      parent,
    );
    const headers = { ...request.headers };
    propagator.inject(trace.setSpan(parent, span), headers, defaultTextMapSetter);
    try {
      const response = await next({ ...request, headers }, endsAt, tried);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      // An error status fails a client span, by the status (the semantic conventions' rule).
      if (response.status >= 400) markFailed(span, String(response.status));
      return response;
    } catch (error) {
      markFailed(span, errorCodeOf(error));
      throw error;
    } finally {
      span.end();
    }
  };
}
