import { UpstreamInvalidResponseError } from '../../domain/errors.js';
import type { ProviderName } from '../../domain/model.js';

/** What zod reports of a payload that failed its shape; only the first issue is shown. */
interface ShapeFailure {
  readonly issues: readonly {
    readonly code: string;
    readonly path: readonly PropertyKey[];
    readonly message: string;
  }[];
}

/**
 * A payload that failed its shape, as UPSTREAM_INVALID_RESPONSE naming where the shape broke
 * (`at Data.Notes.0.CreatedAt`) but nothing of the upstream's values. A failure of the whole
 * payload from our own rules (a `custom` issue without a path: a refine, the depth bound) is
 * named by its message, which is the gateway's own words.
 */
export function shapeError(
  what: string,
  failure: ShapeFailure | undefined,
  details: { readonly provider: ProviderName; readonly upstreamStatus: number },
  whereUnknown = 'the top level',
): UpstreamInvalidResponseError {
  const issue = failure?.issues[0];
  const at = issue?.path.map(String).join('.');
  const where = at ? `at ${at}` : issue?.code === 'custom' ? issue.message : `at ${whereUnknown}`;
  return new UpstreamInvalidResponseError(`${what} with an unexpected shape (${where})`, {
    ...details,
    cause: failure,
  });
}
