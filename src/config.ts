import { z } from 'zod';
import { PROVIDER_NAMES, type ProviderName } from './domain/model.js';
import { isKnownZone } from './domain/dates.js';
import { PROVIDER_CATALOG } from './providers/catalog.js';
import { readTrustedDocuments, type TrustedDocuments } from './server/trusted-documents.js';

/** An OAuth 2.0 password-grant login (RFC 6749 §4.3): the OAuth client and the account. */
export interface PasswordLogin {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
}

/** A provider's settings once configuration is read. */
export interface ProviderSettings {
  readonly enabled: boolean;
  /** The server-side credential; a request may bring its own instead. */
  readonly apiKey: string | undefined;
  /** Instead of `apiKey`, for providers with `oauthTokenPath`: a login the gateway gets tokens with. */
  readonly login: PasswordLogin | undefined;
  readonly baseUrl: string | undefined;
  readonly timezone: string;
  readonly maxConcurrency: number;
  readonly maxBatch: number;
  /** Which of the provider's APIs its credential is for (`HOSTUP_API`); undefined where it has one. */
  readonly api: string | undefined;
}

/** The gateway's configuration, read once from the environment at start. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** Run the built-in simulators and point every provider at them. */
  readonly sandbox: boolean;
  readonly providers: Readonly<Record<ProviderName, ProviderSettings>>;
  /** When non-empty, every request needs `Authorization: Bearer <one of these>`. */
  readonly gatewayApiKeys: readonly string[];
  /**
   * The key of the HMAC that fingerprints callers in idempotency keys (`SHARED_STATE_SECRET`); every
   * replica of a deployment uses the same one. Undefined: a random key of the process's own.
   */
  readonly sharedStateSecret: string | undefined;
  /** Origins whose pages may call the gateway from a browser (`CORS_ORIGINS`); none by default. */
  readonly corsOrigins: readonly string[];
  readonly upstream: {
    readonly timeoutMs: number;
    readonly queueTimeoutMs: number;
    readonly retries: number;
    readonly breaker: { readonly failureThreshold: number; readonly coolDownMs: number };
    /** Upstream bytes one request may read, every provider together (`UPSTREAM_MAX_BYTES_PER_REQUEST`). */
    readonly maxBytesPerRequest: number;
  };
  /** Largest response a request may get, its JSON measured before it is written (`RESPONSE_MAX_BYTES`). */
  readonly responseMaxBytes: number;
  readonly logLevel: string;
  /** How long a SIGTERM waits for requests in flight before cutting them (`SHUTDOWN_TIMEOUT_MS`). */
  readonly shutdownTimeoutMs: number;
  /**
   * How long after a SIGTERM the gateway still takes new connections while `/ready` says 503, so
   * a load balancer stops sending before connections are refused (`SHUTDOWN_DELAY_MS`, default 0).
   */
  readonly shutdownDelayMs: number;
  /** `NODE_ENV=production`: no field suggestions in errors; GraphiQL and introspection off by default. */
  readonly production: boolean;
  /** Serve GraphiQL (`GRAPHIQL`); default on, off in production. */
  readonly graphiql: boolean;
  /** Answer introspection (`INTROSPECTION`); default on, off in production. */
  readonly introspection: boolean;
  /** How long a client may take to send a request, and keep an idle connection. */
  readonly server: ServerTimeouts;
  /** Where spans are exported (the `OTEL_*` variables); undefined when tracing is off. */
  readonly traces: TraceSettings | undefined;
  /**
   * The only operations run, by id (`TRUSTED_DOCUMENTS`, the path of a JSON file of id to document,
   * read at start); undefined: any operation runs, and automatic persisted queries are on.
   */
  readonly trustedDocuments: TrustedDocuments | undefined;
}

/**
 * Node's http server timeouts (`SERVER_*_MS`). A load balancer keeps idle connections open for its
 * own idle timeout (AWS ALB: 60 s) and expects the server to keep them longer, or it sends a
 * request on a connection the server is closing; hence 65 s. Since Node 18 the headers and request
 * timeouts count from a request's first byte, not from the idle time before it, so they need not
 * exceed the keep-alive one; Node requires headers <= request.
 */
