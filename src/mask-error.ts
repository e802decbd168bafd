import { GraphQLError } from 'graphql';
import { maskError, type YogaLogger, type YogaServerOptions } from 'graphql-yoga';
import type { Logger } from 'pino';
import { TicketGraphError } from './errors.js';

type MaskError = NonNullable<NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError']>;

export interface ErrorHandling {
  /** Yoga's `maskedErrors.maskError`. */
  readonly maskError: MaskError;
  /** Yoga's `logging`: pino underneath, without yoga's second report of an error already handled here. */
  readonly logging: YogaLogger;
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
 * error's text with the query under it; that report is dropped for errors handled here.
 */
export function errorHandling(logger: Logger): ErrorHandling {
  const handled = new WeakSet<object>();

  const maskErrorFn: MaskError = (error, message, isDev) => {
    if (typeof error === 'object' && error !== null) handled.add(error);
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError ? graphqlError.originalError : error;
    if (original instanceof TicketGraphError) {
      const { code, provider } = original.extensions;
      logger.debug({ code, provider, path: graphqlError?.path }, original.message);
      return new GraphQLError(original.message, {
        nodes: graphqlError?.nodes,
        path: graphqlError?.path,
        extensions: original.extensions,
      });
    }
    if (graphqlError && !graphqlError.originalError) return graphqlError;
    const failure = original instanceof Error ? { type: original.name, message: original.message } : { type: typeof original };
    logger.error({ failure, path: graphqlError?.path }, 'unexpected error while resolving');
    return maskError(error, message, isDev);
  };

  const text = (args: unknown[]) => args.map(String).join(' ');
  return {
    maskError: maskErrorFn,
    logging: {
      debug: (...args) => logger.debug(text(args)),
      info: (...args) => logger.info(text(args)),
      warn: (...args) => logger.warn(text(args)),
      error: (...args) => {
        if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && handled.has(args[0])) return;
        logger.error(text(args));
      },
    },
  };
}
