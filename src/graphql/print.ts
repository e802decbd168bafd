import { graphqlSync, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { OfferedProviders } from '../domain/model.js';
import { PROVIDERS_THAT_CAN, PROVIDERS_THAT_CAN_BY_DEFAULT } from '../providers/catalog.js';
import { schemaFor } from './index.js';

/** The widest graph: every provider enabled, each with the API that can do most. */
const widestSchema = () => schemaFor(PROVIDERS_THAT_CAN);

/**
 * The text of `schema.graphql`, as `npm run schema:print` writes it and a test compares it: the
 * graph a client sees through introspection, and codegen's input.
 */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(widestSchema()))}\n`;
}

/** What `_service { sdl }` answers on that schema: the SDL a federation router composes. */
function subgraphSdlOf(schema: GraphQLSchema): string {
  const { data, errors } = graphqlSync({ schema, source: '{ _service { sdl } }', contextValue: {} });
  const sdl = (data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string')
    throw new Error(`_service.sdl did not answer: ${errors?.map((error) => error.message).join('; ')}`);
  return `${sdl.trimEnd()}\n`;
}

/**
 * The text of `subgraph.graphql`: the sandbox's SDL with `@link` and `@key`, for a registry or
 * `rover subgraph publish`. A gateway whose providers differ serves a different SDL
 * (`npm run subgraph:sdl` prints it from the environment).
 */
export function printSubgraphFile(): string {
  return subgraphSdlOf(schemaFor(PROVIDERS_THAT_CAN_BY_DEFAULT));
}

/** The SDL a gateway serves whose enabled providers can do these actions. */
export function printSubgraphFor(actions: OfferedProviders): string {
  return subgraphSdlOf(schemaFor(actions));
}
