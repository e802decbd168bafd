import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations a frontend makes (test/operations/*.graphql), from the
 * committed schema.graphql: `npm run codegen`. CI fails when the output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'test/operations/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
  },
  ignoreNoDocuments: false,
  // ESM with NodeNext resolution: relative imports carry their .js extension.
  emitLegacyCommonJSImports: false,
};

export default config;
