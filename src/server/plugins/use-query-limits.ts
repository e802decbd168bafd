import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What useQueryLimits allows an operation, each checked before anything runs. */
export interface QueryLimits {
  /** The deepest selection, fields within fields. Default 8. */
  readonly maxDepth: number;
  /** The most aliases in one operation. Default 15. */
  readonly maxAliases: number;
  /** The highest cost, as GraphQL Armor counts it. Default 5000. */
  readonly maxCost: number;
  /** The most tokens in the document, counted while it is parsed. Default 2000. */
  readonly maxTokens: number;
  /** The most directives in one operation. Default 20. */
  readonly maxDirectives: number;
}

/**
 * The shape of an operation the gateway accepts, checked before anything runs (GraphQL Armor).
 * The values leave room for the README's and GraphiQL's queries, a federation `_entities`
 * query a level deeper, and a `tickets` query of 100 refs written inline; a test runs them.
 * - depth 8: the deepest useful path is `tickets.replies.author.name` (4).
 * - aliases 15: enough to read a few tickets side by side, too few to multiply the ref caps far.
 * - cost 5000, tokens 2000, directives 20.
 * Suggestions ("Did you mean …?") are withheld in production by useNoSuggestions, which covers
 * enum values and variables too; Armor's own block is off.
 */
export const QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 20,
};

/**
 * Armor's validation-time checks throw by default, which yoga answers with HTTP 200 and no code.
 * Reported to the validation context instead, a refusal is an ordinary validation error: HTTP
 * 400, `GRAPHQL_VALIDATION_FAILED`, nothing executed. (Armor words them "Syntax Error: …"; the
 * prefix is dropped, since the document parsed.) The token limit runs while parsing, where a
 * thrown error already is a 400 parse failure.
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/**
 * `limits` on every operation (default `QUERY_LIMITS`, what app.ts uses), as GraphQL Armor's
 * checks: its plugins (one a limit) are added through `onPluginInit`, right after this one, so the
 * app lists one plugin.
 */
export function useQueryLimits(limits: QueryLimits = QUERY_LIMITS): Plugin {
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, ...asValidationError },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, ...asValidationError },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true, ...asValidationError },
    maxTokens: { n: limits.maxTokens, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true, ...asValidationError },
    blockFieldSuggestion: { enabled: false },
  });
  // Armor types its plugins as envelop's, which take any context; yoga's addPlugin names its own.
  const plugins = armor.protect().plugins as Plugin[];
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin);
    },
  };
}
