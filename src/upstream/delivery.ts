import { errors as undiciErrors } from 'undici';

/** Connection failures that happen before a byte of the request is written. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** A connection that closed under a call: the request may have reached the upstream. */
const CLOSED_MID_CALL_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** The failure came before a byte of the request was written: the upstream cannot have acted on it. */
export function neverSent(cause: unknown): boolean {
  return cause instanceof undiciErrors.ConnectTimeoutError || NEVER_SENT_CODES.has(codeOf(cause) ?? '');
}

/** The connection closed under the call: the request may have reached the upstream, its answer did not. */
export function closedMidCall(cause: unknown): boolean {
  return CLOSED_MID_CALL_CODES.has(codeOf(cause) ?? '');
}

function codeOf(cause: unknown): string | undefined {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
