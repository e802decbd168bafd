import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { useTracing } from '../../src/server/plugins/use-tracing.js';
import { createTracing } from '../../src/telemetry/traces.js';

vi.mock('../../src/server/plugins/use-tracing.js', { spy: true });
vi.mock('../../src/telemetry/traces.js', { spy: true });

afterEach(() => vi.clearAllMocks());

describe('createApp: tracing', () => {
  it('builds no tracer provider and installs no plugin when the configuration leaves tracing off', async () => {
    await using _app = createApp(loadConfig({ SANDBOX: 'true' }), {
      spanProcessor: new SimpleSpanProcessor(new InMemorySpanExporter()),
    });
    expect(createTracing).not.toHaveBeenCalled();
    expect(useTracing).not.toHaveBeenCalled();
  });

  it('builds one tracer provider and installs its plugin when the OTEL_* variables turn tracing on', async () => {
    await using _app = createApp(loadConfig({ SANDBOX: 'true', OTEL_TRACES_EXPORTER: 'otlp' }), {
      spanProcessor: new SimpleSpanProcessor(new InMemorySpanExporter()),
    });
    expect(createTracing).toHaveBeenCalledTimes(1);
    expect(useTracing).toHaveBeenCalledTimes(1);
  });
});
