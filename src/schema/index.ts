import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import type { ProviderName } from '../model.js';
import { builder } from './builder.js';
import './enums.js';
import './person.js';
import './attachment.js';
import './note.js';
import './reply.js';
import './node.js';
import './ticket.js';
import './provider-info.js';
import './update-ticket.js';

/** The whole graph, with `updateTicket` for every provider whose module can update. */
export const schema = builder.toSchema({ sortSchema: true });

/**
 * The graph a gateway serves, given its enabled providers that can update: `UpdatableProvider`
 * lists only those, and with none there is no Mutation type at all (nor the types only it used),
 * so introspection never offers what this gateway cannot do.
 */
export function schemaFor(updatable: readonly ProviderName[]): GraphQLSchema {
  const allowed = new Set(updatable.map((name) => name.toUpperCase()));
  const narrowed = mapSchema(schema, {
    ...(allowed.size === 0 && { [MapperKind.MUTATION]: () => null }),
    [MapperKind.ENUM_VALUE]: (value, typeName, _schema, externalValue) =>
      typeName === 'UpdatableProvider' && !allowed.has(externalValue) ? null : value,
  });
  return pruneSchema(narrowed);
}
