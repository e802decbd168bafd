import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROVIDERS_THAT_CAN_UPDATE } from '../providers/registry.js';
import { schemaFor } from './index.js';

/**
 * The text of `schema.graphql`, as `npm run schema:print` writes it and a test compares it: the
 * graph `npm start` serves on the sandbox, where every provider is enabled.
 */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schemaFor(PROVIDERS_THAT_CAN_UPDATE)))}\n`;
}
