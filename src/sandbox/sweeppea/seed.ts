import { SeededRandom } from '../seeded-random.js';
import { laterThan, seedInstants } from '../seed-timeline.js';
import type { SeededTicket } from '../ticket-store.js';
import type { TenantOwner } from '../types.js';
import {
  CLOSERS,
  FILES,
  NOTES,
  OTHER_PEOPLE,
  OTHER_SWEEPSTAKES,
  PRIMARY_PEOPLE,
  SWEEPSTAKES,
  TOPICS,
  USER_AGENTS,
  type SweeppeaPerson,
  type SweeppeaTopic,
} from './seed-text.js';
import { LIST_TOPICS, OTHER_LIST_TOPICS } from './seed-list-text.js';

export interface SweeppeaAccountInfo {
  UserToken: string;
  FullName: string;
  Email: string;
  MobileNumber: string;
  UserType: string;
  UserAgent: string;
  IpAddress: string;
  Language: string;
  GeoLat: number;
  GeoLon: number;
  SweepstakesName: string;
}
export interface SweeppeaNote {
  Id: string;
  Date: string;
  Note: string;
}
/** The element shape of `Files` is undocumented; this one mirrors the model's Attachment. */
export interface SweeppeaFile {
  Id: string;
  FileName: string;
  Url: string;
  Size: number;
  ContentType: string;
}
export interface SweeppeaStatistic {
  Id: string;
  Date: string;
  UserToken: string;
  Action: string;
}

/** A ticket as `fetchSingleTicket` answers it under `Data`: every field of the documented example. */
export interface SweeppeaTicket {
  CaseNumber: string;
  Date: string;
  AccountInfo: SweeppeaAccountInfo;
  Subject: string;
  Description: string;
  Priority: 1 | 2 | 3;
  NotifyUsers: string[];
  Collaborators: string[];
  ClosedBy: string | null;
  CloseDate: string | null;
  Notes: SweeppeaNote[];
  Files: SweeppeaFile[];
  Survey: Record<string, unknown>;
  Pin: boolean;
  Views: number;
  Completion: number;
  ResourceAffected: string;
  Documentation: string[];
  Statistics: SweeppeaStatistic[];
  Status: boolean;
  AttachmentInfo: Record<string, unknown>;
  GitHubIssue: Record<string, unknown>;
}

const random = new SeededRandom(0x5eeb9ea);
const PRIMARY_COUNT = 26;
const OTHER_COUNT = 4;
/** Seeded after the first 30 (which tests name), so that the list endpoints have pages to turn. */
const LATER_PRIMARY_COUNT = 40;

/** The user token of each tenant's API key holder: `/tickets/update` records it in Statistics. */
export const SWEEPPEA_USER_TOKENS: Readonly<Record<TenantOwner, string>> = {
  primary: 'a3f1c9e27b4d4f08b6e5d2c71f90ab34',
  other: '7d2e4b19c0a84e6f9b3a5c8d1e2f6a70',
};

/** The name of each tenant's API key holder: who `/tickets/resolve` records as `ClosedBy`. */
export const SWEEPPEA_KEY_HOLDERS: Readonly<Record<TenantOwner, string>> = {
  primary: PRIMARY_PEOPLE[0]!.fullName,
  other: OTHER_PEOPLE[0]!.fullName,
};

const tokens = new Map<string, string>([
  [PRIMARY_PEOPLE[0]!.email, SWEEPPEA_USER_TOKENS.primary],
  [OTHER_PEOPLE[0]!.email, SWEEPPEA_USER_TOKENS.other],
]);
const objectId = (): string => random.hex(24);
const iso = (ms: number): string => new Date(ms).toISOString();

function accountInfo(person: SweeppeaPerson, sweepstakes: string): SweeppeaAccountInfo {
  const token = tokens.get(person.email) ?? random.hex(32);
  tokens.set(person.email, token);
  return {
    UserToken: token,
    FullName: person.fullName,
    Email: person.email,
    MobileNumber: person.mobile,
    UserType: person.userType,
    UserAgent: random.pick(USER_AGENTS),
    IpAddress: `203.0.113.${random.int(2, 254)}`,
    Language: person.language,
    GeoLat: person.geo[0],
    GeoLon: person.geo[1],
    SweepstakesName: sweepstakes,
  };
}

