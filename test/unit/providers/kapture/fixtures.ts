import { readFileSync } from 'node:fs';

/** A documented Kapture payload from src/providers/kapture/fixtures/, parsed. */
export function kaptureFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../../../src/providers/kapture/fixtures/${name}`, import.meta.url), 'utf8'));
}
