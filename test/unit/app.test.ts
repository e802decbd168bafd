import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig, pointAtSandbox } from '../../src/config.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function readHostupTicket(app: App): Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }> {
  const number = sandbox.ticketNumbers('hostup')[0]!;
  const response = await app.yoga.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ ticket(provider: HOSTUP, number: "${number}") { number } }` }),
  });
  return response.json();
}

describe('createApp', () => {
  it('closes its upstream pools when an `await using` scope ends', async () => {
    const config = pointAtSandbox(loadConfig({ SANDBOX: 'true' }), sandbox);
    let app: App;
    {
      await using scoped = createApp(config);
      app = scoped;
      expect((await readHostupTicket(app)).errors).toBeUndefined();
    }
    const calls = sandbox.calls('hostup');
    const after = await readHostupTicket(app);
    expect(after.errors?.map((error) => error.extensions.code)).toEqual(['UPSTREAM_ERROR']);
    expect(sandbox.calls('hostup')).toBe(calls);
  });
});