export interface ServerTimeouts {
  /** A request's first byte to its last header (`SERVER_HEADERS_TIMEOUT_MS`; 10 s, at most `requestMs`); then 408. */
  readonly headersMs: number;
  /** A request's first byte to the end of its body (`SERVER_REQUEST_TIMEOUT_MS`; 30 s); then 408. */
  readonly requestMs: number;
  /** How long a connection may stay idle between requests (`SERVER_KEEPALIVE_TIMEOUT_MS`; 65 s). */
  readonly keepAliveMs: number;
}

/** A bad environment value; its message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A value a variable refuses; `part` is the piece of a list that was refused, shown for the whole. */
class Refused {
  constructor(readonly part?: string) {}
}
const REFUSED = new Refused();

/**
 * A variable whose text `read` turns into a `T`, or refuses. `accepts` says in plain words what it
 * takes, and is the whole of every refusal of it (see `refusal`); a secret's value is never shown.
 */
function variable<T>(accepts: string, read: (text: string) => T | Refused, options: { secret?: boolean } = {}) {
  return z.string().transform((text, context) => {
    const value = read(text);
    if (!(value instanceof Refused)) return value;
    context.addIssue({ code: 'custom', message: accepts, params: { secret: options.secret, part: value.part } });
    return z.NEVER;
  });
}

/** `PORT must be a whole number from 0 to 65535; got 70000`: the one wording of every refused variable. */
function refusal(issue: z.core.$ZodIssue, env: Readonly<Record<string, string | undefined>>): string {
  const name = String(issue.path[0]);
  const params = issue.code === 'custom' ? (issue.params as { secret?: boolean; part?: string }) : {};
  if (params.secret) return `${name} must be ${issue.message}`;
  const got = params.part ?? env[name] ?? '';
  const shown = got.length > 100 ? `${got.slice(0, 100)}…` : got;
  return `${name} must be ${issue.message}; got ${/^\S+$/.test(shown) ? shown : JSON.stringify(shown)}`;
}

const FLAGS: Readonly<Record<string, boolean>> = { true: true, false: false, 1: true, 0: false };
const flag = variable('true or false (or 1/0)', (text) => (Object.hasOwn(FLAGS, text) ? FLAGS[text]! : REFUSED));
const integer = (min: number, max: number) =>
  variable(`a whole number from ${min} to ${max}`, (text) => {
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    return value >= min && value <= max ? value : REFUSED;
  });
/** One of `values`, in any case and with spaces around it: `V2` and `v2` are one API. */
const choice = (values: readonly [string, ...string[]]) =>
  variable(`${values.slice(0, -1).join(', ')} or ${values.at(-1)}`, (text) => {
    const value = text.trim().toLowerCase();
    return values.includes(value) ? value : REFUSED;
  });
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const httpUrl = variable('an http:// or https:// URL', (text) =>
  URL.canParse(text) && /^https?:$/.test(new URL(text).protocol) ? text.replace(/\/+$/, '') : REFUSED,
);
const zone = variable('an IANA time zone such as Europe/Rome', (text) => (isKnownZone(text) ? text : REFUSED));
const readSecret = (text: string) => (/^[\x21-\x7e]+$/.test(text) ? text : REFUSED);
const secret = variable('printable ASCII without spaces', readSecret, { secret: true });

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** An origin as a browser sends it: scheme, host and port only; never `*`. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value && !value.includes('*');
  } catch {
    return false;
  }
}
/**
 * Comma-separated values, each read by `item`; spaces around a comma are dropped. A value that
 * names nothing (`,`) is refused rather than read as an empty list, which would leave the gate open.
 */
const list = (accepts: string, item: (part: string) => string | Refused, options: { secret?: boolean } = {}) =>
  variable(
    accepts,
    (text) => {
      const parts = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.length === 0) return REFUSED;
      const refused = parts.find((part) => item(part) instanceof Refused);
      return refused === undefined ? parts : new Refused(refused);
    },
    options,
  );

const envKey = (name: ProviderName, suffix: string) => `${name.toUpperCase()}_${suffix}`;
/** The variables of an OAuth password-grant login, all four or none. */
const LOGIN_PARTS = ['OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET', 'OAUTH_USERNAME', 'OAUTH_PASSWORD'] as const;

