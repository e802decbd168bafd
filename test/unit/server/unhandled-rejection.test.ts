import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/domain/errors.js';
import { onUnhandledRejection } from '../../../src/server/unhandled-rejection.js';

describe('onUnhandledRejection', () => {
  it('logs the failure by kind and message only, at error, and does not throw', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const listener = onUnhandledRejection(logger);
    const cause = new Error('upstream body: {"secret":"s3cr3t"}');
    expect(() => listener(new NotFoundError('HostUp has no ticket 1', { provider: 'hostup', cause }))).not.toThrow();
    expect(() => listener('a string')).not.toThrow();
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, failure: { type: 'NotFoundError', message: 'HostUp has no ticket 1' } }),
      expect.objectContaining({ level: 50, failure: { type: 'string' } }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('s3cr3t');
  });
});
