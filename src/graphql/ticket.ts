import type { Reply, Ticket } from '../domain/model.js';
import { AttachmentRef } from './attachment.js';
import { builder } from './builder.js';
import { ProviderEnum, SortOrderEnum, TextFormatEnum, TicketPriorityEnum, TicketStatusEnum } from './enums.js';
import { assertListSize, MAX_REFS_PER_QUERY, NodeRef } from './node.js';
import { NoteRef } from './note.js';
import { PersonRef } from './person.js';
import { ReplyRef } from './reply.js';

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

export const TicketObject = builder.objectRef<Ticket>('Ticket').implement({
  description: 'A support ticket, whichever system holds it, in one normalised shape.',
  interfaces: [NodeRef],
  fields: (t) => ({
    provider: t.expose('provider', { type: ProviderEnum, description: 'The system that holds the ticket.' }),
    number: t.exposeString('number', { description: 'The ticket number people see in that system.' }),
    subject: t.exposeString('subject', { nullable: true, description: 'The title.' }),
    body: t.exposeString('body', { nullable: true, description: 'The opening message, in `bodyFormat`.' }),
    bodyFormat: t.expose('bodyFormat', { type: TextFormatEnum, description: 'Whether `body` is HTML or plain text.' }),
    status: t.expose('status', { type: TicketStatusEnum, description: 'Where the ticket stands, normalised.' }),
    statusText: t.exposeString('statusText', {
      nullable: true,
      description: "The provider's own word for the status.",
    }),
    priority: t.expose('priority', {
      type: TicketPriorityEnum,
      nullable: true,
      description: 'How urgent it is, normalised.',
    }),
    priorityText: t.exposeString('priorityText', {
      nullable: true,
      description: "The provider's own word for the priority.",
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When the ticket was opened.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true, description: 'When it last changed.' }),
    lastReplyAt: t.expose('lastReplyAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the last reply was sent.',
    }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed, if it is.' }),
    requester: t.expose('requester', { type: PersonRef, nullable: true, description: 'The customer who opened it.' }),
    assignee: t.expose('assignee', { type: PersonRef, nullable: true, description: 'The desk member handling it.' }),
    department: t.exposeString('department', { nullable: true, description: 'Department or queue it is in.' }),
    tags: t.exposeStringList('tags', { description: 'Labels the provider attaches.' }),
    url: t.exposeString('url', { nullable: true, description: "Link to the ticket in the provider's own interface." }),
    notes: t.field({
      type: [NoteRef],
      description: "Internal notes, oldest first; notes with no date come first, in the provider's order.",
      resolve: (ticket) => oldestFirst(ticket.notes),
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
      resolve: (ticket, { order }) => sortReplies(ticket.replies, order),
    }),
    attachments: t.expose('attachments', {
      type: [AttachmentRef],
      description: 'Files attached to the ticket itself.',
    }),
    canUpdate: t.boolean({
      description: 'Whether `updateTicket` can change this ticket through its provider.',
      resolve: (ticket, _args, context) => context.providers.get(ticket.provider)!.capabilities.updateTicket,
    }),
    raw: t.expose('raw', {
      type: 'JSON',
      nullable: true,
      description: 'The upstream payload, for what the common model lacks.',
    }),
    fetchedAt: t.expose('fetchedAt', {
      type: 'DateTime',
      description: 'When the gateway read the ticket from its provider.',
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
