import type { UpstreamResponse } from '../../upstream/types.js';
import type { SweeppeaErrorBody } from './payload.js';

/**
 * Sweeppea's documented error messages, each with the HTTP status it is documented with
 * (docs/providers/sweeppea.md, Errors), matched case-blind on the part of the wording that names
 * the failure. In this order: "Invalid or Missing Bearer Token" is a bad key, not a missing field,
 * and "Invalid API Token" is the 403 that means a bad key.
 */
const DOCUMENTED_MESSAGES: readonly (readonly [RegExp, number])[] = [
  [/invalid\s+api\s+token/i, 403],
  [/bearer\s+token|missing\s+token|unauthori[sz]ed/i, 401],
  [/permission/i, 403],
  [/not\s+found/i, 404],
  [/closed\s+ticket|is\s+required|must\s+be\s+provided|^\s*missing\b/i, 400],
  [/internal\s+server\s+error/i, 500],
];

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/**
 * The status an error answer stands for. The HTTP status decides; when it claims success, the
 * body's `Code`; when there is none (`/tickets/update`'s errors carry none), the status its
 * message is documented with (docs/providers/sweeppea.md, Errors). NaN when nothing says.
 */
export function failureStatus(response: UpstreamResponse, body: SweeppeaErrorBody | undefined): number {
  if (!isSuccess(response.status)) return response.status;
  const code = Number(body?.Code);
  if (Number.isInteger(code) && code >= 100 && code <= 599) return code;
  const message = body?.Message ?? '';
  return DOCUMENTED_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? Number.NaN;
}
