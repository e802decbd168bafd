import type { Logger } from 'pino';
import type { UpstreamObserver } from '../upstream/types.js';

/** Each upstream try at debug, under the id of the request it was made for; never its headers or body. */
export function upstreamCallLog(logger: Logger): UpstreamObserver {
  return {
    attempted({ requestId, provider, method, path, status, outcome, seconds }) {
      logger.debug(
        { requestId, provider, method, path, status, outcome, durationMs: Math.round(seconds * 10_000) / 10 },
        'upstream call',
      );
    },
    refused(refusal) {
      logger.debug(refusal, 'upstream call not sent');
    },
  };
}
