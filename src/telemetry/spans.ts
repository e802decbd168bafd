import { SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { TicketGraphError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';

/*
 * The gateway's own span attributes, beside the semantic conventions' (`http.*`, `url.*`,
 * `server.*`, `error.type`). Every value is one the gateway chose or counted: a provider, a size,
 * a state, an error code; never a credential, a query string or what an upstream answered.
 */
export const ATTR_PROVIDER = 'ticket_graph.provider';
/** Distinct tickets a loader batch hands its provider. */
export const ATTR_BATCH_SIZE = 'ticket_graph.batch.size';
/** Tickets of a batch that failed, and their distinct error codes. */
export const ATTR_BATCH_FAILED = 'ticket_graph.batch.failed';
export const ATTR_ERROR_CODES = 'ticket_graph.error.codes';
/** The page size a list asked for, and the tickets it answered. */
export const ATTR_LIST_FIRST = 'ticket_graph.list.first';
export const ATTR_LIST_TICKETS = 'ticket_graph.list.tickets';
/** Which try of its call an upstream try is, 1 for the first. */
export const ATTR_ATTEMPT = 'ticket_graph.upstream.attempt';
/** The call changes the upstream's state. */
export const ATTR_WRITE = 'ticket_graph.upstream.write';
/** Where the provider's circuit breaker stood when the try began: CLOSED or HALF_OPEN (its trial). */
export const ATTR_CIRCUIT_STATE = 'ticket_graph.circuit.state';

/** A failure's gateway error code; INTERNAL_SERVER_ERROR for anything else (a fault of the gateway's). */
export function errorCodeOf(error: unknown): string {
  return error instanceof TicketGraphError ? error.code : 'INTERNAL_SERVER_ERROR';
}

/** Marks `span` failed by `code` alone (status and `error.type`): no message, which could say what an upstream did. */
export function markFailed(span: Span, code: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

/**
 * `load tickets` around one loader batch: its provider, its size, how many of its tickets failed
 * and with which codes. The span is failed when every ticket failed, or the batch threw.
 */
export function inBatchSpan<T>(
  tracer: Tracer,
  provider: ProviderName,
  size: number,
  read: () => Promise<(T | Error)[]>,
): Promise<(T | Error)[]> {
  const attributes = { [ATTR_PROVIDER]: provider, [ATTR_BATCH_SIZE]: size };
  return tracer.startActiveSpan('load tickets', { attributes }, async (span) => {
    try {
      const results = await read();
      const codes = results.filter((result) => result instanceof Error).map(errorCodeOf);
      if (codes.length > 0) {
        span.setAttribute(ATTR_BATCH_FAILED, codes.length);
        span.setAttribute(ATTR_ERROR_CODES, [...new Set(codes)]);
        if (codes.length === results.length) markFailed(span, codes[0]!);
      }
      return results;
    } catch (error) {
      markFailed(span, errorCodeOf(error));
      throw error;
    } finally {
      span.end();
    }
  });
}

/** `list tickets` around one page of a provider's list: its provider, the page size asked and answered. */
export function inListSpan<T extends { readonly edges: readonly unknown[] }>(
  tracer: Tracer,
  provider: ProviderName,
  first: number,
  read: () => Promise<T>,
): Promise<T> {
  const attributes = { [ATTR_PROVIDER]: provider, [ATTR_LIST_FIRST]: first };
  return tracer.startActiveSpan('list tickets', { attributes }, async (span) => {
    try {
      const page = await read();
      span.setAttribute(ATTR_LIST_TICKETS, page.edges.length);
      return page;
    } catch (error) {
      markFailed(span, errorCodeOf(error));
      throw error;
    } finally {
      span.end();
    }
  });
}
