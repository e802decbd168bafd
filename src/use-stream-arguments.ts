import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * `@stream(initialCount:)` below zero is the client's mistake, answered as BAD_USER_INPUT before
 * anything runs. The executor would throw a plain Error mid-execution instead: a masked
 * INTERNAL_SERVER_ERROR, logged as a fault of ours, with the list's loads left behind unawaited.
 * The value is read as the executor reads it: a literal, or a variable's coerced value.
 */
export function useStreamArguments(): Plugin {
  const streamed = new WeakMap<DocumentNode, boolean>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document } = args;
      let hasStream = streamed.get(document);
      if (hasStream === undefined) {
        hasStream = false;
        visit(document, {
          Directive(node) {
            if (node.name.value === 'stream') hasStream = true;
          },
        });
        streamed.set(document, hasStream);
      }
      if (!hasStream) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const errors: GraphQLError[] = [];
      visit(document, {
        Directive(node) {
          if (node.name.value !== 'stream') return;
          const argument = node.arguments?.find((arg) => arg.name.value === 'initialCount');
          const value = argument?.value;
          const count =
            value?.kind === Kind.INT ? Number(value.value) : value?.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
          if (typeof count === 'number' && count < 0) {
            errors.push(
              new GraphQLError(`@stream(initialCount:) must be 0 or more; got ${count}`, {
                nodes: node,
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            );
          }
        },
      });
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
