import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, pointAtSandbox } from '../../src/config.js';

describe('loadConfig', () => {
  it('runs the sandbox with the documented defaults when no provider is configured', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      sandbox: true,
      gatewayApiKeys: [],
      shutdownTimeoutMs: 10_000,
    });
    expect(config.upstream).toEqual({
      timeoutMs: 10_000,
      queueTimeoutMs: 30_000,
      retries: 2,
      breaker: { failureThreshold: 5, coolDownMs: 30_000 },
      maxBytesPerRequest: 33_554_432,
    });
    expect(config.responseMaxBytes).toBe(67_108_864);
    expect(config.providers.sweeppea).toMatchObject({
      enabled: false,
      maxConcurrency: 1,
      baseUrl: 'https://api-v3.sweeppea.com',
    });
    expect(config.providers.hostup).toMatchObject({ timezone: 'Europe/Stockholm', maxConcurrency: 8 });
    expect(config.providers.keliweb).toMatchObject({ timezone: 'Europe/Rome', baseUrl: 'https://apiv2.keliweb.it' });
    expect(config.providers.kapture).toMatchObject({ timezone: 'Asia/Kolkata', maxBatch: 20, baseUrl: undefined });
  });

  it('reads HOSTUP_API as legacy or v2, legacy by default, and refuses any other API', () => {
    expect(loadConfig({}).providers.hostup.api).toBe('legacy');
    expect(loadConfig({ HOSTUP_API: ' V2 ' }).providers.hostup.api).toBe('v2');
    expect(loadConfig({}).providers.sweeppea.api).toBeUndefined();
    expect(() => loadConfig({ HOSTUP_API: 'v3' })).toThrow(new ConfigError('HOSTUP_API must be legacy or v2; got v3'));
  });

  it('reads the upstream bytes a request may pull in and the largest response it may get', () => {
    const config = loadConfig({ UPSTREAM_MAX_BYTES_PER_REQUEST: '1048576', RESPONSE_MAX_BYTES: '2097152' });
    expect(config.upstream.maxBytesPerRequest).toBe(1_048_576);
    expect(config.responseMaxBytes).toBe(2_097_152);
  });

  it('enables a provider by its key or by <PROVIDER>_ENABLED, and then runs no sandbox', () => {
    const config = loadConfig({ HOSTUP_API_KEY: 'k1', KELIWEB_ENABLED: 'true', GATEWAY_API_KEYS: 'a, b,,' });
    expect(config.sandbox).toBe(false);
    expect(config.providers.hostup).toMatchObject({ enabled: true, apiKey: 'k1' });
    expect(config.providers.keliweb).toMatchObject({ enabled: true, apiKey: undefined });
    expect(config.providers.sweeppea.enabled).toBe(false);
    expect(config.gatewayApiKeys).toEqual(['a', 'b']);
  });

  it('enables Keliweb by an OAuth login, kept when the sandbox is pointed at', () => {
    const login = { clientId: '7', clientSecret: 'secret', username: 'me@example.it', password: 'p4ss' };
    const config = loadConfig({
      KELIWEB_OAUTH_CLIENT_ID: login.clientId,
      KELIWEB_OAUTH_CLIENT_SECRET: login.clientSecret,
      KELIWEB_OAUTH_USERNAME: login.username,
      KELIWEB_OAUTH_PASSWORD: login.password,
    });
    expect(config.sandbox).toBe(false);
    expect(config.providers.keliweb).toMatchObject({ enabled: true, apiKey: undefined, login });
    const sandboxed = pointAtSandbox(config, {
      urls: {
        sweeppea: 'http://127.0.0.1:1',
        hostup: 'http://127.0.0.1:2',
        keliweb: 'http://127.0.0.1:3',
        kapture: 'http://127.0.0.1:4',
      },
      keys: { sweeppea: 's', hostup: 'h', keliweb: 'k', kapture: 'c' },
    });
    expect(sandboxed.providers.keliweb).toMatchObject({ login, apiKey: undefined, baseUrl: 'http://127.0.0.1:3' });
    expect(sandboxed.providers.hostup).toMatchObject({ apiKey: 'h' });
  });

  it('reads OAuth login variables only for providers that have a token endpoint', () => {
    expect(loadConfig({ HOSTUP_OAUTH_CLIENT_ID: '7' }).providers.hostup.login).toBeUndefined();
  });

  it.each([
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535; got 70000$/],
    [{ PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535; got eighty$/],
    [{ KELIWEB_TIMEZONE: 'Europe/Atlantis' }, /^KELIWEB_TIMEZONE must be an IANA time zone .*; got Europe\/Atlantis$/],
    [{ HOSTUP_BASE_URL: 'ftp://example.com' }, /^HOSTUP_BASE_URL must be an http:\/\/ or https:\/\/ URL; got ftp:/],
    [{ SANDBOX: 'yes' }, /^SANDBOX must be true or false \(or 1\/0\); got yes$/],
    [{ KAPTURE_MAX_BATCH: '0' }, /^KAPTURE_MAX_BATCH must be a whole number from 1 to 100; got 0$/],
    [{ SWEEPPEA_MAX_CONCURRENCY: '-1' }, /^SWEEPPEA_MAX_CONCURRENCY must be a whole number from 1 to 256; got -1$/],
    [{ UPSTREAM_TIMEOUT_MS: '5' }, /^UPSTREAM_TIMEOUT_MS must be a whole number from 100 to 600000; got 5$/],
    [{ UPSTREAM_TIMEOUT_MS: '-5' }, /^UPSTREAM_TIMEOUT_MS must be a whole number from 100 to 600000; got -5$/],
    [
      { UPSTREAM_QUEUE_TIMEOUT_MS: '1e9' },
      /^UPSTREAM_QUEUE_TIMEOUT_MS must be a whole number from 100 to 600000; got 1e9$/,
    ],
    [{ SHUTDOWN_TIMEOUT_MS: '700000' }, /^SHUTDOWN_TIMEOUT_MS must be a whole number from 0 to 600000; got 700000$/],
    [
      { UPSTREAM_MAX_BYTES_PER_REQUEST: '1000' },
      /^UPSTREAM_MAX_BYTES_PER_REQUEST must be a whole number from 65536 to /,
    ],
    [
      { UPSTREAM_MAX_BYTES_PER_REQUEST: '32MiB' },
      /^UPSTREAM_MAX_BYTES_PER_REQUEST must be a whole number .*; got 32MiB$/,
    ],
    [
      { RESPONSE_MAX_BYTES: '536870912' },
      /^RESPONSE_MAX_BYTES must be a whole number from 65536 to 268435456; got 536870912$/,
    ],
    [{ KAPTURE_API_KEY: 'abc' }, /^KAPTURE_BASE_URL is required when Kapture CRM is enabled$/],
    // A secret's refusal never shows it.
    [{ SWEEPPEA_API_KEY: 'has space' }, /^SWEEPPEA_API_KEY must be printable ASCII without spaces$/],
    [
      { SHARED_STATE_SECRET: 'short' },
      /^SHARED_STATE_SECRET must be at least 32 printable ASCII characters without spaces$/,
    ],
    // Set, but naming no key: read as "no keys" it would leave the gateway open.
    [
      { GATEWAY_API_KEYS: ',' },
      /^GATEWAY_API_KEYS must be a comma-separated list of keys, each printable ASCII without spaces$/,
    ],
    [
      { GATEWAY_API_KEYS: '' },
      /^GATEWAY_API_KEYS must be a comma-separated list of keys, each printable ASCII without spaces$/,
    ],
    [{ CORS_ORIGINS: 'https://*.example.com' }, /^CORS_ORIGINS must be a comma-separated list of origins/],
    [
      { GATEWAY_API_KEYS: ' , ,' },
      /^GATEWAY_API_KEYS must be a comma-separated list of keys, each printable ASCII without spaces$/,
    ],
    [
      { GATEWAY_API_KEYS: 'a,has space' },
      /^GATEWAY_API_KEYS must be a comma-separated list of keys, each printable ASCII without spaces$/,
    ],
    [
      { CORS_ORIGINS: '*' },
      /^CORS_ORIGINS must be a comma-separated list of origins such as https:\/\/app\.example\.com .*; got \*$/,
    ],
    [
      { CORS_ORIGINS: 'https://app.example.com,*' },
      /^CORS_ORIGINS must be a comma-separated list of origins .*; got \*$/,
    ],
    [
      { CORS_ORIGINS: 'https://app.example.com, https://app.example.com/path' },
      /^CORS_ORIGINS must be a comma-separated list of origins .*; got https:\/\/app\.example\.com\/path$/,
    ],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent; got verbose$/],
    [{ NODE_ENV: 'prod' }, /^NODE_ENV must be development, production or test; got prod$/],
    [{ GRAPHIQL: 'yes' }, /^GRAPHIQL must be true or false \(or 1\/0\); got yes$/],
    [
      { CORS_ORIGINS: 'app.example.com' },
      /^CORS_ORIGINS must be a comma-separated list of origins .*; got app\.example\.com$/,
    ],
    [{ CORS_ORIGINS: ',' }, /^CORS_ORIGINS must be a comma-separated list of origins/],
    [
      { KELIWEB_OAUTH_CLIENT_ID: '7', KELIWEB_OAUTH_CLIENT_SECRET: 's', KELIWEB_OAUTH_USERNAME: 'u' },
      /^KELIWEB_OAUTH_PASSWORD is required with KELIWEB_OAUTH_CLIENT_ID: the OAuth login needs all four$/,
    ],
    [
      {
        KELIWEB_API_KEY: 'k',
        KELIWEB_OAUTH_CLIENT_ID: '7',
        KELIWEB_OAUTH_CLIENT_SECRET: 's',
        KELIWEB_OAUTH_USERNAME: 'u',
        KELIWEB_OAUTH_PASSWORD: 'p',
      },
      /^KELIWEB_API_KEY and KELIWEB_OAUTH_CLIENT_ID both set/,
    ],
    [
      { TRUSTED_DOCUMENTS: 'missing.json' },
      /^TRUSTED_DOCUMENTS must be a JSON file of id to GraphQL document \(as codegen writes persisted-documents\.json\); got missing\.json: no such file$/,
    ],
    [{ TRUSTED_DOCUMENTS: '' }, /^TRUSTED_DOCUMENTS must be a JSON file .*; got "": an empty path$/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('reads the trusted documents TRUSTED_DOCUMENTS names at start; without it, none', () => {
    expect(loadConfig({}).trustedDocuments).toBeUndefined();
    const documents = loadConfig({
      TRUSTED_DOCUMENTS: 'test/operations/generated/persisted-documents.json',
    }).trustedDocuments;
    expect(documents?.size).toBe(5);
  });

  it('reads CORS_ORIGINS as a list of origins, none by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('sets the server timeouts a load balancer expects, each from its variable', () => {
    expect(loadConfig({}).server).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000 });
    expect(
      loadConfig({
        SERVER_HEADERS_TIMEOUT_MS: '5000',
        SERVER_REQUEST_TIMEOUT_MS: '20000',
        SERVER_KEEPALIVE_TIMEOUT_MS: '120000',
      }).server,
    ).toEqual({ headersMs: 5_000, requestMs: 20_000, keepAliveMs: 120_000 });
  });

  it('keeps the default headers timeout within a shorter request timeout, as Node requires', () => {
    expect(loadConfig({ SERVER_REQUEST_TIMEOUT_MS: '1000' }).server).toEqual({
      headersMs: 1_000,
      requestMs: 1_000,
      keepAliveMs: 65_000,
    });
  });

  it.each([
    [
      { SERVER_REQUEST_TIMEOUT_MS: '0' },
      /^SERVER_REQUEST_TIMEOUT_MS must be a whole number from 1000 to 600000; got 0$/,
    ],
    [
      { SERVER_KEEPALIVE_TIMEOUT_MS: '700000' },
      /^SERVER_KEEPALIVE_TIMEOUT_MS must be a whole number from 1000 to 600000; got 700000$/,
    ],
    [
      { SERVER_HEADERS_TIMEOUT_MS: '40000' },
      /^SERVER_HEADERS_TIMEOUT_MS must be at most SERVER_REQUEST_TIMEOUT_MS \(30000\)$/,
    ],
  ])('refuses the server timeouts %j with one line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('runs as development with NODE_ENV unset, as npm start does, and as vitest sets it (test)', () => {
    expect(loadConfig({}).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ production: false, graphiql: true, sandbox: true });
  });

  describe('in production (NODE_ENV=production)', () => {
    it('refuses to start with no provider configured, in one line, rather than serve made-up tickets', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
        /^no provider is configured: give one its credentials \(e\.g\. KAPTURE_API_KEY\), or set SANDBOX=true$/,
      );
      expect(() => loadConfig({ NODE_ENV: 'production', SANDBOX: 'false' })).toThrow(/^no provider is configured/);
    });

    it('reads NODE_ENV in any case: Production is production', () => {
      expect(() => loadConfig({ NODE_ENV: 'Production' })).toThrow(/^no provider is configured/);
      expect(loadConfig({ NODE_ENV: 'PRODUCTION', SANDBOX: 'true' })).toMatchObject({
        production: true,
        graphiql: false,
        introspection: false,
      });
    });

    it('runs the sandbox only when SANDBOX=true is set', () => {
      expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'true' }).sandbox).toBe(true);
    });

    it('runs no sandbox with a provider configured', () => {
      const config = loadConfig({ NODE_ENV: 'production', HOSTUP_API_KEY: 'k1' });
      expect(config.sandbox).toBe(false);
      expect(config.providers.hostup).toMatchObject({ enabled: true, apiKey: 'k1' });
    });
  });

  it('points every provider at the sandbox, enabling each with the sandbox key', () => {
    const urls = {
      sweeppea: 'http://127.0.0.1:1',
      hostup: 'http://127.0.0.1:2',
      keliweb: 'http://127.0.0.1:3',
      kapture: 'http://127.0.0.1:4',
    };
    const keys = { sweeppea: 's', hostup: 'h', keliweb: 'k', kapture: 'c' };
    const config = pointAtSandbox(loadConfig({}), { urls, keys });
    expect(config.providers.kapture).toMatchObject({ enabled: true, baseUrl: urls.kapture, apiKey: 'c', maxBatch: 20 });
    expect(config.providers.sweeppea).toMatchObject({ enabled: true, baseUrl: urls.sweeppea, maxConcurrency: 1 });
  });
});
