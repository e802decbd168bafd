import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import { threadLine } from '../seed-thread.js';
import { laterThan, seedInstants } from '../seed-timeline.js';
import type { SeededTicket } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import {
  ATTACHMENTS,
  CLIENT_REPLIES,
  DEPARTMENTS,
  NOTES,
  OTHER_CLIENT,
  OTHER_PEOPLE,
  PRIMARY_CLIENT,
  PRIMARY_PEOPLE,
  SERVICES,
  STAFF,
  STAFF_REPLIES,
  STATUS_COLORS,
  TOPICS,
  type HostupPerson,
} from './seed-text.js';

export interface HostupReply {
  id: string;
  ticket_id: string;
  replier_id: string;
  name: string;
  email: string;
  date: string;
  lastedit: string;
  editby: string;
  body: string;
  status: string;
  type: string;
  flags: number;
  senderip: string;
  rating: string;
  rate_date: string;
  from: string;
  gravatar: string;
}
export interface HostupLinkedService {
  id: string;
  ticketNumber: string;
  clientId: string;
  serviceType: string;
  serviceId: string;
  serviceName: string;
  metadata: { status: string; nextDue: string; hostname: string };
  aiSummary: string;
  aiHelpful: string;
  createdAt: string;
  updatedAt: string;
}
/** A ticket as the legacy API answers it under `data.ticket`: every field of the documented example, HostBill-style. */
export interface HostupTicket {
  id: string;
  parent_id: string;
  date: string;
  lastreply: string;
  lastupdate: string;
  lastedit: string;
  editby: string;
  ticket_number: string;
  acc_hash: string;
  dept_id: string;
  client_id: string;
  creator_id: string;
  name: string;
  email: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  status: string;
  priority: string;
  flags: number;
  tags: string[];
  admin_read: string;
  client_read: string;
  type: string;
  request_type: string;
  senderip: string;
  escalated: string;
  sla_id: string;
  start_date: string;
  resolve_date: string;
  owner_id: string;
  metadata: string[];
  brand_id: string;
  deadline: string;
  deptname: string;
  viewtime: string;
  share: string;
  share_tag: string;
  client_group: string;
  status_color: string;
  org_deptname: string;
  from: string;
  subscriptions: string[];
  owner: { id: string; username: string; firstname: string; lastname: string; email: string; status: string };
  replies: HostupReply[];
  attachments: string[];
  notes: string[];
  number: string;
  linkedServices: HostupLinkedService[];
}

/** HostBill's "never" date. */
export const NEVER = '0000-00-00 00:00:00';
const PRIMARY_COUNT = 26;
const OTHER_COUNT = 4;
const EXAMPLE_INDEX = 13;
/** The first stream: the 30 tickets every older test knows. */
const firstStream = new SeededRandom(0x4057);

/** docs/providers/hostup.md: server local time, no zone (Europe/Stockholm assumed). */
export const local = (ms: number): string =>
  DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toFormat('yyyy-MM-dd HH:mm:ss');
export const gravatar = (email: string): string =>
  `https://www.gravatar.com/avatar/${createHash('md5').update(email.trim().toLowerCase()).digest('hex')}?d=mp`;
const ip = (random: SeededRandom): string => `198.51.100.${random.int(2, 254)}`;

/** What a seeded ticket is drawn from. */
export interface HostupDraft {
  /** Its place in the seed: picks the topic and the shape of the thread. */
  index: number;
  owner: TenantOwner;
  created: number;
  person: HostupPerson;
  closed: boolean;
  /** The HostBill status, when it is not the one the thread leads to. */
  status?: string;
}

function replies(
  draft: HostupDraft,
  ticketId: string,
  clientId: string,
  staff: (typeof STAFF)[number],
  random: SeededRandom,
): HostupReply[] {
  const count = draft.index % 5 === 3 ? random.int(10, 13) : random.int(0, 4);
  let at = draft.created;
  return Array.from({ length: count }, (_, n) => {
    at = laterThan(random, at, 15, 60 * 20);
    const byStaff = n % 2 === 0;
    const text = threadLine(
      { staff: STAFF_REPLIES, customer: CLIENT_REPLIES },
      n,
      byStaff,
      draft.closed && n >= count - 2,
      draft.index,
    );
    const name = byStaff ? `${staff.firstname} ${staff.lastname}` : draft.person.name;
    const email = byStaff ? staff.email : draft.person.email;
    const rated = byStaff && random.chance(0.3);
    return {
      id: String(2_950_000 + draft.index * 40 + n),
      ticket_id: ticketId,
      replier_id: byStaff ? staff.id : clientId,
      name,
      email,
      date: local(at),
      lastedit: NEVER,
      editby: '0',
      body: text,
      status: byStaff ? 'Answered' : 'Client-Reply',
      type: byStaff ? 'Admin' : 'Client',
      flags: 0,
      senderip: byStaff ? '' : ip(random),
      rating: rated ? String(random.int(3, 5)) : '0',
      rate_date: rated ? local(at + 3_600_000) : NEVER,
      from: byStaff ? 'support@hostup.se' : email,
      gravatar: gravatar(email),
    };
  });
}