function caseNumbers(count: number, taken: readonly string[] = []): string[] {
  const numbers = new Set<string>(taken.length === 0 ? ['HYXTNJV', '2650478'] : []);
  while (numbers.size < count) {
    const number = String(random.int(2_000_000, 2_999_999));
    if (!taken.includes(number)) numbers.add(number);
  }
  return [...numbers];
}

/**
 * The example in the provider's documentation (docs/providers/sweeppea.md), its placeholders
 * replaced by realistic values.
 */
function exampleTicket(): SweeppeaTicket {
  const account = accountInfo(PRIMARY_PEOPLE[0]!, 'Summer Giveaway 2025');
  return {
    CaseNumber: 'HYXTNJV',
    Date: '2025-01-26T10:00:00.000Z',
    AccountInfo: { ...account, IpAddress: '192.168.1.1', GeoLat: 40.7128, GeoLon: -74.006 },
    Subject: 'Issue with sweepstakes configuration',
    Description:
      '<p>Unable to configure the entry page settings for <strong>Summer Giveaway 2025</strong>: the &quot;Save&quot; button stays disabled after changing the background image.</p>',
    Priority: 2,
    NotifyUsers: ['support@example.com'],
    Collaborators: [],
    ClosedBy: null,
    CloseDate: null,
    Notes: [{ Id: '65962e4f8c1d2a0012ab34cd', Date: '2025-01-26T11:00:00.000Z', Note: 'Investigating the issue...' }],
    Files: [],
    Survey: {},
    Pin: false,
    Views: 5,
    Completion: 50,
    ResourceAffected: 'renaissance',
    Documentation: [],
    Statistics: [
      {
        Id: '65962e4f8c1d2a0012ab34ce',
        Date: '2025-01-26T10:00:00.000Z',
        UserToken: account.UserToken,
        Action: 'create',
      },
    ],
    Status: false,
    AttachmentInfo: {},
    GitHubIssue: {},
  };
}

/** What a generated ticket is about and whether it is closed; by default both follow from its index. */
interface TicketTheme {
  readonly topic: SweeppeaTopic;
  readonly closed: boolean;
}

function themeOf(index: number): TicketTheme {
  const topic =
    index === 1
      ? {
          subject: 'Issue with sweepstakes entry',
          resource: 'entry-page',
          description: '<p>Users are unable to submit entries on the mobile version; the spinner never stops.</p>',
        }
      : TOPICS[index % TOPICS.length]!;
  return { topic, closed: index % 3 === 2 };
}

