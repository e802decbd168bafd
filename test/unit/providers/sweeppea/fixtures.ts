import { readFileSync } from 'node:fs';

/** A documented Sweeppea payload from src/providers/sweeppea/fixtures/, parsed. */
export function sweeppeaFixture(name: string): any {
  return JSON.parse(
    readFileSync(new URL(`../../../../src/providers/sweeppea/fixtures/${name}`, import.meta.url), 'utf8'),
  );
}
