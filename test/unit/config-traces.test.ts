import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The OTEL_* variables: when tracing is on, where it exports, and the one line a bad value gets. */
const traces = (env: Record<string, string>) => loadConfig(env).traces;

describe('loadConfig: traces', () => {
  it('leaves tracing off when no OTEL_* variable asks for it', () => {
    expect(traces({})).toBeUndefined();
    expect(traces({ OTEL_SERVICE_NAME: 'gateway', OTEL_TRACES_SAMPLER: 'always_on' })).toBeUndefined();
  });

  it('turns tracing on for an OTLP endpoint, with the specification defaults', () => {
    expect(traces({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      serviceName: 'ticket-graph',
      resourceAttributes: {},
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      protocol: 'http/protobuf',
      url: 'http://collector:4318/v1/traces',
      headers: {},
    });
  });

  it('uses the traces endpoint as it is, and the default one for OTEL_TRACES_EXPORTER=otlp alone', () => {
    expect(traces({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/in/traces/' })?.url).toBe(
      'https://otlp.example.com/in/traces/',
    );
    expect(
      traces({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/t' })
        ?.url,
    ).toBe('http://b:4318/t');
    expect(traces({ OTEL_TRACES_EXPORTER: 'OTLP' })?.url).toBe('http://localhost:4318/v1/traces');
  });

  it.each<Record<string, string>>([
    { OTEL_SDK_DISABLED: 'true' },
    { OTEL_SDK_DISABLED: 'TRUE' },
    { OTEL_TRACES_EXPORTER: 'none' },
  ])('leaves tracing off with an endpoint and %o', (off) => {
    expect(traces({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...off })).toBeUndefined();
  });

  it('reads the service, resource, sampler, protocol and headers, the traces ones over the general ones', () => {
    expect(
      traces({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod, service.name=from-resource',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b%2Cc,x-tenant=1',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=2',
      }),
    ).toEqual({
      serviceName: 'from-resource',
      resourceAttributes: { 'deployment.environment': 'prod', 'service.name': 'from-resource' },
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
      protocol: 'http/json',
      url: 'http://localhost:4318/v1/traces',
      headers: { 'api-key': 'a b,c', 'x-tenant': '2' },
    });
    expect(
      traces({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SERVICE_NAME: 'gw', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x' })
        ?.serviceName,
    ).toBe('gw');
  });

  it.each([
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', 'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json; got grpc'],
    ['OTEL_TRACES_EXPORTER', 'zipkin', 'OTEL_TRACES_EXPORTER must be otlp or none; got zipkin'],
    ['OTEL_SDK_DISABLED', 'yes', 'OTEL_SDK_DISABLED must be true or false; got yes'],
    [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'collector:4318',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL; got collector:4318',
    ],
    ['OTEL_TRACES_SAMPLER_ARG', '1.5', 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1; got 1.5'],
    [
      'OTEL_TRACES_SAMPLER',
      'xray',
      'OTEL_TRACES_SAMPLER must be always_on, always_off, traceidratio, parentbased_always_on, ' +
        'parentbased_always_off or parentbased_traceidratio; got xray',
    ],
    [
      'OTEL_RESOURCE_ATTRIBUTES',
      'team=a,region',
      'OTEL_RESOURCE_ATTRIBUTES must be comma-separated key=value attributes, each value percent-encoded; got region',
    ],
  ])('refuses %s=%s in one line', (name, value, line) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(line));
  });

  it.each(['api-key', 'api-key=%zz', 'bad name=1', 'x=a%0Ab'])(
    'refuses OTEL_EXPORTER_OTLP_HEADERS=%s without showing it: headers hold keys',
    (value) => {
      expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: value })).toThrow(
        new ConfigError(
          'OTEL_EXPORTER_OTLP_HEADERS must be comma-separated name=value headers, each value percent-encoded',
        ),
      );
    },
  );
});
