import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import { threadLine } from '../seed-thread.js';
import { laterThan, seedInstants } from '../seed-timeline.js';
import type { SeededTicket } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import {
  ADMIN_REPLIES,
  ADMINS,
  ATTACHMENTS,
  CUSTOMER_REPLIES,
  DEPARTMENTS,
  NOTES,
  OTHER_CONTACTS,
  OTHER_USER,
  PRIMARY_CONTACTS,
  PRIMARY_USER,
  TOPICS,
  type KeliwebPerson,
} from './seed-text.js';

/**
 * WHMCS GetTicket reply; the opening message (replyid "0") has no `rating`, as documented
 * (docs/providers/keliweb.md).
 */
export interface KeliwebReply {
  replyid: string;
  userid: string;
  contactid: string;
  name: string;
  email: string;
  date: string;
  message: string;
  attachment: string;
  admin: string;
  rating?: string;
}
export interface KeliwebNote {
  noteid: string;
  date: string;
  message: string;
  admin: string;
}

/** A ticket exactly as `get-ticket` answers it: WHMCS GetTicket, every value a string. */
export interface KeliwebTicket {
  result: 'success';
  ticketid: string;
  tid: string;
  c: string;
  deptid: string;
  deptname: string;
  userid: string;
  contactid: string;
  name: string;
  email: string;
  cc: string;
  date: string;
  subject: string;
  status: string;
  priority: string;
  admin: string;
  lastreply: string;
  flag: string;
  service: string;
  replies: { reply: KeliwebReply[] };
  /** docs/providers/keliweb.md: an empty notes list comes as `[]`, not `{note: []}`. */
  notes: { note: KeliwebNote[] } | [];
}

const PRIMARY_COUNT = 26;
const OTHER_COUNT = 4;
const random = new SeededRandom(0x6e11eb);
/** docs/providers/keliweb.md: `Y-m-d H:i:s`, Europe/Rome, no zone. */
const local = (ms: number): string => DateTime.fromMillis(ms, { zone: 'Europe/Rome' }).toFormat('yyyy-MM-dd HH:mm:ss');
/** WHMCS stores an upload as `<random>_<name>` and several in one string, `|`-separated. */
const attachment = (): string =>
  random
    .sample(ATTACHMENTS, random.int(1, 2))
    .map((name) => `${random.int(100000, 999999)}_${name}`)
    .join('|');

/**
 * The example in the provider's documentation (docs/providers/keliweb.md), verbatim (its values are
 * already realistic WHMCS sample data).
 */
const EXAMPLE: KeliwebTicket = {
  result: 'success',
  ticketid: '1',
  tid: '516757',
  c: 'KPqH7yG3',
  deptid: '1',
  deptname: 'Sample Support Department',
  userid: '1',
  contactid: '0',
  name: 'Cynthia Reilly',
  email: '',
  cc: '',
  date: '2016-01-01 06:26:29',
  subject: 'This is a sample ticket',
  status: 'Closed',
  priority: 'Medium',
  admin: '',
  lastreply: '2016-01-01 06:30:16',
  flag: '0',
  service: '',
  replies: {
    reply: [
      {
        replyid: '0',
        userid: '1',
        contactid: '0',
        name: 'Cynthia Reilly',
        email: '',
        date: '2016-01-01 06:26:29',
        message: 'Hey, \r\n\r\nThis is the first ticket message!\r\n\r\nThanks\r\n\r\nCynthia',
        attachment: '',
        admin: '',
      },
      {
        replyid: '1',
        userid: '1',
        contactid: '0',
        name: '',
        email: '',
        date: '2016-01-01 06:27:01',
        message: 'Hello, \r\n\r\nThis is the first ticket reply by an admin user!\r\n\r\nThanks\r\n\r\nDemo Admin',
        attachment: '',
        admin: 'Demo Admin',
        rating: '0',
      },
      {
        replyid: '2',
        userid: '1',
        contactid: '0',
        name: '',
        email: '',
        date: '2016-01-01 06:30:16',
        message: 'Hey, \r\n\r\nThis is a second reply!\r\n\r\nThanks\r\n\r\nCynthia',
        attachment: '',
        admin: '',
        rating: '0',
      },
    ],
  },
  notes: {
    note: [{ noteid: '1', date: '2016-01-01 06:26:42', message: 'This is a ticket note', admin: 'Demo Admin' }],
  },
};

