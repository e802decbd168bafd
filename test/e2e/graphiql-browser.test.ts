import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.js';
import { startGateway, type Gateway } from './harness.js';

/**
 * GraphiQL in a real browser (headless Chromium, driven by playwright-core), against the gateway
 * and the sandbox on loopback: the page must load with no internet, so every request it makes
 * stays on the gateway's own origin (or is a blob: of its own workers).
 */
const executablePath = chromiumPath();

describe.skipIf(executablePath === undefined)('GraphiQL in Chromium', () => {
  let gateway: Gateway;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    gateway = await startGateway();
    browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed: ${request.url()}`));
    await page.goto(gateway.url);
    await page.waitForFunction(() => document.body.textContent?.includes('TicketsAcrossProviders'), null, {
      timeout: 20_000,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('loads with nothing from outside the gateway, and no error', () => {
    const origin = new URL(gateway.url).origin;
    const outside = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`));
    expect(outside).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('opens with the README example, titled ticket-graph', async () => {
    expect(await page.title()).toBe('ticket-graph');
    // The editor's lines as shown (Monaco writes spaces as U+00A0).
    const editor = await page.$$eval('.graphiql-query-editor .view-line', (lines) =>
      lines.map((line) => line.textContent?.replace(/\u00a0/g, ' ')).join('\n'),
    );
    expect(editor).toContain('query TicketsAcrossProviders {');
    expect(editor).toContain('{ provider: KAPTURE, number: "713516551148" }');
  });

  it('runs the example on a click of Run and shows the four tickets', async () => {
    const answered = page.waitForResponse(
      (response) => response.url() === gateway.url && response.request().method() === 'POST',
    );
    await page.click('.graphiql-execute-button');
    const answer = (await (await answered).json()) as { data: { tickets: { number: string }[] } };
    expect(answer.data.tickets.map((ticket) => ticket.number)).toEqual(['HYXTNJV', '616828', '516757', '713516551148']);
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('HYXTNJV'));
    expect(failures).toEqual([]);
  });

  it('opens Ticket in the Docs explorer', async () => {
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page
      .locator('.graphiql-doc-explorer a', { hasText: /^Ticket$/ })
      .first()
      .click();
    await page.waitForFunction(() =>
      document
        .querySelector('.graphiql-doc-explorer')
        ?.textContent?.includes('A support ticket, whichever system holds it'),
    );
    expect(await page.textContent('.graphiql-doc-explorer-title')).toBe('Ticket');
  });
});
