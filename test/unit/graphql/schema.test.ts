import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, printSubgraphFile } from '../../../src/graphql/print.js';
import { PROVIDERS_THAT_CAN } from '../../../src/providers/catalog.js';
import { schemaFor } from '../../../src/graphql/index.js';
import {
  isObjectType,
  isInterfaceType,
  isEnumType,
  isInputObjectType,
  printSchema,
  type GraphQLEnumType,
} from 'graphql';

describe('schema.graphql', () => {
  it('is the schema the code defines (run `npm run schema:print` after changing the schema)', () => {
    expect(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8')).toBe(printSchemaFile());
  });

  it('has subgraph.graphql beside it, the SDL a federation router composes (`npm run schema:print`)', () => {
    const sdl = readFileSync(new URL('../../../subgraph.graphql', import.meta.url), 'utf8');
    expect(sdl).toBe(printSubgraphFile());
    expect(sdl).toMatch(
      /^extend schema\n\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key"\]\)/,
    );
    expect(sdl).toContain('type Ticket implements Node\n  @key(fields: "id")\n  @key(fields: "provider number")');
  });

  it('describes every type, field, argument and enum value, since GraphiQL is how people learn it', () => {
    const missing: string[] = [];
    for (const type of Object.values(schemaFor(PROVIDERS_THAT_CAN).getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

const NOTHING = { updateTicket: [], replyToTicket: [], closeTicket: [], reopenTicket: [], listTickets: [] } as const;

describe('schemaFor', () => {
  it('offers updateTicket with UpdatableProvider narrowed to the enabled providers that can update', () => {
    const served = schemaFor({ ...NOTHING, updateTicket: ['sweeppea'] });
    expect(served.getMutationType()?.getFields()).toHaveProperty('updateTicket');
    expect((served.getType('UpdatableProvider') as GraphQLEnumType).getValues().map((value) => value.name)).toEqual([
      'SWEEPPEA',
    ]);
  });

  it('has no Mutation type, nor the types only it used, when no enabled provider can update', () => {
    const served = schemaFor(NOTHING);
    expect(served.getMutationType()).toBeUndefined();
    for (const name of [
      'Mutation',
      'UpdatableProvider',
      'UpdateTicketInput',
      'UpdateTicketResult',
      'Error',
      'ValidationError',
      'UpstreamErrorCode',
    ]) {
      expect(served.getType(name), name).toBeUndefined();
    }
    // The read side is whole: only the update's types are gone.
    const readTypes = Object.keys(schemaFor(PROVIDERS_THAT_CAN).getTypeMap()).filter(
      (name) => served.getType(name) !== undefined,
    );
    expect(readTypes).toEqual(expect.arrayContaining(['Query', 'Ticket', 'Node', 'ProviderInfo', 'DateTime', 'JSON']));
    expect(printSchema(served)).not.toMatch(/type Mutation|updateTicket\(|UpdatableProvider/);
  });
});
