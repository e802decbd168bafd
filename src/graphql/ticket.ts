import type { Context } from '../loading/context.js';
import type { Reply, Ticket } from '../domain/model.js';
import type { ListedFields, ListedTicket } from '../domain/ticket-list.js';
import { AttachmentRef } from './attachment.js';
import { builder } from './builder.js';
import { ProviderEnum, SortOrderEnum, TextFormatEnum, TicketPriorityEnum, TicketStatusEnum } from './enums.js';
import { assertListSize, MAX_REFS_PER_QUERY, NodeRef } from './node.js';
import { NoteRef } from './note.js';
import { PersonRef } from './person.js';
import { ReplyRef } from './reply.js';
import { type BodySource, bodyDescriptions, bodyHtml, bodyText } from './safe-body.js';

const time = (entry: { readonly createdAt: string | null }) =>
  entry.createdAt ? Date.parse(entry.createdAt) : Number.NEGATIVE_INFINITY;

/**
 * Oldest first by `createdAt` (the instant, whatever the offsets), stable: undated entries lead
 * and keep the provider's order among themselves, as do entries of the same instant.
 */
function oldestFirst<T extends { readonly createdAt: string | null }>(entries: readonly T[], newestFirst = false): T[] {
  const direction = newestFirst ? -1 : 1;
  return [...entries].sort((a, b) => {
    const [x, y] = [time(a), time(b)];
    return x === y ? 0 : x < y ? -direction : direction;
  });
}

/** By time sent; DESC reverses the times only, so ties and undated replies keep the provider's order. */
function sortReplies(replies: readonly Reply[], order: 'ASC' | 'DESC'): Reply[] {
  return oldestFirst(replies, order === 'DESC');
}

/** A ticket as the graph resolves it: read whole, or as a list answer showed it. */
export type TicketSource = Ticket | ListedTicket;

const isListed = (source: TicketSource): source is ListedTicket => 'listed' in source;

/**
 * A field of a ticket. A listed ticket answers the fields its list answer gave; any other is read
 * with the ticket, through the request's batched loader, so a page asking for summary fields
 * alone costs the list calls alone.
 */
function fieldOf<K extends keyof ListedFields>(
  source: TicketSource,
  key: K,
  context: Context,
): Promise<Ticket[K]> | Ticket[K] {
  if (!isListed(source)) return source[key];
  if (Object.hasOwn(source.listed, key)) return source.listed[key] as Ticket[K];
  return context.tickets.loadListed(source).then((ticket) => ticket[key]);
}

/** The object a ticket's body and its format are read from, as `body` and `bodyFormat` read them. */
function bodyOf(source: TicketSource, context: Context): BodySource | Promise<BodySource> {
  if (!isListed(source)) return source;
  const { listed } = source;
  if (Object.hasOwn(listed, 'body') && Object.hasOwn(listed, 'bodyFormat')) return listed as BodySource;
  return context.tickets.loadListed(source);
}

/** The resolver of a field made from the body (`bodyHtml`, `bodyText`): it costs what `body` costs. */
const fromBody =
  (make: (source: BodySource) => string | null) => (source: TicketSource, _args: unknown, context: Context) => {
    const body = bodyOf(source, context);
    return body instanceof Promise ? body.then(make) : make(body);
  };

const BODY = bodyDescriptions('The opening message', 'in `bodyFormat`');

/** The resolver of field `key`, wherever the ticket came from. */
const read =
  <K extends keyof ListedFields>(key: K) =>
  (source: TicketSource, _args: unknown, context: Context) =>
    fieldOf(source, key, context);

