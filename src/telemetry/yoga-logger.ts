import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';

export interface YogaLoggerOptions {
  /**
   * Errors already logged, or judged the client's, where they were handled (`createMaskError`'s
   * `handled`): yoga's error-level report of one of them is dropped. Default: none dropped.
   */
  readonly skip?: Pick<WeakSet<object>, 'has'>;
}

/** Yoga's `logging`: its lines, as text, at their level in pino. */
export function createYogaLogger(logger: Logger, options: YogaLoggerOptions = {}): YogaLogger {
  const { skip } = options;
  const text = (args: unknown[]) => args.map(String).join(' ');
  return {
    debug: (...args) => logger.debug(text(args)),
    info: (...args) => logger.info(text(args)),
    warn: (...args) => logger.warn(text(args)),
    error: (...args) => {
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && skip?.has(args[0])) return;
      logger.error(text(args));
    },
  };
}
