import {
  GraphQLError,
  getDirectiveValues,
  getOperationAST,
  getVariableValues,
  visit,
  type DocumentNode,
  type FieldNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * `@stream(initialCount:)` below zero, or null, is the client's mistake, answered as
 * BAD_USER_INPUT before anything runs. The executor would throw a plain Error mid-execution
 * instead: a masked INTERNAL_SERVER_ERROR, logged as a fault of ours, with the list's loads left
 * behind unawaited. The value is read as the executor reads it: the argument coerced with the
 * operation's variables, their defaults included.
 */
export function useStreamArguments(): Plugin {
  // The fields a document streams, found once per document (yoga caches parsed documents).
  const streamedFields = new WeakMap<DocumentNode, readonly FieldNode[]>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document, schema } = args;
      let fields = streamedFields.get(document);
      if (!fields) {
        const found: FieldNode[] = [];
        visit(document, {
          Field(node) {
            if (node.directives?.some((used) => used.name.value === 'stream')) found.push(node);
          },
        });
        fields = found;
        streamedFields.set(document, fields);
      }
      const directive = schema.getDirective('stream');
      const operation = fields.length > 0 && directive ? getOperationAST(document, args.operationName) : null;
      if (!directive || !operation) return;
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
      // Variables the schema refuses are the executor's to report, as it does for any operation.
      if (variables.errors) return;
      const errors = fields.flatMap((node) => {
        const { initialCount } = getDirectiveValues(directive, node, variables.coerced) ?? {};
        if (typeof initialCount === 'number' && initialCount >= 0) return [];
        const message = `@stream(initialCount:) must be a whole number 0 or more; got ${String(initialCount)}`;
        return [new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } })];
      });
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
