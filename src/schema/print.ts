import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.js';

/** The text of `schema.graphql`, as `npm run schema:print` writes it and a test compares it. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