function thread(
  index: number,
  userid: string,
  person: KeliwebPerson,
  created: number,
  opener: string,
  message: string,
): KeliwebReply[] {
  const count = index % 5 === 3 ? random.int(10, 13) : random.int(0, 4);
  const first: KeliwebReply = {
    replyid: '0',
    userid,
    contactid: person.contactid,
    name: person.name,
    email: person.email,
    date: local(created),
    message,
    attachment: index % 4 === 1 ? attachment() : '',
    admin: opener,
  };
  let at = created;
  const rest = Array.from({ length: count }, (_, n): KeliwebReply => {
    at = laterThan(random, at, 10, 60 * 26);
    const byAdmin = n % 2 === 0;
    return {
      replyid: String(7000 + index * 20 + n),
      userid: byAdmin ? '0' : userid,
      contactid: byAdmin ? '0' : person.contactid,
      name: byAdmin ? '' : person.name,
      email: byAdmin ? '' : person.email,
      date: local(at),
      message: threadLine(
        { staff: ADMIN_REPLIES, customer: CUSTOMER_REPLIES },
        n,
        byAdmin,
        index % 3 === 2 && n >= count - 2,
        index,
      ),
      attachment: !byAdmin && n % 4 === 1 ? attachment() : '',
      admin: byAdmin ? random.pick(ADMINS).name : '',
      rating: byAdmin && random.chance(0.25) ? String(random.int(3, 5)) : '0',
    };
  });
  return [first, ...rest];
}

function statusOf(index: number, replies: KeliwebReply[]): string {
  if (index % 3 === 2) return 'Closed';
  if (index % 11 === 4) return 'On Hold';
  if (index % 7 === 0 && replies.length > 1) return 'In Progress';
  if (replies.length === 1) return 'Open';
  return replies.at(-1)?.admin ? 'Answered' : 'Customer-Reply';
}

function ticket(index: number, owner: TenantOwner, created: number, tid: string): KeliwebTicket {
  const user = owner === 'primary' ? PRIMARY_USER : OTHER_USER;
  const person = random.pick(owner === 'primary' ? PRIMARY_CONTACTS : OTHER_CONTACTS);
  const topic = TOPICS[index % TOPICS.length]!;
  // WHMCS sets `admin` when staff opened the ticket for the client; reply "0" inherits it.
  const opener = index % 10 === 6 ? random.pick(ADMINS).name : '';
  const replies = thread(index, user.userid, person, created, opener, topic.message);
  const lastAt = replies.at(-1)!.date;
  const notes: KeliwebTicket['notes'] =
    index % 4 === 3
      ? {
          note: random.sample(NOTES, random.int(1, 2)).map((message, n) => ({
            noteid: String(300 + index * 3 + n),
            date: lastAt,
            message,
            admin: random.pick(ADMINS).name,
          })),
        }
      : [];
  return {
    result: 'success',
    ticketid: String(3200 + index * 7 + random.int(0, 6)),
    tid,
    c: random.alphanumeric(8),
    deptid: DEPARTMENTS[topic.dept].id,
    deptname: DEPARTMENTS[topic.dept].name,
    userid: user.userid,
    contactid: person.contactid,
    name: person.name,
    email: person.email,
    cc: index % 6 === 0 ? 'amministrazione@trattoriadelponte.it' : '',
    date: local(created),
    subject: topic.subject,
    status: statusOf(index, replies),
    priority: random.pick(['Low', 'Medium', 'Medium', 'High']),
    admin: opener,
    lastreply: lastAt,
    flag: index % 5 === 0 ? random.pick(ADMINS).id : '0',
    service: topic.service === '' ? '' : `${topic.service}${random.int(1200, 9800)}`,
    replies: { reply: replies },
    notes,
  };
}

const CUSTOM_MASK_INDEX = 5;

function seed(): SeededTicket<KeliwebTicket>[] {
  const instants = seedInstants(random, PRIMARY_COUNT + OTHER_COUNT);
  const tids = new Set<string>(['516757']);
  return instants.map((created, index) => {
    const owner: TenantOwner = index < PRIMARY_COUNT ? 'primary' : 'other';
    if (index === 0) return { owner, ticket: structuredClone(EXAMPLE) };
    let tid = String(random.int(100000, 999999));
    while (tids.has(tid)) tid = String(random.int(100000, 999999));
    tids.add(tid);
    // One ticket under a custom WHMCS mask (`%A%a-%n%n%n%n%n%n`): letters of both cases.
    if (index === CUSTOM_MASK_INDEX) tid = `Kw-${tid}`;
    return { owner, ticket: ticket(index, owner, created, tid) };
  });
}

/** Keliweb's seeded tickets in its wire format: 26 of the primary tenant, 4 of the other. */
export const KELIWEB_SEED: readonly SeededTicket<KeliwebTicket>[] = seed();
