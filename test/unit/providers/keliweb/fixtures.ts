import { readFileSync } from 'node:fs';

/** A documented Keliweb payload from src/providers/keliweb/fixtures/, parsed. */
export function keliwebFixture(name: string): any {
  return JSON.parse(
    readFileSync(new URL(`../../../../src/providers/keliweb/fixtures/${name}`, import.meta.url), 'utf8'),
  );
}
