import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import { Kind } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import type { Context } from '../loading/context.js';
import type { IsoDateTime } from '../domain/model.js';
import { parseIsoDate } from '../domain/dates.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: IsoDateTime; Output: IsoDateTime };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Federation after the directives plugin it builds on and after plugins that wrap resolvers,
  // as its documentation asks.
  plugins: [ErrorsPlugin, DirectivesPlugin, FederationPlugin],
  errors: { defaultTypes: [] },
  defaultFieldNullability: false,
});

/** RFC 3339's date-time: seconds and a full offset (or Z) required. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function toDateTime(value: unknown): IsoDateTime {
  const iso = typeof value === 'string' && RFC_3339.test(value) ? parseIsoDate(value) : undefined;
  // A plain Error, not a GraphQLError: graphql-js then says which value and where ("Expected value
  // of type DateTime, found …") for a literal as for a variable.
  if (!iso) throw new TypeError('DateTime must be an ISO-8601 date-time with an offset, e.g. 2025-01-26T10:00:00Z');
  return iso;
}

// Our own DateTime rather than graphql-scalars': that one converts every value to UTC, and
// we keep the provider's offset so a client can show the time as the customer saw it.
builder.scalarType('DateTime', {
  description:
    'An instant as an ISO-8601 / RFC 3339 date-time with its UTC offset, e.g. `2016-01-01T06:26:29+01:00`. ' +
    'Times the provider sends without a zone are read in the zone configured for it.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339',
  serialize: toDateTime,
  parseValue: toDateTime,
  parseLiteral: (ast) => toDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value, as the upstream sent it.',
});

builder.queryType({ description: 'Reads tickets from every configured support system through one schema.' });
