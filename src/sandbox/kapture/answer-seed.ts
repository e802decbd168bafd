import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import type { SeededTicket } from '../ticket-store.js';
import { KAPTURE_LIST_WEEK } from './list-seed.js';
import {
  KAPTURE_SEED_COUNT,
  seededTicket,
  taskDate,
  taskMillis,
  type KaptureTaskDetails,
  type KaptureTicket,
} from './seed.js';

const HOUR = 3_600_000;

/** A tenant's own state, its words HTML-escaped as Kapture sends any string: [status, sub-status, key]. */
export const ON_HOLD_STATE = ['On Hold &amp; Waiting', 'On Hold &amp; Waiting', 'OH'] as const;

/**
 * What each ticket's answer shows beyond the documented example (docs/providers/kapture.md), with
 * the `task_details` it changes from an ordinary seeded ticket created at `created`.
 */
const ANSWERS: readonly [created: string, change: (details: KaptureTaskDetails, created: number) => void][] = [
  // A tenant's status word, HTML-escaped like any string.
  [
    '2026-03-16T10:20',
    (details) => {
      [details.status, details.substatus, details.substatusKey] = ON_HOLD_STATE;
    },
  ],
  // Closed, then reopened: pending again, its old end date still there.
  [
    '2026-03-17T11:45',
    (details, created) =>
      Object.assign(details, {
        status: 'Pending',
        substatus: 'Pending',
        substatusKey: 'P',
        taskEnddate: taskDate(created + 3 * HOUR),
        lastFollowUp: taskDate(created + 26 * HOUR),
      }),
  ],
  // Closed, under a tenant's status word the gateway does not know: the sub-status key tells.
  [
    '2026-03-18T09:30',
    (details) => Object.assign(details, { status: 'Archived', substatus: 'Archived', substatusKey: 'CL' }),
  ],
  // Dates as epoch digits: seconds (ten) and milliseconds (thirteen).
  [
    '2026-03-19T16:10',
    (details) =>
      Object.assign(details, {
        date: String(taskMillis(details.date) / 1000),
        lastConvesationTime: String(taskMillis(details.lastConvesationTime)),
        lastFollowUp: String(taskMillis(details.lastFollowUp) / 1000),
      }),
  ],
];

function seed(): SeededTicket<KaptureTicket>[] {
  const random = new SeededRandom(0xa5e2d);
  return ANSWERS.map(([local, change], index) => {
    const created = DateTime.fromISO(local, { zone: 'Asia/Kolkata' }).toMillis();
    // Numbered on after the busy week, in creation order, as Kapture's ids grow.
    const ticket = seededTicket(random, KAPTURE_SEED_COUNT + KAPTURE_LIST_WEEK.length + index, 'primary', created);
    change(ticket.task_details, created);
    return { owner: 'primary', ticket };
  });
}

/**
 * Four primary tickets created 2026-03-16 to 2026-03-19, after the busy week: a status word with
 * entities, a reopened ticket with its old end date, a closed ticket whose status word is a
 * tenant's, dates as epoch digits.
 */
export const KAPTURE_ANSWERS = seed();
