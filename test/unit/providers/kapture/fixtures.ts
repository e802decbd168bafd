import { readFileSync } from 'node:fs';
import { SEARCH_PATH } from '../../../../src/providers/kapture/client.js';
import { createKaptureProvider } from '../../../../src/providers/kapture/index.js';
import type { ProviderUnderTest } from '../provider-harness.js';

/** Kapture as the provider harness drives it: the seed's example id and key. */
export const KAPTURE: ProviderUnderTest = {
  name: 'kapture',
  create: createKaptureProvider,
  baseUrl: 'https://devapi.kapturecrm.com',
  timezone: 'Asia/Kolkata',
  maxBatch: 20,
  route: { path: SEARCH_PATH, method: 'POST' },
  secret: 'a2FwdHVyZS1zZWNyZXQta2V5OjIwOTgwMw==',
  number: '713516551148',
};

/** A documented Kapture payload from src/providers/kapture/fixtures/, parsed. */
export function kaptureFixture(name: string): any {
  return JSON.parse(
    readFileSync(new URL(`../../../../src/providers/kapture/fixtures/${name}`, import.meta.url), 'utf8'),
  );
}
