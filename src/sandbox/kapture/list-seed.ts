import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import type { SeededTicket } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import { KAPTURE_SEED_COUNT, seededTicket, type KaptureTicket } from './seed.js';

/**
 * A busy week for the date-range pull, Asia/Kolkata local times (`HH:mm`) a day: several tickets a
 * day, some in the hour around midnight, some at midnight exactly (which the pull's inclusive end
 * also answers for the day before), two in one minute, and a Saturday with none of its own.
 */
const PRIMARY_WEEK: Readonly<Record<string, readonly string[]>> = {
  '2026-03-02': ['00:00', '08:41', '10:15', '11:02', '13:37', '15:20', '18:45', '23:58'],
  '2026-03-03': ['00:12', '09:05', '12:30', '16:48', '19:22', '23:41', '23:59'],
  '2026-03-04': ['00:00', '00:17', '07:55', '10:40', '14:05', '14:05', '17:30', '21:10', '23:30'],
  '2026-03-05': ['06:20', '09:45', '13:15', '16:00', '20:35', '23:45'],
  '2026-03-06': ['00:05', '08:10', '11:25', '12:50', '15:35', '18:05', '22:15', '23:55'],
  '2026-03-07': [],
  '2026-03-08': ['00:00', '02:30', '10:20', '13:45', '17:05', '19:40', '22:50'],
};

/** The other tenant's tickets that week: never in the primary key's pull. */
const OTHER_WEEK: Readonly<Record<string, readonly string[]>> = {
  '2026-03-04': ['14:05'],
  '2026-03-06': ['00:00'],
  '2026-03-08': ['12:00'],
};

function instants(week: Readonly<Record<string, readonly string[]>>): number[] {
  return Object.entries(week).flatMap(([day, times]) =>
    times.map((time) => DateTime.fromISO(`${day}T${time}`, { zone: 'Asia/Kolkata' }).toMillis()),
  );
}

function seed(): SeededTicket<KaptureTicket>[] {
  const random = new SeededRandom(0x11570d);
  const created = [
    ...instants(PRIMARY_WEEK).map((at) => ['primary', at] as const),
    ...instants(OTHER_WEEK).map((at) => ['other', at] as const),
  ].sort((a, b) => a[1] - b[1]);
  // Numbered on after the first seed, in creation order: ids grow with creation time, as Kapture's do.
  return created.map(([owner, at], index): SeededTicket<KaptureTicket> => {
    const tenant: TenantOwner = owner;
    return { owner: tenant, ticket: seededTicket(random, KAPTURE_SEED_COUNT + index, tenant, at) };
  });
}

/** 45 primary tickets created 2026-03-02 to 2026-03-08 (none on the 7th), and 3 of the other tenant. */
export const KAPTURE_LIST_WEEK: readonly SeededTicket<KaptureTicket>[] = seed();
