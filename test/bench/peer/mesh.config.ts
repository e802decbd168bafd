/**
 * The peer's composition: Kapture's search endpoint described to GraphQL Mesh as a JSON Schema
 * source, as a team that picked Mesh instead of ticket-graph would write it. `KAPTURE_BASE_URL`
 * and `KAPTURE_API_KEY` come from the benchmark, pointing at its sandbox.
 */
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadJSONSchemaSubgraph } from '@omnigraph/json-schema';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadJSONSchemaSubgraph('Kapture', {
        endpoint: process.env.KAPTURE_BASE_URL!,
        operationHeaders: { authorization: `Basic ${process.env.KAPTURE_API_KEY}`, 'content-type': 'application/json' },
        operations: [
          {
            type: 'Query',
            field: 'tickets',
            path: '/search-ticket-by-ticket-id.html/v.2.0',
            method: 'POST',
            requestSample: { ticket_ids: '713504166460,713507259410' },
            responseSample: [
              { task_details: { ticketId: '713504166460', title: 'Order not delivered', status: 'Pending' } },
            ],
          },
        ],
      }),
    },
  ],
});
