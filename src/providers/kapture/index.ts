import { asError, BadUserInputError } from '../../domain/errors.js';
import type { Ticket } from '../../domain/model.js';
import { catalogFacts } from '../kit/catalog-facts.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
import { searchTickets } from './client.js';
import { toTicket } from './mapper.js';

/**
 * Kapture ticket ids are digit strings ('713516551148'). Nothing else may pass: a comma would
 * add ids to the comma-separated `ticket_ids` list sent upstream.
 */
const TICKET_ID = /^\d{1,20}$/;

/** Kapture CRM (`https://SUBDOMAIN.kapturecrm.com`): many ids per search call, in chunks of `maxBatch`. */
export function createKaptureProvider(deps: ProviderDeps): Provider {
  const maxBatch = Math.max(1, Math.floor(deps.maxBatch));
  return {
    // The update API changes status and adds comments, not title or description: not wired.
    ...catalogFacts('kapture', deps),
    parseNumber(number) {
      const trimmed = number.trim();
      // Ids are numbers upstream: "0713516551148" is 713516551148, and must be one DataLoader key.
      const canonical = TICKET_ID.test(trimmed) ? trimmed.replace(/^0+/, '') : '';
      if (canonical === '') {
        throw new BadUserInputError('A Kapture CRM ticket id is a number of 1 to 20 digits', { provider: 'kapture' });
      }
      return canonical;
    },
    // One call a chunk of distinct ids, all chunks at once; a failed call fails its whole chunk.
    async fetchTickets(numbers, auth, trace) {
      const http = tracedBy(deps.http, trace);
      const distinct = [...new Set(numbers)];
      const chunks = Array.from({ length: Math.ceil(distinct.length / maxBatch) }, (_, index) =>
        distinct.slice(index * maxBatch, (index + 1) * maxBatch),
      );
      const answers = await Promise.all(
        chunks.map(async (chunk): Promise<(Ticket | Error)[]> => {
          let found: Awaited<ReturnType<typeof searchTickets>>;
          try {
            found = await searchTickets(http, chunk, auth.secret);
          } catch (error) {
            const failure = asError(error, 'kapture');
            return chunk.map(() => failure);
          }
          const fetchedAt = new Date().toISOString();
          // Each ticket mapped on its own: one that cannot be read fails alone, not its chunk.
          return found.map((entry) => {
            if (entry instanceof Error) return entry;
            try {
              return toTicket(entry, { timezone: deps.timezone, fetchedAt });
            } catch (error) {
              return asError(error, 'kapture');
            }
          });
        }),
      );
      const results = answers.flat();
      const byNumber = new Map(distinct.map((number, index) => [number, results[index]!]));
      return numbers.map((number) => byNumber.get(number)!);
    },
  } satisfies Provider;
}
