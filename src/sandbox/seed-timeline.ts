import type { SeededRandom } from './seeded-random.js';

const FIRST = Date.UTC(2024, 0, 8, 8, 0, 0);
const LAST = Date.UTC(2026, 1, 20, 18, 0, 0);
const MINUTE = 60_000;

/** `count` ascending instants spread over 2024-01 .. 2026-02, each at a plausible hour. */
export function seedInstants(random: SeededRandom, count: number): number[] {
  const step = (LAST - FIRST) / count;
  return Array.from({ length: count }, (_, index) => {
    const day = FIRST + index * step + random.int(0, Math.floor(step * 0.6));
    return day - (day % MINUTE) + random.int(0, 59) * 1000;
  });
}

/** An instant between `minMinutes` and `maxMinutes` after `from`, to the second. */
export function laterThan(random: SeededRandom, from: number, minMinutes: number, maxMinutes: number): number {
  return from + random.int(minMinutes * 60, maxMinutes * 60) * 1000;
}
