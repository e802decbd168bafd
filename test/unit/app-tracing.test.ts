import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { useTracing } from '../../src/server/plugins/use-tracing.js';
import { createTracing } from '../../src/telemetry/traces.js';

vi.mock('../../src/server/plugins/use-tracing.js', { spy: true });

afterEach(() => vi.clearAllMocks());

describe('createApp: tracing', () => {
  it('installs no tracing plugin without a tracer provider', async () => {
    await using _app = createApp(loadConfig({ SANDBOX: 'true' }));
    expect(useTracing).not.toHaveBeenCalled();
  });

  it('installs the tracing plugin once with one', async () => {
    const config = loadConfig({ SANDBOX: 'true', OTEL_TRACES_EXPORTER: 'otlp' });
    const processor = new SimpleSpanProcessor(new InMemorySpanExporter());
    const tracing = createTracing(config.traces!, { logger: pino({ level: 'silent' }), processor });
    await using _app = createApp(config, { tracing });
    expect(useTracing).toHaveBeenCalledTimes(1);
  });
});
