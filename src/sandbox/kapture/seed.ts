import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import { threadLine } from '../seed-thread.js';
import { laterThan, seedInstants } from '../seed-timeline.js';
import type { SeededTicket } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import {
  AGENT_MESSAGES,
  CITIES,
  CUSTOMER_MESSAGES,
  EMPLOYEES,
  FILES,
  OTHER_CUSTOMERS,
  PRIMARY_CUSTOMERS,
  QUEUES,
  SOURCES,
  TENANT_HOSTS,
  TOPICS,
} from './seed-text.js';

/** The documented `task_details`, field for field. */
export interface KaptureTaskDetails {
  date: string;
  tat: string;
  sla: string;
  status: string;
  nextFollowUp: string;
  lastFollowUp: string;
  taskId: number;
  email: string;
  phone: string;
  lastSource: string;
  lastConvesationTime: string;
  title: string;
  orderId: string;
  primarySource: string;
  ticketEmail: string;
  folderId: number;
  ticketId: string;
  detail: string;
  mergedTicketId: string;
  contactId: number;
  productId: number;
  creatorId: number;
  customerId: number;
  assignedId: number;
  creatorName: string;
  priority: string;
  attachment: string;
  pendingTaskId: number;
  ticketCloseEmpId: number;
  assignedToName: string;
  callBack: string;
  queueKey: string;
  customer_rating: number;
  lastConversationId: number;
  slaStatus: string;
  queueName: string;
  total_conversations: number;
  disposition: string;
  taskEnddate: string;
  customer_feedback: string;
  url: string;
  substatus: string;
  substatusKey: string;
  assigneeCode: string;
  ftr: string;
  /** Element shape undocumented (the documented example's is empty): `{name, url}` per file. */
  attachments: { name: string; url: string }[];
}
/** `history` and `additional_info` are undocumented objects: small plausible ones. */
export interface KaptureTicket {
  additional_info: Record<string, string>;
  history: {
    conversations?: {
      conversationId: number;
      type: string;
      direction: string;
      sender: string;
      message: string;
      createdDate: string;
    }[];
  };
  task_details: KaptureTaskDetails;
}

const PRIMARY_COUNT = 26;
const OTHER_COUNT = 4;
/** How many tickets the first seed holds; later seeds number theirs on from here. */
export const KAPTURE_SEED_COUNT = PRIMARY_COUNT + OTHER_COUNT;
const EXAMPLE_INDEX = 4;
const random = new SeededRandom(0xca9707e);
const zoned = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: 'Asia/Kolkata' });
/** task_details dates: `dd-MM-yyyy HH:mm`, Asia/Kolkata, no zone. */
export const taskDate = (ms: number): string => zoned(ms).toFormat('dd-MM-yyyy HH:mm');
/** docs/providers/kapture.md: other Kapture dates come as `yyyy-MM-dd HH:mm:ss`. */
export const historyDate = (ms: number): string => zoned(ms).toFormat('yyyy-MM-dd HH:mm:ss');
/**
 * A task_details date as epoch milliseconds: `dd-MM-yyyy HH:mm` in Asia/Kolkata, or epoch digits
 * (docs/providers/kapture.md: ten are seconds, thirteen milliseconds), as some tickets send them.
 */
export function taskMillis(text: string): number {
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  return DateTime.fromFormat(text, 'dd-MM-yyyy HH:mm', { zone: 'Asia/Kolkata' }).toMillis();
}

/** The documented states: [status, sub-status, sub-status key], open and done. */
export const KAPTURE_STATES = {
  open: [
    ['Pending', 'Pending', 'PS'],
    ['Pending', 'Awaiting Customer Response', 'AC'],
    ['Pending', 'In Progress', 'IP'],
  ],
  done: [
    ['Complete', 'Resolved', 'RS'],
    ['Closed', 'Closed', 'CL'],
  ],
} as const;

/** The example in the provider's documentation (docs/providers/kapture.md), verbatim. */
const EXAMPLE: KaptureTicket = {
  additional_info: {},
  history: {},
  task_details: {
    date: '19-04-2024 14:19',
    tat: '',
    sla: '',
    status: 'Pending',
    nextFollowUp: '19-04-2024 14:19',
    lastFollowUp: '22-04-2024 14:31',
    taskId: 530348198,
    email: '',
    phone: '',
    lastSource: 'Mobile App',
    lastConvesationTime: '19-04-2024 14:19',
    title: 'TEST 1',
    orderId: '',
    primarySource: 'Mobile App',
    ticketEmail: '',
    folderId: 0,
    ticketId: '713516551148',
    detail: '',
    mergedTicketId: '',
    contactId: 0,
    productId: 0,
    creatorId: 209803,
    customerId: 0,
    assignedId: 209803,
    creatorName: 'Kapture Dev API&apos;s',
    priority: 'low',
    attachment: '',
    pendingTaskId: 0,
    ticketCloseEmpId: 209803,
    assignedToName: 'Kapture Dev API&apos;s',
    callBack: '',
    queueKey: '',
    customer_rating: 0,
    lastConversationId: 0,
    slaStatus: 'out of sla',
    queueName: '',
    total_conversations: 0,
    disposition: 'Inbox',
    taskEnddate: '',
    customer_feedback: '',
    url: 'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148',
    substatus: 'Pending',
    substatusKey: 'PS',
    assigneeCode: '',
    ftr: 'no',
    attachments: [],
  },
};

