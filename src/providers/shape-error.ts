import { UpstreamInvalidResponseError } from '../errors.js';
import type { ProviderName } from '../model.js';

/** What zod reports of a payload that failed its schema; only the first issue's path is shown. */
interface SchemaFailure {
  readonly issues: readonly { readonly path: readonly PropertyKey[] }[];
}

/**
 * A payload that failed its schema, as UPSTREAM_INVALID_RESPONSE naming where the shape broke
 * (`at Data.Notes.0.CreatedAt`) but nothing of the upstream's values.
 */
export function shapeError(
  what: string,
  failure: SchemaFailure | undefined,
  details: { readonly provider: ProviderName; readonly upstreamStatus: number },
  whereUnknown = 'the top level',
): UpstreamInvalidResponseError {
  const at = failure?.issues[0]?.path.map(String).join('.') || whereUnknown;
  return new UpstreamInvalidResponseError(`${what} with an unexpected shape (at ${at})`, { ...details, cause: failure });
}
