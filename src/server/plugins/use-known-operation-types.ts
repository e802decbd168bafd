import { GraphQLError, type OperationTypeNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const WHY: Record<OperationTypeNode, string> = {
  query: '',
  mutation: ': no enabled provider can act on a ticket',
  subscription: '',
};

/**
 * An operation of a type the schema has no root for (a mutation on a gateway whose providers
 * cannot act, any subscription) is a validation error, `GRAPHQL_VALIDATION_FAILED`, before
 * anything runs. graphql-js 16 finds it only when executing, as an error with no code, which
 * yoga reports as the server's fault (graphql-js 17 adds this rule as `KnownOperationTypesRule`).
 */
const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This gateway answers no ${node.operation} operations${WHY[node.operation]}.`, { nodes: node }),
    );
  },
});

/** Refuses operations of a type the schema cannot run, by the rule above. */
export function useKnownOperationTypes(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationTypes);
    },
  };
}
