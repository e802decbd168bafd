import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`
 * (`apt-get install -y chromium`). Undefined when there is none: the tests are skipped and say so,
 * unless `REQUIRE_BROWSER=1` (as `.ci/run` sets), when a missing browser fails them.
 */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const message = `no Chromium at ${path} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${message}`);
  console.warn(`skipped: the browser tests, since there is ${message}`);
  return undefined;
}
