import { pino, type DestinationStream, type Logger } from 'pino';
import sonicBoom from 'sonic-boom';

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
  '*.secret',
  '*.password',
  '*.clientSecret',
  '*.access_token',
  '*.refresh_token',
];

export function createLogger(
  options: { readonly level: string; readonly pretty?: boolean },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(options.pretty && { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }),
    },
    ...(destination ? [destination] : []),
  );
}

/** Log text held in memory at most while the destination is slow; lines past it are dropped. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/** Where log lines go: a file descriptor written without ever blocking the gateway. */
export interface LogOutput extends DestinationStream {
  /**
   * Resolves once every line written so far has been handed to the destination, or after
   * `timeoutMs`, or at once when the destination is broken. No line is written afterwards.
   */
  end(timeoutMs: number): Promise<void>;
}

/**
 * Log lines for `fd` (stdout by default), written asynchronously: a slow reader makes them wait in
 * memory, up to MAX_PENDING_BYTES, and then be dropped; a failed destination (a closed pipe: a
 * dead log shipper) takes no more. Either is told once through `report`, and the gateway goes on.
 * Unlike pino's own stdout destination, nothing is written synchronously at exit, where a full or
 * closed pipe would keep the process from ever exiting.
 */
export function logOutput(report: (problem: string) => void, fd = 1): LogOutput {
  const stream = new sonicBoom.SonicBoom({ fd, sync: false, maxLength: MAX_PENDING_BYTES });
  let broken = false;
  let ended = false;
  let dropping = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    report(`the log destination failed (${error.code ?? error.message}): no more log lines are written`);
  });
  stream.on('drop', () => {
    if (dropping) return;
    dropping = true;
    report('the log destination is not keeping up: log lines are dropped while it is behind');
  });
  return {
    write(line: string) {
      if (!broken && !ended) stream.write(line);
    },
    end(timeoutMs) {
      if (broken || ended) return Promise.resolve();
      ended = true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          report('the log destination did not take the last log lines in time: they are lost');
          resolve();
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        stream.once('close', done);
        stream.once('error', done);
        stream.end();
      });
    },
  };
}