/** A ticket in the legacy API's form, its random details drawn from `random`. */
export function hostupTicket(draft: HostupDraft, number: string, random: SeededRandom): HostupTicket {
  const client = draft.owner === 'primary' ? PRIMARY_CLIENT : OTHER_CLIENT;
  const topic = TOPICS[draft.index % TOPICS.length]!;
  const staff = random.pick(STAFF);
  const id = String(48_210 + draft.index * 17 + random.int(0, 9));
  const thread = replies(draft, id, client.id, staff, random);
  const isExample = draft.index === EXAMPLE_INDEX;
  const closed = draft.closed;
  const last = thread.at(-1);
  const status =
    draft.status ?? (closed ? 'Closed' : draft.index % 7 === 0 && last ? 'In-Progress' : (last?.status ?? 'Open'));
  const lastAt = last
    ? DateTime.fromFormat(last.date, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Stockholm' }).toMillis()
    : draft.created;
  const resolvedAt = closed ? laterThan(random, lastAt, 30, 60 * 24) : null;
  const dept = DEPARTMENTS[topic.dept];
  const service = topic.service ? SERVICES[topic.service] : undefined;
  const viaEmail = draft.index % 4 === 1;
  return {
    id,
    parent_id: '0',
    date: local(draft.created),
    lastreply: local(lastAt),
    lastupdate: local(resolvedAt ?? lastAt),
    lastedit: isExample ? local(draft.created + 600_000) : NEVER,
    editby: isExample ? staff.id : '0',
    ticket_number: number,
    acc_hash: random.alphanumeric(12),
    dept_id: dept.id,
    client_id: client.id,
    creator_id: client.id,
    name: draft.person.name,
    email: draft.person.email,
    cc: isExample || draft.index % 6 === 0 ? PRIMARY_PEOPLE[1]!.email : '',
    bcc: '',
    subject: topic.subject,
    body: topic.body,
    status,
    priority: random.pick(['Low', 'Medium', 'Medium', 'High', 'Urgent']),
    flags: draft.index % 8 === 5 ? 1 : 0,
    tags: [...topic.tags],
    admin_read: '1',
    client_read: last?.type === 'Admin' ? '0' : '1',
    type: 'Client',
    request_type: random.pick(['incident', 'question', 'problem']),
    senderip: ip(random),
    escalated: topic.tags.includes('akut') ? '1' : '0',
    sla_id: client.group === 'Företag' ? '2' : '0',
    start_date: local(draft.created),
    resolve_date: resolvedAt === null ? NEVER : local(resolvedAt),
    owner_id: staff.id,
    metadata: [`source=${viaEmail ? 'email' : 'client_area'}`, `client_group=${client.group}`],
    brand_id: '1',
    deadline: client.group === 'Företag' ? local(draft.created + 86_400_000) : NEVER,
    deptname: dept.name,
    viewtime: local(lastAt + 120_000),
    share: '0',
    share_tag: '',
    client_group: client.group,
    status_color: STATUS_COLORS[status] ?? '#999999',
    org_deptname: dept.name,
    from: viaEmail ? draft.person.email : '',
    subscriptions: isExample || draft.index % 6 === 0 ? [PRIMARY_PEOPLE[1]!.email] : [],
    owner: { ...staff },
    replies: thread,
    attachments: isExample || draft.index % 4 === 2 ? random.sample(ATTACHMENTS, random.int(1, 3)) : [],
    notes: isExample || draft.index % 5 === 1 ? random.sample(NOTES, random.int(1, 2)) : [],
    number,
    linkedServices: service
      ? [
          {
            id: String(9100 + draft.index),
            ticketNumber: number,
            clientId: client.id,
            serviceType: service.serviceType,
            serviceId: String(33_000 + draft.index * 3),
            serviceName: service.serviceName,
            metadata: {
              status: 'Active',
              nextDue:
                DateTime.fromMillis(draft.created, { zone: 'Europe/Stockholm' }).plus({ months: 3 }).toISODate() ?? '',
              hostname: service.hostname,
            },
            aiSummary: `Kunden rapporterar: ${topic.subject}`,
            aiHelpful: random.pick(['yes', 'no', '']),
            // The linked-service records are the newer, camelCase part of the API: UTC ISO dates.
            createdAt: new Date(draft.created).toISOString(),
            updatedAt: new Date(lastAt).toISOString(),
          },
        ]
      : [],
  };
}

function seed(): SeededTicket<HostupTicket>[] {
  const random = firstStream;
  const instants = seedInstants(random, PRIMARY_COUNT + OTHER_COUNT);
  return instants.map((created, index) => {
    const owner: TenantOwner = index < PRIMARY_COUNT ? 'primary' : 'other';
    const person = random.pick(owner === 'primary' ? PRIMARY_PEOPLE : OTHER_PEOPLE);
    // Numbers grow with time, and the documented example's 616828 lands on the example's slot.
    const number = String(
      616_828 + (index - EXAMPLE_INDEX) * 1_731 + (index === EXAMPLE_INDEX ? 0 : random.int(0, 900)),
    );
    return { owner, ticket: hostupTicket({ index, owner, created, person, closed: index % 3 === 2 }, number, random) };
  });
}

/** HostUp's seeded tickets in its wire format: 26 of the primary tenant, 4 of the other. */
export const HOSTUP_SEED: readonly SeededTicket<HostupTicket>[] = seed();
