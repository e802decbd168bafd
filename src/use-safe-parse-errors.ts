import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * A body yoga cannot read is answered with yoga's own message and code only. Yoga adds the
 * parser's error as `extensions.originalError`, and V8's JSON message quotes the body back.
 */
export function useSafeParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          throw withoutOriginalError(error);
        }
      });
    },
  };
}

function withoutOriginalError(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || !error.extensions || !('originalError' in error.extensions)) return error;
  const { originalError: _dropped, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}
