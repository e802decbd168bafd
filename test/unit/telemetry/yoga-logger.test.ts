import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createYogaLogger } from '../../../src/telemetry/yoga-logger.js';

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createYogaLogger', () => {
  it("writes yoga's lines at their own level, as text", () => {
    const { logger, lines } = capturingLogger();
    const logging = createYogaLogger(logger);
    logging.debug('Processing GraphQL Parameters');
    logging.info('listening', 4000);
    logging.warn('slow');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [20, 'Processing GraphQL Parameters'],
      [30, 'listening 4000'],
      [40, 'slow'],
    ]);
  });

  it("still logs yoga's own error reports that did not pass through it", () => {
    const { logger, lines } = capturingLogger();
    createYogaLogger(logger, { skip: new WeakSet() }).error('listener failed');
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'listener failed' })]);
  });

  it('drops its report of an error handled already, and keeps the rest', () => {
    const { logger, lines } = capturingLogger();
    const handled = new Error('handled');
    const logging = createYogaLogger(logger, { skip: new WeakSet([handled]) });
    logging.error(handled);
    logging.error(new Error('not handled'));
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'Error: not handled' })]);
  });
});
