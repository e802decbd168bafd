import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses `Query._service`: its SDL is the whole schema, so when introspection is off it is off
 * too. A router that composes this subgraph takes the SDL `npm run subgraph:sdl` prints for the
 * same configuration instead, or this gateway runs with INTROSPECTION=true behind the router.
 */
const NoSubgraphSdl: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '_service' || context.getParentType() !== context.getSchema().getQueryType()) return;
    context.reportError(
      new GraphQLError(
        'GraphQL introspection has been disabled, and with it the subgraph SDL (`_service`); `npm run ' +
          'subgraph:sdl` prints it for a router',
        { nodes: node },
      ),
    );
  },
});

/**
 * Introspection off: `__schema`, `__type` (yoga's own plugin, added through `onPluginInit`) and the
 * federation `_service` field are refused in validation.
 */
export function useIntrospectionOff(): Plugin<Record<string, unknown>> {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useDisableIntrospection());
    },
    onValidate({ addValidationRule }) {
      addValidationRule(NoSubgraphSdl);
    },
  };
}
