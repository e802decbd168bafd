/**
 * `npm run screenshot:graphiql`: docs/graphiql.png, the README's picture of GraphiQL, taken in
 * headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium) from the gateway and the sandbox on
 * loopback, after running the opening query.
 */
import { chromium } from 'playwright-core';
import { startGateway } from '../test/e2e/harness.js';

const gateway = await startGateway();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(gateway.url);
  await page.waitForFunction(() => document.body.textContent?.includes('TicketsAcrossProviders'));
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('HYXTNJV'));
  await page.screenshot({ path: 'docs/graphiql.png' });
} finally {
  await browser.close();
  await gateway.close();
}
