import { printSubgraphSchema } from '@apollo/subgraph';
import {
  GraphQLDeferDirective,
  GraphQLStreamDirective,
  MapperKind,
  mapSchema,
  pruneSchema,
} from '@graphql-tools/utils';
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLScalarType,
  GraphQLUnionType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
} from 'graphql';
import type { Context } from '../loading/context.js';
import { BadUserInputError } from '../domain/errors.js';
import {
  OFFERED_CAPABILITIES,
  type OfferedCapability,
  type OfferedProviders,
  TICKET_ACTIONS,
} from '../domain/model.js';
import { builder } from './builder.js';
import './enums.js';
import './person.js';
import './attachment.js';
import './note.js';
import './reply.js';
import './node.js';
import './ticket.js';
import './provider-info.js';
import './action-result.js';
import './update-ticket.js';
import './reply-to-ticket.js';
import './close-ticket.js';
import './reopen-ticket.js';
import './ticket-list.js';
import './entity.js';

/**
 * The whole graph as an Apollo Federation v2 subgraph (`_service`, `_entities`), with
 * `updateTicket` for every provider whose module can update. Never served as is: `schemaFor`
 * narrows it to a configuration and answers `_service` with that configuration's SDL.
 */
const schema = builder.toSubGraphSchema({ sortSchema: true });

/** Each capability's provider enum: a configuration keeps in it only the enabled providers that can. */
const CAPABILITY_ENUMS: Readonly<Record<string, OfferedCapability>> = {
  UpdatableProvider: 'updateTicket',
  ReplyableProvider: 'replyToTicket',
  ClosableProvider: 'closeTicket',
  ReopenableProvider: 'reopenTicket',
  ListableProvider: 'listTickets',
};

/**
 * Most representations one request may send, over all its `_entities` fields (aliases included).
 * A router sends each entity once per fetch and a request reads at most 200 distinct tickets, so
 * more is not a router's batch, and each would cost an error in the answer.
 */
export const MAX_REPRESENTATIONS = 1000;

/** Descriptions for what @apollo/subgraph adds undescribed, since GraphiQL is how people learn the graph. */
const FEDERATION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  _Any: 'A representation of an entity, as a federation router sends it: `__typename` and a key.',
  _Entity: 'Every type a federation router can resolve by key.',
  _Service: 'This subgraph, as a federation router sees it.',
  _entities:
    'Entities by key, for a federation router: each `Ticket` representation is resolved through the ' +
    "request's batched loaders.",
  '_entities.representations':
    'The entities wanted, e.g. `{ __typename: "Ticket", id }` or `{ __typename: "Ticket", provider, number }`.',
  _service: 'The subgraph SDL a federation router composes.',
};

/**
 * The graph a gateway serves, given for each action and for the list the enabled providers that
 * can: `UpdatableProvider`, …, `ListableProvider` list only those; an action none can do has no
 * mutation, with no action there is no Mutation type at all, and with no provider that can list
 * there is no `ticketList` (nor the types only they used), so introspection never offers what
 * this gateway cannot do. `_service.sdl` is printed from the
 * narrowed schema, so a router composes exactly what is served. `@defer` and `@stream` are
 * declared here, where introspection, schema.graphql and codegen see them, but not in the SDL: a
 * router offers incremental delivery itself.
 */
export function schemaFor(actions: OfferedProviders): GraphQLSchema {
  const allowed = (action: OfferedCapability) => new Set(actions[action].map((name) => name.toUpperCase()));
  const offered = new Map(OFFERED_CAPABILITIES.map((action) => [action as string, allowed(action)]));
  const byEnum = new Map(Object.entries(CAPABILITY_ENUMS).map(([name, action]) => [name, offered.get(action)!]));
  const anyOffered = TICKET_ACTIONS.some((action) => offered.get(action)!.size > 0);
  const narrowed = pruneSchema(
    mapSchema(schema, {
      ...(!anyOffered && { [MapperKind.MUTATION]: () => null }),
      [MapperKind.MUTATION_ROOT_FIELD]: (field, fieldName) => (offered.get(fieldName)?.size === 0 ? null : field),
      [MapperKind.TYPE]: (type) => describe(type),
      [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) =>
        fieldName === 'ticketList' && offered.get('listTickets')!.size === 0 ? null : describeField(field, fieldName),
      [MapperKind.ENUM_VALUE]: (value, typeName, _schema, externalValue) =>
        byEnum.get(typeName)?.has(externalValue) === false ? null : value,
    }),
  );
  const sdl = printSubgraphSchema(narrowed);
  const served = mapSchema(narrowed, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => {
      if (fieldName === '_service') return { ...field, resolve: () => ({ sdl }) };
      if (fieldName === '_entities' && field.resolve) return { ...field, resolve: guardEntities(field.resolve) };
      return field;
    },
  });
  const config = served.toConfig();
  return new GraphQLSchema({
    ...config,
    directives: [...config.directives, GraphQLDeferDirective, GraphQLStreamDirective],
  });
}

function describe(type: GraphQLNamedType): GraphQLNamedType {
  const description = FEDERATION_DESCRIPTIONS[type.name];
  if (!description || type.description) return type;
  if (isScalarType(type)) return new GraphQLScalarType({ ...type.toConfig(), description });
  if (isUnionType(type)) return new GraphQLUnionType({ ...type.toConfig(), description });
  if (isObjectType(type)) return new GraphQLObjectType({ ...type.toConfig(), description });
  return type;
}

function describeField(
  field: GraphQLFieldConfig<unknown, unknown>,
  fieldName: string,
): GraphQLFieldConfig<unknown, unknown> {
  const description = FEDERATION_DESCRIPTIONS[fieldName];
  if (!description || field.description) return field;
  const args = Object.fromEntries(
    Object.entries(field.args ?? {}).map(([name, arg]) => [
      name,
      { ...arg, description: arg.description ?? FEDERATION_DESCRIPTIONS[`${fieldName}.${name}`] },
    ]),
  );
  return { ...field, description, args };
}

function isRepresentationOf(entityTypes: ReadonlySet<string>, value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { __typename } = value as Record<string, unknown>;
  return typeof __typename === 'string' && entityTypes.has(__typename);
}

/**
 * `_entities` as @apollo/subgraph resolves it, except that a representation of no entity type
 * (not an object, no or an unknown `__typename`) fails alone with BAD_USER_INPUT, where the
 * library would fail the whole list with an internal error.
 */
function guardEntities(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  const sent = new WeakMap<Context, number>();
  return (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    const total = (sent.get(context) ?? 0) + representations.length;
    if (total > MAX_REPRESENTATIONS) {
      throw new BadUserInputError(
        `A request takes at most ${MAX_REPRESENTATIONS} entity representations in all; this one sent ${total}`,
      );
    }
    sent.set(context, total);
    const union = info.schema.getType('_Entity');
    const entityTypes = new Set(isUnionType(union) ? union.getTypes().map((type) => type.name) : []);
    const isEntity = representations.map((value) => isRepresentationOf(entityTypes, value));
    const known = representations.filter((_, index) => isEntity[index]);
    const resolved = resolve(source, { ...args, representations: known }, context, info) as unknown[];
    let next = 0;
    return isEntity.map((entity) =>
      entity
        ? resolved[next++]
        : new BadUserInputError('A representation must be an object whose `__typename` names an entity type (Ticket)'),
    );
  };
}
