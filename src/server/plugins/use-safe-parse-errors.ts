import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

/** What a GraphQL request may hold (GraphQL over HTTP); anything else is refused by name. */
const PARAMS = new Set(['query', 'variables', 'operationName', 'extensions']);
/** A parameter's name is quoted in an error at most this long: the client chose it. */
const MAX_QUOTED_CHARS = 40;

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

export interface SafeParseErrorsOptions {
  /** Parameters a request may hold besides GraphQL over HTTP's four, e.g. `documentId`. Default: none. */
  readonly extraParams?: readonly string[];
}

/**
 * Whatever yoga's request parsers throw is answered as one kind of refusal: HTTP 400,
 * `BAD_REQUEST`, a message of the gateway's own words. Yoga adds the parser's error as
 * `extensions.originalError` (V8's JSON message quotes the body back), answers a form body's
 * variables that are not JSON with a plain SyntaxError (HTTP 500, logged as our fault), and
 * names an unknown parameter whole in its message (a 900 KB name, echoed back).
 */
export function useSafeParseErrors(options: SafeParseErrorsOptions = {}): Plugin {
  const allowed = new Set([...PARAMS, ...(options.extraParams ?? [])]);
  // Yoga's parsers are a handful of long-lived functions: each is wrapped once, not per request.
  const wrapped = new WeakMap<RequestParser, RequestParser>();
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      let safe = wrapped.get(requestParser);
      if (!safe) {
        safe = safely(requestParser, allowed);
        wrapped.set(requestParser, safe);
      }
      setRequestParser(safe);
    },
  };
}

type RequestParser = NonNullable<Parameters<NonNullable<Plugin['onRequestParse']>>[0]['requestParser']>;

function safely(parser: RequestParser, allowed: ReadonlySet<string>): RequestParser {
  return async (request) => {
    let parsed: Awaited<ReturnType<RequestParser>>;
    try {
      parsed = await parser(request);
    } catch (error) {
      throw asBadRequest(error);
    }
    if (isResponse(parsed)) return parsed;
    for (const params of Array.isArray(parsed) ? parsed : [parsed]) checkNames(params, allowed);
    return parsed;
  };
}

/** A parser may answer with a Response of its own (yoga's fetch API's, not always the global one). */
const isResponse = (value: unknown): value is Response =>
  typeof value === 'object' && value !== null && typeof (value as Response).arrayBuffer === 'function';

function asBadRequest(error: unknown): GraphQLError {
  if (!(error instanceof GraphQLError))
    return badRequest('The request could not be read: its variables and extensions must be JSON objects');
  const { originalError: _dropped, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 }, ...extensions } });
}

function checkNames(params: GraphQLParams, allowed: ReadonlySet<string>): void {
  if (typeof params !== 'object' || params === null) return;
  for (const name of Object.keys(params)) {
    if (allowed.has(name)) continue;
    const quoted = name.length > MAX_QUOTED_CHARS ? `${name.slice(0, MAX_QUOTED_CHARS)}…` : name;
    throw badRequest(`Unexpected parameter ${JSON.stringify(quoted)} in the request`);
  }
}
