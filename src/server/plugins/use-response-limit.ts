import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { BadUserInputError } from '../../domain/errors.js';
import { jsonSize } from '../json-size.js';

export interface ResponseLimitOptions {
  /**
   * The largest response, as JSON, answered. Required: app.ts passes `RESPONSE_MAX_BYTES`
   * (`config.responseMaxBytes`).
   */
  readonly maxBytes: number;
}

/**
 * Refuses a response whose JSON would pass `maxBytes`, with one BAD_USER_INPUT error naming the
 * limit instead of its data. The upstream byte budget bounds what a request reads, but aliases
 * can write the same large ticket (its `body`, its `raw`) many times over, and a JSON text past
 * V8's longest string fails with a RangeError and an HTTP 500 after it filled the heap. The data
 * is measured before it is written, and the measuring stops at the limit. An incremental answer
 * counts its parts together; the part that passes the limit is replaced by the error, and ends it.
 */
export function useResponseLimit({ maxBytes }: ResponseLimitOptions): Plugin {
  const refusal = () => {
    const error = new BadUserInputError(
      `The response would be over ${maxBytes} bytes (RESPONSE_MAX_BYTES): ask for fewer tickets or fields at once`,
    );
    return new GraphQLError(error.message, { extensions: error.extensions });
  };
  return {
    onExecutionResult({ result, setResult }) {
      if (result === undefined) return;
      if (Symbol.asyncIterator in result) {
        setResult(boundedParts(result, maxBytes, refusal));
      } else if (jsonSize(result.data, maxBytes) > maxBytes) {
        setResult({ data: null, errors: [refusal()] });
      }
    },
  };
}

async function* boundedParts(parts: AsyncIterable<ExecutionResult>, maxBytes: number, refusal: () => GraphQLError) {
  let total = 0;
  for await (const part of parts) {
    // Its errors are the gateway's own few lines; the rest is what the tickets make it.
    total += jsonSize({ ...part, errors: undefined }, maxBytes - total);
    if (total > maxBytes) {
      yield { errors: [refusal()], hasNext: false };
      return;
    }
    yield part;
  }
}
