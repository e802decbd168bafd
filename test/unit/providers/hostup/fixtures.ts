import { readFileSync } from 'node:fs';

/** A documented HostUp payload from src/providers/hostup/fixtures/, parsed. */
export function hostupFixture(name: string): any {
  return JSON.parse(
    readFileSync(new URL(`../../../../src/providers/hostup/fixtures/${name}`, import.meta.url), 'utf8'),
  );
}
