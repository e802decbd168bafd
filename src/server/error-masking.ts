import { GraphQLError } from 'graphql';
import { maskError, type YogaServerOptions } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isUpstreamFailure, TicketGraphError } from '../domain/errors.js';

/** Yoga's `maskedErrors.maskError`. */
type MaskError = NonNullable<
  NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError']
>;

export interface MaskErrorOptions {
  /**
   * Every error passed to the masking is added here, so that yoga's own report of it can be
   * dropped (`createYogaLogger`'s `skip`). Default: none kept.
   */
  readonly handled?: WeakSet<object>;
}

/**
 * The one place GraphQL errors are made from the gateway's errors, and the one place they are
 * logged. An expected error (a TicketGraphError: a missing ticket, a provider down) keeps its safe
 * message, gets its code and details in `extensions`, and is logged at debug with its code,
 * provider and path: it is the graph working, not failing. Anything else is logged once at error
 * level, by name, message and path only, and masked, so no stack trace, upstream body or secret
 * reaches a client or a log line.
 *
 * Yoga logs at error level every error whose masked form differs from the original, as the
 * error's text with the query under it; `handled` lets its logger drop that report.
 */
export function createMaskError(logger: Logger, options: MaskErrorOptions = {}): MaskError {
  const { handled } = options;
  return (error, message, isDev) => {
    if (typeof error === 'object' && error !== null) handled?.add(error);
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError ? graphqlError.originalError : error;
    if (original instanceof TicketGraphError) {
      logExpected(logger, original, graphqlError?.path);
      return new GraphQLError(original.message, {
        nodes: graphqlError?.nodes,
        path: graphqlError?.path,
        extensions: original.extensions,
      });
    }
    // graphql-js's own reports on the request, at no path: a variable missing or null (on its
    // own), or a variable's value its type refuses (wrapping the scalar's or enum's error). The
    // client's input is at fault, not ours. Any other GraphQLError of our own is answered as made.
    const ownReport = graphqlError && !graphqlError.originalError;
    if (ownReport && (graphqlError.path !== undefined || graphqlError.extensions.code !== undefined))
      return graphqlError;
    if (graphqlError && (ownReport || original instanceof GraphQLError)) {
      if (graphqlError.extensions.code !== undefined) return graphqlError;
      const { nodes, path, extensions } = graphqlError;
      return new GraphQLError(graphqlError.message, {
        nodes,
        path,
        extensions: { ...extensions, code: 'BAD_USER_INPUT' },
      });
    }
    const failure =
      original instanceof Error ? { type: original.name, message: original.message } : { type: typeof original };
    logger.error({ failure, path: graphqlError?.path }, 'unexpected error while resolving');
    return maskError(error, message, isDev);
  };
}

/**
 * A gateway error, logged by what it says of the system: an upstream failing (timeouts, 5xx,
 * rate limits, unreadable answers, an open circuit) at warn, so an outage shows in the log at
 * the default level; a mapper's own fault wrapped as an invalid response (a TypeError, …) at
 * error, by its kind and message, since it may be a bug of ours; the rest (a missing ticket, a
 * bad number, a refused key) at debug: the graph working as it should. Never the query, a body
 * or a credential: only codes, the provider, the status and the path.
 */
function logExpected(logger: Logger, error: TicketGraphError, path: unknown): void {
  const fields = { code: error.code, provider: error.provider, upstreamStatus: error.upstreamStatus, path };
  const cause = error.cause;
  // Only programming faults: a JSON SyntaxError's message quotes the body, a failed shape
  // check's may describe it; neither reaches a log line.
  if (
    error.code === 'UPSTREAM_INVALID_RESPONSE' &&
    (cause instanceof TypeError || cause instanceof RangeError || cause instanceof ReferenceError)
  ) {
    logger.error({ ...fields, failure: { type: cause.name, message: cause.message } }, error.message);
  } else if (isUpstreamFailure(error)) {
    logger.warn(fields, error.message);
  } else {
    logger.debug(fields, error.message);
  }
}
