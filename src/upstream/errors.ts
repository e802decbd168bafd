import { UpstreamFailedError, UpstreamInvalidResponseError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';

/** UPSTREAM_INVALID_RESPONSE for an answer whose headers or body are past our caps, not read. */
export class AnswerTooLargeError extends UpstreamInvalidResponseError {}

/** A call dropped, or a read ended, because the client of its request went away. */
export class ClientGoneError extends UpstreamFailedError {
  constructor(provider: ProviderName) {
    super(`${provider}: the client went away`, { provider, retryable: true });
  }
}
