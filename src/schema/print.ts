import { graphqlSync, lexicographicSortSchema, printSchema } from 'graphql';
import { PROVIDERS_THAT_CAN_UPDATE } from '../providers/registry.js';
import { schemaFor } from './index.js';

/** The graph `npm start` serves on the sandbox, where every provider is enabled. */
const sandboxSchema = () => schemaFor(PROVIDERS_THAT_CAN_UPDATE);

/**
 * The text of `schema.graphql`, as `npm run schema:print` writes it and a test compares it: the
 * graph a client sees through introspection, and codegen's input.
 */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(sandboxSchema()))}\n`;
}

/**
 * The text of `subgraph.graphql`: the same graph as a federation router composes it (the
 * `_service.sdl` the sandbox serves, with `@link` and `@key`), for `rover subgraph publish` and
 * the like.
 */
export function printSubgraphFile(): string {
  const { data, errors } = graphqlSync({ schema: sandboxSchema(), source: '{ _service { sdl } }', contextValue: {} });
  const sdl = (data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service.sdl did not answer: ${errors?.map((error) => error.message).join('; ')}`);
  return `${sdl.trimEnd()}\n`;
}
