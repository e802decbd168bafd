import { writeFileSync } from 'node:fs';
import { printSchemaFile, printSubgraphFile } from '../src/graphql/print.js';

writeFileSync(new URL('../schema.graphql', import.meta.url), printSchemaFile());
writeFileSync(new URL('../subgraph.graphql', import.meta.url), printSubgraphFile());