export const TicketObject = builder.objectRef<TicketSource>('Ticket').implement({
  description: 'A support ticket, whichever system holds it, in one normalised shape.',
  interfaces: [NodeRef],
  fields: (t) => ({
    provider: t.expose('provider', { type: ProviderEnum, description: 'The system that holds the ticket.' }),
    number: t.exposeString('number', { description: 'The ticket number people see in that system.' }),
    subject: t.string({ nullable: true, description: 'The title.', resolve: read('subject') }),
    body: t.string({ nullable: true, description: BODY.body, resolve: read('body') }),
    bodyHtml: t.string({ nullable: true, description: BODY.bodyHtml, resolve: fromBody(bodyHtml) }),
    bodyText: t.string({ nullable: true, description: BODY.bodyText, resolve: fromBody(bodyText) }),
    bodyFormat: t.field({
      type: TextFormatEnum,
      description: 'Whether `body` is HTML or plain text.',
      resolve: read('bodyFormat'),
    }),
    status: t.field({
      type: TicketStatusEnum,
      description: 'Where the ticket stands, normalised.',
      resolve: read('status'),
    }),
    statusText: t.string({
      nullable: true,
      description: "The provider's own word for the status.",
      resolve: read('statusText'),
    }),
    priority: t.field({
      type: TicketPriorityEnum,
      nullable: true,
      description: 'How urgent it is, normalised.',
      resolve: read('priority'),
    }),
    priorityText: t.string({
      nullable: true,
      description: "The provider's own word for the priority.",
      resolve: read('priorityText'),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the ticket was opened.',
      resolve: read('createdAt'),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last changed.',
      resolve: read('updatedAt'),
    }),
    lastReplyAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the last reply was sent.',
      resolve: read('lastReplyAt'),
    }),
    closedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was closed, if it is.',
      resolve: read('closedAt'),
    }),
    requester: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The customer who opened it.',
      resolve: read('requester'),
    }),
    assignee: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The desk member handling it.',
      resolve: read('assignee'),
    }),
    department: t.string({
      nullable: true,
      description: 'Department or queue it is in.',
      resolve: read('department'),
    }),
    tags: t.stringList({
      description: 'Labels the provider attaches.',
      resolve: read('tags'),
    }),
    url: t.string({
      nullable: true,
      description: "Link to the ticket in the provider's own interface.",
      resolve: read('url'),
    }),
    notes: t.field({
      type: [NoteRef],
      description: "Internal notes, oldest first; notes with no date come first, in the provider's order.",
      resolve: async (ticket, _args, context) => oldestFirst(await fieldOf(ticket, 'notes', context)),
    }),
    replies: t.field({
      type: [ReplyRef],
      description: 'The conversation after the opening message.',
      args: {
        order: t.arg({
          type: SortOrderEnum,
          defaultValue: 'ASC',
          required: true,
          description: "By time sent; replies with no date count as the oldest, in the provider's order.",
        }),
      },
      resolve: async (ticket, { order }, context) => sortReplies(await fieldOf(ticket, 'replies', context), order),
    }),
    attachments: t.field({
      type: [AttachmentRef],
      description: 'Files attached to the ticket itself.',
      resolve: read('attachments'),
    }),
    canUpdate: t.boolean({
      description: 'Whether `updateTicket` can change this ticket through its provider.',
      resolve: (ticket, _args, context) => context.providers.get(ticket.provider)!.capabilities.updateTicket,
    }),
    raw: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The upstream payload, for what the common model lacks.',
      resolve: read('raw'),
    }),
    fetchedAt: t.field({
      type: 'DateTime',
      description: 'When the gateway read the ticket from its provider.',
      resolve: read('fetchedAt'),
    }),
  }),
});

export const TicketRefInput = builder.inputType('TicketRef', {
  description: 'Which ticket, in which system.',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, required: true, description: 'The system that holds it.' }),
    number: t.string({ required: true, description: 'The ticket number people see in that system.' }),
  }),
});

builder.queryFields((t) => ({
  ticket: t.field({
    type: TicketObject,
    nullable: true,
    description: 'One ticket by provider and number; null with an error (e.g. NOT_FOUND) when it cannot be read.',
    args: {
      provider: t.arg({ type: ProviderEnum, required: true, description: 'The system that holds it.' }),
      number: t.arg.string({ required: true, description: 'The ticket number people see in that system.' }),
    },
    resolve: (_root, ref, context) => context.tickets.load(ref),
  }),
  tickets: t.field({
    type: [TicketObject],
    nullable: { list: false, items: true },
    description:
      `Tickets from any providers, in the order asked (at most ${MAX_REFS_PER_QUERY}); each that ` +
      `fails is null with its own error.`,
    args: { refs: t.arg({ type: [TicketRefInput], required: true, description: 'The tickets to read.' }) },
    resolve: (_root, { refs }, context) => {
      assertListSize(refs.length, 'refs');
      return refs.map((ref) => context.tickets.load(ref));
    },
  }),
}));