function envShape() {
  const fields: Record<string, z.ZodType> = {
    ...TRACE_FIELDS,
    PORT: integer(0, 65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    NODE_ENV: choice(NODE_ENVS).optional(),
    SANDBOX: flag.optional(),
    GRAPHIQL: flag.optional(),
    INTROSPECTION: flag.optional(),
    GATEWAY_API_KEYS: list('a comma-separated list of keys, each printable ASCII without spaces', readSecret, {
      secret: true,
    }).optional(),
    // An HMAC key: short ones can be guessed from the fingerprints they make.
    SHARED_STATE_SECRET: variable(
      'at least 32 printable ASCII characters without spaces',
      (text) => (text.length >= 32 ? readSecret(text) : REFUSED),
      { secret: true },
    ).optional(),
    CORS_ORIGINS: list(
      'a comma-separated list of origins such as https://app.example.com (scheme, host and port; no path, no *)',
      (part) => (isOrigin(part) ? part : REFUSED),
    ).optional(),
    UPSTREAM_TIMEOUT_MS: integer(100, 600_000).default(10_000),
    UPSTREAM_QUEUE_TIMEOUT_MS: integer(100, 600_000).default(30_000),
    UPSTREAM_RETRIES: integer(0, 10).default(2),
    UPSTREAM_BREAKER_FAILURES: integer(1, 1_000).default(5),
    UPSTREAM_BREAKER_COOLDOWN_MS: integer(100, 3_600_000).default(30_000),
    UPSTREAM_MAX_BYTES_PER_REQUEST: integer(64 * KIB, GIB).default(32 * MIB),
    // Under V8's longest string (about 512 MiB), which the response's JSON must fit in.
    RESPONSE_MAX_BYTES: integer(64 * KIB, 256 * MIB).default(64 * MIB),
    SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
    SHUTDOWN_DELAY_MS: integer(0, 600_000).default(0),
    SERVER_HEADERS_TIMEOUT_MS: integer(1_000, 600_000).optional(),
    SERVER_REQUEST_TIMEOUT_MS: integer(1_000, 600_000).default(30_000),
    SERVER_KEEPALIVE_TIMEOUT_MS: integer(1_000, 600_000).default(65_000),
    LOG_LEVEL: choice(LOG_LEVELS).default('info'),
    TRUSTED_DOCUMENTS: z.string().optional(),
  };
  for (const name of PROVIDER_NAMES) {
    fields[envKey(name, 'API_KEY')] = secret.optional();
    fields[envKey(name, 'BASE_URL')] = httpUrl.optional();
    fields[envKey(name, 'ENABLED')] = flag.optional();
    fields[envKey(name, 'MAX_CONCURRENCY')] = integer(1, 256).optional();
    if (PROVIDER_CATALOG[name].timezone) fields[envKey(name, 'TIMEZONE')] = zone.optional();
    if (PROVIDER_CATALOG[name].maxBatch) fields[envKey(name, 'MAX_BATCH')] = integer(1, 100).optional();
    const apis = PROVIDER_CATALOG[name].apis?.map((api) => api.name);
    if (apis) {
      fields[envKey(name, 'API')] = choice(apis as [string, ...string[]]).optional();
    }
    if (PROVIDER_CATALOG[name].oauthTokenPath) {
      for (const part of LOGIN_PARTS)
        fields[envKey(name, part)] = (part === 'OAUTH_USERNAME' ? z.string() : secret).optional();
    }
  }
  return z.object(fields);
}

/**
 * Reads and checks the environment. Throws ConfigError with one line per bad variable,
 * each naming it; nothing else in the gateway reads `process.env`.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable is an unset one, but for the gates: an empty GATEWAY_API_KEYS or
  // TRUSTED_DOCUMENTS is a value that failed to arrive more often than a wish to run open, so it is
  // checked like any value.
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) =>
        value !== undefined && (value !== '' || name === 'GATEWAY_API_KEYS' || name === 'TRUSTED_DOCUMENTS'),
    ),
  );
  const parsed = envShape().safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => refusal(issue, present)).join('\n'));
  }
  const values = parsed.data as Record<string, unknown>;
  const read = <T>(key: string) => values[key] as T;

  const problems: string[] = [];
  const loginOf = (name: ProviderName): PasswordLogin | undefined => {
    const [clientId, clientSecret, username, password] = LOGIN_PARTS.map((part) =>
      read<string | undefined>(envKey(name, part)),
    );
    const given = LOGIN_PARTS.filter((part) => read(envKey(name, part)) !== undefined);
    if (given.length === 0) return undefined;
    const missing = LOGIN_PARTS.filter((part) => read(envKey(name, part)) === undefined);
    if (missing.length > 0)
      problems.push(
        `${envKey(name, missing[0]!)} is required with ${envKey(name, given[0]!)}: the OAuth login needs all four`,
      );
    if (read(envKey(name, 'API_KEY')) !== undefined) {
      problems.push(
        `${envKey(name, 'API_KEY')} and ${envKey(name, given[0]!)} both set: give a fixed key or an OAuth ` +
          `login, not both`,
      );
    }
    return clientId && clientSecret && username && password
      ? { clientId, clientSecret, username, password }
      : undefined;
  };

  const providers = Object.fromEntries(
    PROVIDER_NAMES.map((name) => {
      const definition = PROVIDER_CATALOG[name];
      const apiKey = read<string | undefined>(envKey(name, 'API_KEY'));
      const login = loginOf(name);
      const settings: ProviderSettings = {
        enabled:
          apiKey !== undefined || login !== undefined || read<boolean | undefined>(envKey(name, 'ENABLED')) === true,
        apiKey,
        login,
        baseUrl: read<string | undefined>(envKey(name, 'BASE_URL')) ?? definition.baseUrl,
        timezone: read<string | undefined>(envKey(name, 'TIMEZONE')) ?? definition.timezone ?? 'UTC',
        maxConcurrency: read<number | undefined>(envKey(name, 'MAX_CONCURRENCY')) ?? definition.maxConcurrency,
        maxBatch: read<number | undefined>(envKey(name, 'MAX_BATCH')) ?? definition.maxBatch ?? 1,
        api: read<string | undefined>(envKey(name, 'API')) ?? definition.apis?.[0]?.name,
      };
      return [name, settings];
    }),
  ) as Record<ProviderName, ProviderSettings>;

  if (problems.length > 0) throw new ConfigError(problems.join('\n'));

  const anyEnabled = PROVIDER_NAMES.some((name) => providers[name].enabled);
  // `Production` or `PRODUCTION` is meant as production (`choice` reads any case), and `prod` is
  // refused: read as development, either would serve GraphiQL, introspection and the sandbox.
  const production = read('NODE_ENV') === 'production';
  // Made-up tickets answered 200 are no default for production: there the sandbox is asked for.
  const sandbox = read<boolean | undefined>('SANDBOX') ?? (!anyEnabled && !production);
  if (production && !sandbox && !anyEnabled) {
    throw new ConfigError(
      'no provider is configured: give one its credentials (e.g. KAPTURE_API_KEY), or set SANDBOX=true',
    );
  }
  if (!sandbox) {
    const missing = PROVIDER_NAMES.filter((name) => providers[name].enabled && !providers[name].baseUrl);
    if (missing.length > 0) {
      throw new ConfigError(
        missing
          .map(
            (name) => `${envKey(name, 'BASE_URL')} is required when ${PROVIDER_CATALOG[name].displayName} is enabled`,
          )
          .join('\n'),
      );
    }
  }

  return {
    host: read('HOST'),
    port: read('PORT'),
    sandbox,
    providers,
    gatewayApiKeys: read<string[] | undefined>('GATEWAY_API_KEYS') ?? [],
    sharedStateSecret: read<string | undefined>('SHARED_STATE_SECRET'),
    corsOrigins: read<string[] | undefined>('CORS_ORIGINS') ?? [],
    upstream: {
      timeoutMs: read('UPSTREAM_TIMEOUT_MS'),
      queueTimeoutMs: read('UPSTREAM_QUEUE_TIMEOUT_MS'),
      retries: read('UPSTREAM_RETRIES'),
      breaker: {
        failureThreshold: read('UPSTREAM_BREAKER_FAILURES'),
        coolDownMs: read('UPSTREAM_BREAKER_COOLDOWN_MS'),
      },
      maxBytesPerRequest: read('UPSTREAM_MAX_BYTES_PER_REQUEST'),
    },
    responseMaxBytes: read('RESPONSE_MAX_BYTES'),
    logLevel: read('LOG_LEVEL'),
    shutdownTimeoutMs: read('SHUTDOWN_TIMEOUT_MS'),
    shutdownDelayMs: read('SHUTDOWN_DELAY_MS'),
    production,
    graphiql: read<boolean | undefined>('GRAPHIQL') ?? !production,
    introspection: read<boolean | undefined>('INTROSPECTION') ?? !production,
    server: serverTimeouts(
      read('SERVER_REQUEST_TIMEOUT_MS'),
      read('SERVER_HEADERS_TIMEOUT_MS'),
      read('SERVER_KEEPALIVE_TIMEOUT_MS'),
    ),
    traces: traceSettings(read),
    trustedDocuments: trustedDocumentsAt(read('TRUSTED_DOCUMENTS')),
  };
}

function trustedDocumentsAt(path: string | undefined): TrustedDocuments | undefined {
  if (path === undefined) return undefined;
  const documents = readTrustedDocuments(path);
  if (typeof documents !== 'string') return documents;
  const shown = /^\S+$/.test(path) ? path : JSON.stringify(path);
  throw new ConfigError(
    'TRUSTED_DOCUMENTS must be a JSON file of id to GraphQL document (as codegen writes persisted-documents.json); ' +
      `got ${shown}: ${documents}`,
  );
}

const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;

function serverTimeouts(requestMs: number, headersMs: number | undefined, keepAliveMs: number): ServerTimeouts {
  if (headersMs !== undefined && headersMs > requestMs) {
    throw new ConfigError(`SERVER_HEADERS_TIMEOUT_MS must be at most SERVER_REQUEST_TIMEOUT_MS (${requestMs})`);
  }
  return { headersMs: headersMs ?? Math.min(DEFAULT_HEADERS_TIMEOUT_MS, requestMs), requestMs, keepAliveMs };
}

/** Where the sandbox listens and which credentials it accepts. */
export interface SandboxEndpoints {
  readonly urls: Readonly<Record<ProviderName, string>>;
  readonly keys: Readonly<Record<ProviderName, string>>;
}

/** The configuration with every provider enabled and pointed at the sandbox. */
export function pointAtSandbox(config: Config, sandbox: SandboxEndpoints): Config {
  const providers = Object.fromEntries(
    PROVIDER_NAMES.map((name) => [
      name,
      {
        ...config.providers[name],
        enabled: true,
        baseUrl: sandbox.urls[name],
        // A configured OAuth login is kept, to get its tokens from the simulator.
        apiKey: config.providers[name].login ? undefined : sandbox.keys[name],
      },
    ]),
  ) as Record<ProviderName, ProviderSettings>;
  return { ...config, providers };
}

/** The samplers of the OpenTelemetry specification that need no remote service. */
const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/** Where and how the gateway's spans are exported: the standard `OTEL_*` variables, read here. */
export interface TraceSettings {
  /** `service.name` of every span (`OTEL_SERVICE_NAME`; default `ticket-graph`). */
  readonly serviceName: string;
  /** Further resource attributes, e.g. `deployment.environment` (`OTEL_RESOURCE_ATTRIBUTES`). */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  /** `OTEL_TRACES_SAMPLER`; default `parentbased_always_on`: every trace a caller did not mark unsampled. */
  readonly sampler: (typeof SAMPLERS)[number];
  /** The share of traces the `traceidratio` samplers keep (`OTEL_TRACES_SAMPLER_ARG`; default 1). */
  readonly samplerRatio: number;
  /** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` or `OTEL_EXPORTER_OTLP_PROTOCOL`; default `http/protobuf`. */
  readonly protocol: 'http/protobuf' | 'http/json';
  /** The collector's traces URL, e.g. `http://localhost:4318/v1/traces`. */
  readonly url: string;
  /** Sent with every export, e.g. a vendor's API key (`OTEL_EXPORTER_OTLP_HEADERS`, `…_TRACES_HEADERS`). */
  readonly headers: Readonly<Record<string, string>>;
}

/** An HTTP header's name (RFC 9110 token), and a value Node sends (no control character but tab). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~\w-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * `key=value` pairs, comma-separated, each value percent-encoded: the form of the OTLP header and
 * resource variables (the W3C Baggage form). A pair without `=` or with a bad escape is refused.
 */
const keyValues = (accepts: string, isKey: RegExp, options: { secret?: boolean } = {}) =>
  variable(
    accepts,
    (text) => {
      const pairs: Record<string, string> = {};
      for (const part of text.split(',').filter((pair) => pair.trim() !== '')) {
        const at = part.indexOf('=');
        const key = part.slice(0, at).trim();
        let value: string;
        try {
          value = decodeURIComponent(part.slice(at + 1).trim());
        } catch {
          return new Refused(part);
        }
        if (at === -1 || !isKey.test(key) || !HEADER_VALUE.test(value)) return new Refused(part);
        pairs[key] = value;
      }
      return Object.keys(pairs).length > 0 ? pairs : REFUSED;
    },
    options,
  );
const otlpHeaders = keyValues('comma-separated name=value headers, each value percent-encoded', HEADER_NAME, {
  secret: true,
});
/** A collector's URL as given: the traces endpoint is used as it is, the base one has `/v1/traces` added. */
const otlpUrl = variable('an http:// or https:// URL', (text) =>
  URL.canParse(text) && /^https?:$/.test(new URL(text).protocol) ? text : REFUSED,
);
const TRACE_FIELDS: Record<string, z.ZodType> = {
  OTEL_SDK_DISABLED: choice(['true', 'false']).optional(),
  OTEL_TRACES_EXPORTER: choice(['otlp', 'none']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: choice(['http/protobuf', 'http/json']).optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: choice(['http/protobuf', 'http/json']).optional(),
  OTEL_EXPORTER_OTLP_HEADERS: otlpHeaders.optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: otlpHeaders.optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
  OTEL_RESOURCE_ATTRIBUTES: keyValues(
    'comma-separated key=value attributes, each value percent-encoded',
    /^[\w.-]+$/,
  ).optional(),
  OTEL_TRACES_SAMPLER: choice(SAMPLERS).optional(),
  OTEL_TRACES_SAMPLER_ARG: variable('a number from 0 to 1', (text) =>
    /^\s*(?:0|1|0?\.\d+|[01]\.\d*)\s*$/.test(text) && Number(text) <= 1 ? Number(text) : REFUSED,
  ).optional(),
};

/**
 * Tracing is on when an OTLP endpoint is given, or `OTEL_TRACES_EXPORTER=otlp` asks for the
 * default one (http://localhost:4318); off when neither, when `OTEL_TRACES_EXPORTER=none`, or when
 * `OTEL_SDK_DISABLED=true`. Off, nothing of it runs: no span is made and no `traceparent` sent.
 */
function traceSettings(read: <T>(key: string) => T): TraceSettings | undefined {
  const exporter = read<string | undefined>('OTEL_TRACES_EXPORTER');
  const tracesUrl = read<string | undefined>('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseUrl = read<string | undefined>('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (read('OTEL_SDK_DISABLED') === 'true' || exporter === 'none') return undefined;
  if (exporter === undefined && tracesUrl === undefined && baseUrl === undefined) return undefined;
  const resourceAttributes = read<Record<string, string> | undefined>('OTEL_RESOURCE_ATTRIBUTES') ?? {};
  return {
    // OTEL_SERVICE_NAME wins over a service.name among the resource attributes, as the specification says.
    serviceName: read<string | undefined>('OTEL_SERVICE_NAME') ?? resourceAttributes['service.name'] ?? 'ticket-graph',
    resourceAttributes,
    sampler: read<TraceSettings['sampler'] | undefined>('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on',
    samplerRatio: read<number | undefined>('OTEL_TRACES_SAMPLER_ARG') ?? 1,
    protocol:
      read<TraceSettings['protocol'] | undefined>('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ??
      read<TraceSettings['protocol'] | undefined>('OTEL_EXPORTER_OTLP_PROTOCOL') ??
      'http/protobuf',
    url: tracesUrl ?? `${baseUrl ?? 'http://localhost:4318'}/v1/traces`,
    headers: {
      ...read<Record<string, string> | undefined>('OTEL_EXPORTER_OTLP_HEADERS'),
      ...read<Record<string, string> | undefined>('OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
    },
  };
}
