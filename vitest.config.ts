import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships both index.js (CommonJS) and index.mjs. Node loads the
    // CommonJS one for Pothos and graphql-yoga, while Vite would pick the .mjs
    // for our own files: two copies of graphql, and "Cannot use GraphQLObjectType
    // from another module or realm". Point ours at the one Node loads.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    projects: [
      // The README's own checks (test/docs/) are as quick as unit tests, and run with them.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/docs/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 20_000 },
      },
    ],
  },
});