/**
 * The `index`th seeded ticket, created at `created`: its ids grow with `index`, its state, thread
 * and files follow from `index` and what `random` draws.
 */
export function seededTicket(random: SeededRandom, index: number, owner: TenantOwner, created: number): KaptureTicket {
  const offset = index - EXAMPLE_INDEX;
  const taskId = 530_348_198 + offset * 41_317 + random.int(0, 9_000);
  const ticketId = String(713_516_551_148 + offset * 3_104_729 + random.int(0, 90_000));
  const customer = random.pick(owner === 'primary' ? PRIMARY_CUSTOMERS : OTHER_CUSTOMERS);
  const topic = TOPICS[index % TOPICS.length]!;
  const [creator, assignee] = [random.pick(EMPLOYEES), random.pick(EMPLOYEES)];
  const [status, substatus, substatusKey] =
    index % 3 === 2 ? random.pick(KAPTURE_STATES.done) : random.pick(KAPTURE_STATES.open);
  const closed = status !== 'Pending';
  const queue = random.pick(QUEUES);
  const source = random.pick(SOURCES);
  const count = index % 5 === 3 ? random.int(10, 13) : random.int(0, 4);
  let at = created;
  const conversations = Array.from({ length: count }, (_, n) => {
    at = laterThan(random, at, 10, 60 * 30);
    const inbound = n % 2 === 0;
    const text =
      n === 0
        ? topic.detail
        : threadLine(
            { staff: AGENT_MESSAGES, customer: CUSTOMER_MESSAGES },
            n - 1,
            !inbound,
            closed && n >= count - 2,
            index,
          );
    return {
      conversationId: 88_120_000 + index * 50 + n,
      type: inbound ? 'email' : random.pick(['email', 'note', 'whatsapp']),
      direction: inbound ? 'inbound' : 'outbound',
      sender: inbound ? customer.name : assignee.name,
      message: text,
      createdDate: historyDate(at),
    };
  });
  const endedAt = closed ? laterThan(random, at, 30, 60 * 24) : null;
  const orderId = topic.order ? `OD${random.int(400_000_000, 499_999_999)}` : '';
  const files = index % 4 === 1 ? random.sample(FILES, random.int(1, 2)) : [];
  const [city, pincode] = random.pick(CITIES);
  return {
    additional_info: orderId
      ? {
          order_id: orderId,
          order_value: `${random.int(299, 24_999)}.00`,
          payment_mode: random.pick(['UPI', 'COD', 'Card']),
          city,
          pincode,
        }
      : {},
    history: count > 0 ? { conversations } : {},
    task_details: {
      date: taskDate(created),
      tat: closed ? `${random.int(1, 96)} hrs` : '',
      sla: queue.key === 'REFUNDS' ? '48 Hrs' : '24 Hrs',
      status,
      nextFollowUp: taskDate((endedAt ?? at) + 86_400_000),
      lastFollowUp: taskDate(at),
      taskId,
      email: customer.email,
      phone: customer.phone,
      lastSource: source,
      lastConvesationTime: taskDate(at),
      title: topic.title,
      orderId,
      primarySource: source,
      ticketEmail: source === 'Email' ? customer.email : '',
      folderId: 0,
      ticketId,
      detail: topic.detail,
      mergedTicketId: '',
      contactId: customer.id + 7,
      productId: 0,
      creatorId: creator.id,
      customerId: customer.id,
      assignedId: assignee.id,
      creatorName: creator.name,
      priority: random.pick(['low', 'medium', 'high']),
      attachment: '',
      pendingTaskId: 0,
      ticketCloseEmpId: closed ? assignee.id : 0,
      assignedToName: assignee.name,
      callBack: '',
      queueKey: queue.key,
      customer_rating: closed ? random.int(0, 5) : 0,
      lastConversationId: conversations.at(-1)?.conversationId ?? 0,
      slaStatus: random.pick(['within sla', 'out of sla']),
      queueName: queue.name,
      total_conversations: count,
      disposition: closed ? random.pick(['Refund Initiated', 'Replacement Arranged', 'Information Provided']) : 'Inbox',
      taskEnddate: endedAt === null ? '' : taskDate(endedAt),
      customer_feedback: closed && index % 2 === 0 ? 'Quick resolution, thanks 👍' : '',
      url: `${TENANT_HOSTS[owner]}/employee/view-task-detail.html?detail=5/${taskId}/${ticketId}`,
      substatus,
      substatusKey,
      assigneeCode: '',
      ftr: count <= 2 ? 'yes' : 'no',
      attachments: files.map((name) => ({
        name,
        url: `https://kapture-attachments.s3.ap-south-1.amazonaws.com/${ticketId}/${name}`,
      })),
    },
  };
}

function seed(): SeededTicket<KaptureTicket>[] {
  const instants = seedInstants(random, PRIMARY_COUNT + OTHER_COUNT);
  return instants.map((created, index) => {
    const owner: TenantOwner = index < PRIMARY_COUNT ? 'primary' : 'other';
    return {
      owner,
      ticket: index === EXAMPLE_INDEX ? structuredClone(EXAMPLE) : seededTicket(random, index, owner, created),
    };
  });
}

/** Kapture's seeded tickets in its wire format: 26 of the primary tenant, 4 of the other. */
export const KAPTURE_SEED: readonly SeededTicket<KaptureTicket>[] = seed();
