import { GraphQLError } from 'graphql';
import { maskError, type YogaServerOptions } from 'graphql-yoga';
import type { Logger } from 'pino';
import { TicketGraphError } from './errors.js';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError'];

/**
 * The one place GraphQL errors are made from the gateway's errors: an expected error keeps
 * its safe message and gets its code and details in `extensions`; anything else is logged
 * and masked, so no stack trace, upstream body or secret reaches a client.
 */
export function errorMasker(logger: Logger): NonNullable<MaskError> {
  return (error, message, isDev) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof TicketGraphError) {
      return new GraphQLError(original.message, {
        nodes: (error as GraphQLError).nodes,
        path: (error as GraphQLError).path,
        extensions: original.extensions,
      });
    }
    if (error instanceof GraphQLError && !error.originalError) return error;
    // Name, message and path only: a stack trace or an upstream body never reaches a log line.
    const failure = original instanceof Error ? { type: original.name, message: original.message } : { type: typeof original };
    logger.error({ err: failure, path: error instanceof GraphQLError ? error.path : undefined }, 'unexpected error while resolving');
    return maskError(error, message, isDev);
  };
}
