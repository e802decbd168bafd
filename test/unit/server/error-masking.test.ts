import { GraphQLError } from 'graphql';
import { pino, type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig, pointAtSandbox } from '../../../src/config.js';
import { NotFoundError, UpstreamInvalidResponseError, UpstreamTimeoutError } from '../../../src/domain/errors.js';
import { createMaskError } from '../../../src/server/error-masking.js';
import { createYogaLogger } from '../../../src/telemetry/yoga-logger.js';

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** The masking and yoga's logger as the app wires them: yoga's report of an error handled here is dropped. */
function maskingAndLogging(logger: Logger) {
  const handled = new WeakSet<object>();
  return { maskError: createMaskError(logger, { handled }), logging: createYogaLogger(logger, { skip: handled }) };
}

describe('createMaskError', () => {
  it('turns a gateway error into its code and details, logged at debug without the query', () => {
    const { logger, lines } = capturingLogger();
    const { maskError, logging } = maskingAndLogging(logger);
    const error = new GraphQLError('wrapped', {
      path: ['ticket'],
      originalError: new NotFoundError('No HostUp ticket 7', { provider: 'hostup' }),
    });
    const masked = maskError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('No HostUp ticket 7');
    expect(masked.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'hostup' });
    expect(masked.path).toEqual(['ticket']);
    logging.error(error); // yoga's own report of a masked error
    expect(lines).toEqual([
      expect.objectContaining({
        level: 20,
        code: 'NOT_FOUND',
        provider: 'hostup',
        path: ['ticket'],
        msg: 'No HostUp ticket 7',
      }),
    ]);
  });

  it('masks an unexpected error and logs it once, by name and message, without its stack', () => {
    const { logger, lines } = capturingLogger();
    const { maskError, logging } = maskingAndLogging(logger);
    const error = new GraphQLError('boom', {
      path: ['tickets', 3],
      originalError: new TypeError("Cannot read properties of undefined (reading 'x')"),
    });
    const masked = maskError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).not.toHaveProperty('code', 'NOT_FOUND');
    logging.error(error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, failure: { type: 'TypeError' }, path: ['tickets', 3] });
    expect(JSON.stringify(lines[0])).not.toMatch(/\bat \S+:\d+/);
  });
});

describe("the app's error log", () => {
  it('writes no error-level line and no query text for an expected error', async () => {
    const { logger, lines } = capturingLogger();
    const urls = {
      sweeppea: 'http://127.0.0.1:1',
      hostup: 'http://127.0.0.1:1',
      keliweb: 'http://127.0.0.1:1',
      kapture: 'http://127.0.0.1:1',
    };
    const config = pointAtSandbox(loadConfig({ SANDBOX: 'true' }), {
      urls,
      keys: { sweeppea: 's', hostup: 'h', keliweb: 'k', kapture: 'c' },
    });
    const app = createApp(config, { logger });
    try {
      const response = await app.yoga.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ticket(provider: HOSTUP, number: "not-a-number") { id } }' }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    } finally {
      await app.close();
    }
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    expect(lines.some((line) => line.code === 'BAD_USER_INPUT' && line.provider === 'hostup')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('not-a-number');
  });

  it('logs an upstream failure at warn, and a fault of ours wrapped as an invalid response at error', () => {
    const { logger, lines } = capturingLogger();
    const maskError = createMaskError(logger);
    const wrap = (original: Error) =>
      maskError(new GraphQLError('x', { path: ['ticket'], originalError: original }), 'Unexpected error.');
    wrap(new UpstreamTimeoutError('HostUp did not answer', { provider: 'hostup' }));
    wrap(
      new UpstreamInvalidResponseError('could not be read (TypeError)', {
        provider: 'kapture',
        cause: new TypeError("reading 'x'"),
      }),
    );
    wrap(
      new UpstreamInvalidResponseError('not JSON', {
        provider: 'kapture',
        cause: new SyntaxError('Unexpected token <, "<html>secret" is not valid JSON'),
      }),
    );
    expect(lines.map((line) => [line.level, line.code])).toEqual([
      [40, 'UPSTREAM_TIMEOUT'],
      [50, 'UPSTREAM_INVALID_RESPONSE'],
      [40, 'UPSTREAM_INVALID_RESPONSE'],
    ]);
    expect(lines[1]).toMatchObject({ failure: { type: 'TypeError', message: "reading 'x'" } });
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
