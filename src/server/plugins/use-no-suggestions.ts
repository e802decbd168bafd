import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js's hint, whatever it suggests: `Did you mean "x"?`, `Did you mean the enum value "Y"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestion<T>(error: T): T {
  if (error instanceof GraphQLError) error.message = error.message.replace(SUGGESTION, '');
  return error;
}

/**
 * Drops graphql-js's "Did you mean …?" from every error, for production, where suggestions map
 * the schema for someone who may not be allowed to see it. Validation suggests fields, types,
 * arguments and enum values written in the document; variable coercion, which runs in the
 * execute phase, suggests enum values sent as variables. (GraphQL Armor's field-suggestion block
 * matches only the first form.)
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate:
      () =>
      ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map(withoutSuggestion));
      },
    onExecute: () => ({
      onExecuteDone({ result }) {
        if (!(Symbol.asyncIterator in result)) result.errors?.forEach(withoutSuggestion);
      },
    }),
  };
}