function generatedTicket(
  index: number,
  caseNumber: string,
  created: number,
  owner: TenantOwner,
  { topic, closed }: TicketTheme = themeOf(index),
): SweeppeaTicket {
  const people = owner === 'primary' ? PRIMARY_PEOPLE : OTHER_PEOPLE;
  const account = accountInfo(random.pick(people), random.pick(owner === 'primary' ? SWEEPSTAKES : OTHER_SWEEPSTAKES));
  let at = created;
  const noteCount = index % 5 === 3 ? random.int(10, 14) : random.int(0, 3);
  const notes = Array.from({ length: noteCount }, (_, n) => {
    at = laterThan(random, at, 20, 60 * 30);
    return { Id: objectId(), Date: iso(at), Note: NOTES[(index + n) % NOTES.length]! };
  });
  const files =
    index % 4 === 1
      ? random.sample(FILES, random.int(1, 3)).map((file) => ({
          Id: objectId(),
          FileName: file.name,
          Url: `https://files.sweeppea.com/support/${caseNumber}/${encodeURIComponent(file.name)}`,
          Size: random.int(8_000, 2_400_000),
          ContentType: file.type,
        }))
      : [];
  const closedAt = closed ? laterThan(random, at, 30, 60 * 48) : null;
  const statistics: SweeppeaStatistic[] = [
    { Id: objectId(), Date: iso(created), UserToken: account.UserToken, Action: 'create' },
  ];
  if (closedAt !== null)
    statistics.push({ Id: objectId(), Date: iso(closedAt), UserToken: account.UserToken, Action: 'resolve' });
  return {
    CaseNumber: caseNumber,
    Date: iso(created),
    AccountInfo: account,
    Subject: topic.subject,
    Description: topic.description,
    Priority: random.pick([1, 2, 3] as const),
    NotifyUsers: [account.Email],
    Collaborators: index % 7 === 0 ? [people[0]!.email] : [],
    // ClosedBy's type is undocumented: the closing agent's display name.
    ClosedBy: closed ? random.pick(CLOSERS) : null,
    CloseDate: closedAt === null ? null : iso(closedAt),
    Notes: notes,
    Files: files,
    Survey: closed && index % 2 === 0 ? { Rating: random.int(3, 5), Comment: 'Quick and friendly 🙌' } : {},
    Pin: index % 9 === 4,
    Views: random.int(1, 80),
    Completion: closed ? 100 : random.pick([0, 10, 25, 50, 75, 90]),
    ResourceAffected: topic.resource,
    Documentation: index % 6 === 0 ? ['https://help.sweeppea.com/article/entry-page-settings'] : [],
    Statistics: statistics,
    Status: closed,
    AttachmentInfo:
      files.length > 0 ? { Count: files.length, TotalSize: files.reduce((sum, file) => sum + file.Size, 0) } : {},
    GitHubIssue:
      index % 5 === 3
        ? {
            Number: 4800 + index,
            Url: `https://github.com/sweeppea/platform/issues/${4800 + index}`,
            State: closed ? 'closed' : 'open',
          }
        : {},
  };
}

function seed(): SeededTicket<SweeppeaTicket>[] {
  const numbers = caseNumbers(PRIMARY_COUNT + OTHER_COUNT);
  const instants = seedInstants(random, numbers.length);
  return numbers.map((caseNumber, index) => {
    const owner: TenantOwner = index < PRIMARY_COUNT ? 'primary' : 'other';
    const ticket = index === 0 ? exampleTicket() : generatedTicket(index, caseNumber, instants[index]!, owner);
    return { owner, ticket };
  });
}

/**
 * The tickets seeded after the first 30, drawn after them so those stay as they were: 40 of the
 * primary tenant (every third closed, starting with the second), their topics first LIST_TOPICS
 * then TOPICS in turn, and 2 of the other tenant (the second closed). The first two share a
 * creation instant (one open, one closed), and so do the third and fourth (both open): ties.
 */
function laterSeed(taken: readonly string[]): SeededTicket<SweeppeaTicket>[] {
  const numbers = caseNumbers(LATER_PRIMARY_COUNT + OTHER_LIST_TOPICS.length, taken);
  const instants = seedInstants(random, numbers.length);
  instants[1] = instants[0]!;
  instants[3] = instants[2]!;
  return numbers.map((caseNumber, index) => {
    const owner: TenantOwner = index < LATER_PRIMARY_COUNT ? 'primary' : 'other';
    const theme: TicketTheme =
      owner === 'other'
        ? { topic: OTHER_LIST_TOPICS[index - LATER_PRIMARY_COUNT]!, closed: index === numbers.length - 1 }
        : {
            topic: LIST_TOPICS[index] ?? TOPICS[(index - LIST_TOPICS.length) % TOPICS.length]!,
            closed: index % 3 === 1,
          };
    const seedIndex = PRIMARY_COUNT + OTHER_COUNT + index;
    return { owner, ticket: generatedTicket(seedIndex, caseNumber, instants[index]!, owner, theme) };
  });
}

function everySeed(): SeededTicket<SweeppeaTicket>[] {
  const first = seed();
  return [...first, ...laterSeed(first.map((entry) => entry.ticket.CaseNumber))];
}

/**
 * Sweeppea's seeded tickets in its wire format: 26 of the primary tenant and 4 of the other, then
 * 40 and 2 more (laterSeed): 66 primary tickets, 45 open and 21 closed, and 6 of the other tenant.
 */
export const SWEEPPEA_SEED: readonly SeededTicket<SweeppeaTicket>[] = everySeed();
