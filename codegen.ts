import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * From the committed schema.graphql, for the operations a frontend makes (test/operations/*.graphql):
 * typed documents, the trusted-document list (`persisted-documents.json`, hash to document, for
 * TRUSTED_DOCUMENTS) and Apollo Client's `possibleTypes`. `npm run codegen`; CI fails when the
 * output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'test/operations/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
    // The unions and interfaces, for InMemoryCache({ possibleTypes }): without it Apollo Client
    // cannot tell that an UpstreamError is an Error, and drops `... on Error { message }`.
    'test/operations/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, deterministic: true },
    },
  },
  ignoreNoDocuments: false,
  // ESM with NodeNext resolution: relative imports carry their .js extension.
  emitLegacyCommonJSImports: false,
};

export default config;
