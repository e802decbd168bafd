import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Where credentials could sit in a logged object: request headers (the gateway key, each
 * provider's key header, cookies), and any field named like a secret. Pino replaces them with
 * `[redacted]` wherever a log line carries them, so a later `logger.info({ headers })` cannot leak.
 */
export const REDACTED_PATHS = [
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-sweeppea-api-key"]',
  '*.headers["x-hostup-api-key"]',
  '*.headers["x-keliweb-api-key"]',
  '*.headers["x-kapture-api-key"]',
  '*.apiKey',
  '*.password',
  '*.clientSecret',
  '*.access_token',
  '*.refresh_token',
];

export function createLogger(options: { readonly level: string; readonly pretty?: boolean }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(options.pretty && { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }),
    },
    ...(destination ? [destination] : []),
  );
}
