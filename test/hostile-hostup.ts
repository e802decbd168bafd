import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

const EXAMPLE_PATH = new URL('../src/providers/hostup/fixtures/get-ticket.example.json', import.meta.url);
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));

export interface HostileHostupOptions {
  /** Characters of each ticket's `body`: the answer is a valid ticket of about this many bytes. */
  readonly bodyChars: number;
  /** Empty objects in an extra `junk` list of each ticket: few bytes, a heap object each once parsed. */
  readonly junkObjects?: number;
  /** Headers added to every answer, e.g. one of 100 KB. */
  readonly headers?: OutgoingHttpHeaders;
}

export interface HostileHostup {
  /** Where the gateway's `HOSTUP_BASE_URL` points. */
  readonly url: string;
  /** The ticket numbers asked for, in order of arrival. */
  readonly asked: string[];
  close(): Promise<void>;
}

/**
 * A HostUp legacy API on a loopback port answering every `GET /api/support/tickets/{number}` with
 * the documented example ticket under that number, its body `bodyChars` long: a valid answer as
 * large as an attacker's ticket can make it.
 */
export async function startHostileHostup(options: HostileHostupOptions): Promise<HostileHostup> {
  const asked: string[] = [];
  const body = 'x'.repeat(options.bodyChars);
  const server = createServer((request, response) => {
    const number = /^\/api\/support\/tickets\/([^/?]+)/.exec(request.url ?? '')?.[1] ?? '';
    asked.push(number);
    const junk =
      options.junkObjects === undefined ? {} : { junk: Array.from({ length: options.junkObjects }, () => ({})) };
    const ticket = { ...EXAMPLE.data.ticket, ticket_number: number, body, ...junk };
    const text = JSON.stringify({ ...EXAMPLE, data: { ...EXAMPLE.data, ticket } });
    const length = Buffer.byteLength(text);
    response
      .writeHead(200, { 'content-type': 'application/json', 'content-length': length, ...options.headers })
      .end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
