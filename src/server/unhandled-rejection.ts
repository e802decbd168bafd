import type { Logger } from 'pino';

/**
 * What main.ts does with a promise rejected while nobody awaits it (a load the executor left
 * behind when another part of the operation failed first): Node's default is to end the process,
 * taking every other request with it. It is logged at error, by kind and message only (a stack or
 * a cause could hold an upstream body), and the gateway goes on serving.
 */
export function onUnhandledRejection(logger: Logger): (reason: unknown) => void {
  return (reason) => {
    const failure = reason instanceof Error ? { type: reason.name, message: reason.message } : { type: typeof reason };
    logger.error({ failure }, 'a promise failed with nobody waiting for it; the gateway goes on');
  };
}
