/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The enabled providers whose tickets `ticketList` can list, and what each can filter by: Sweeppea: `state`, `search`. HostUp (`HOSTUP_API=v2`): `state`. Kapture CRM: `state`, `createdAfter`, `createdBefore` (required: `createdAfter`, `createdBefore`; at most 31 days apart). */
export type ListableProvider =
  /** HostUp */
  | 'HOSTUP'
  /** Kapture CRM */
  | 'KAPTURE'
  /** Sweeppea */
  | 'SWEEPPEA';

/** A support-ticket system this gateway reads from. */
export type Provider =
  /** HostUp */
  | 'HOSTUP'
  /** Kapture CRM */
  | 'KAPTURE'
  /** Keliweb */
  | 'KELIWEB'
  /** Sweeppea */
  | 'SWEEPPEA';

/** How a body is written. */
export type TextFormat =
  /** HTML markup, as the provider stores it: not sanitised (`bodyHtml` is). */
  | 'HTML'
  /** Plain text; line breaks are significant. */
  | 'TEXT';

/** Which tickets a list holds. Each provider applies the filters its API can; one it cannot is a BAD_USER_INPUT error naming the filter, before any call. Sweeppea: `state`, `search`. HostUp (`HOSTUP_API=v2`): `state`. Kapture CRM: `state`, `createdAfter`, `createdBefore` (required: `createdAfter`, `createdBefore`; at most 31 days apart). */
export type TicketListFilter = {
  /** Only tickets created at or after this instant. */
  createdAfter?: string | null | undefined;
  /** Only tickets created before this instant. */
  createdBefore?: string | null | undefined;
  /** Words the provider matches against its tickets, as it matches them (at most 200 characters; blank is no search). */
  search?: string | null | undefined;
  /** Open, closed, or both. */
  state?: TicketState | null | undefined;
};

/** How urgent a ticket is, normalised; `Ticket.priorityText` keeps the upstream word. */
export type TicketPriority =
  /** High priority. */
  | 'HIGH'
  /** Low priority. */
  | 'LOW'
  /** Medium priority. */
  | 'MEDIUM'
  /** Urgent priority. */
  | 'URGENT';

/** Which ticket, in which system. */
export type TicketRef = {
  /** The ticket number people see in that system. */
  number: string;
  /** The system that holds it. */
  provider: Provider;
};

/** Which tickets a list holds, by whether they are closed. */
export type TicketState =
  /** Every ticket. */
  | 'ANY'
  /** Closed tickets. */
  | 'CLOSED'
  /** Every ticket that is not closed, whatever else its status says. */
  | 'OPEN';

/** Where a ticket stands, normalised across providers; `Ticket.statusText` keeps the upstream word. */
export type TicketStatus =
  /** Resolved or closed. */
  | 'CLOSED'
  /** The support desk is working on it. */
  | 'IN_PROGRESS'
  /** Paused, e.g. waiting on a third party. */
  | 'ON_HOLD'
  /** Waiting for the support desk to act. */
  | 'OPEN'
  /** A status the gateway cannot place; `statusText` has the upstream word. */
  | 'UNKNOWN'
  /** The support desk answered and waits for the customer. */
  | 'WAITING_ON_CUSTOMER';

/** The enabled providers whose tickets `updateTicket` can change. */
export type UpdatableProvider =
  /** Sweeppea */
  | 'SWEEPPEA';

/** Which ticket to change, by `id` or by `provider` and `number`, and what to change: `title`, `description` or both. */
export type UpdateTicketInput = {
  /** The new description, sent as given (HTML where the provider's descriptions are HTML): at most 20000 characters, not blank, without control characters other than tabs and \n or \r\n line breaks, nor bidirectional controls. Leave it out to keep the current one. */
  description?: string | null | undefined;
  /** The ticket's global id. Give this, or `provider` and `number`. */
  id?: string | number | null | undefined;
  /** A key of the caller's choosing (1 to 255 printable ASCII characters, no spaces) that makes a retry safe: the same key with the same input within 24 hours answers the first result again and sends nothing; with other input it is a ValidationError. A failure that made no change (`retryable: true`) is not remembered, so the same key may be sent again. */
  idempotencyKey?: string | null | undefined;
  /** The ticket's number as its provider shows it, with `provider`. */
  number?: string | null | undefined;
  /** The ticket's provider, with `number`. */
  provider?: UpdatableProvider | null | undefined;
  /** The new title: one line, at most 200 characters (UTF-16 code units, as the provider counts), trimmed, without control or bidirectional-control characters. Leave it out to keep the current one. */
  title?: string | null | undefined;
};

/** How the provider failed; the same codes as a query error's `extensions.code`. */
export type UpstreamErrorCode =
  /** The provider asked to slow down; see `retryAfter`. */
  | 'RATE_LIMITED'
  /** The provider failed or could not be reached. */
  | 'UPSTREAM_ERROR'
  /** The provider answered something the gateway cannot read. */
  | 'UPSTREAM_INVALID_RESPONSE'
  /** The provider did not answer in time; the change may or may not have been made. */
  | 'UPSTREAM_TIMEOUT';

export type DeferredTicketQueryVariables = Exact<{
  kapture: string;
  sweeppea: string;
}>;


export type DeferredTicketQuery = { __typename: 'Query', fast: { __typename: 'Ticket', id: string, subject: string | null, status: TicketStatus } | null } & ({ __typename: 'Query' } | { __typename: 'Query' }) & ({ slow: { __typename: 'Ticket', id: string, subject: string | null, replies: Array<{ __typename: 'Reply', id: string, body: string, createdAt: string | null }> } | null } | { slow?: never });

export type InboxQueryVariables = Exact<{
  provider: ListableProvider;
  filter?: TicketListFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { __typename: 'Query', ticketList: { __typename: 'TicketConnection', totalCount: number | null, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'TicketEdge', cursor: string, node: { __typename: 'Ticket', id: string, number: string, subject: string | null, status: TicketStatus, priority: TicketPriority | null, createdAt: string | null } }> } };

export type TicketPageQueryVariables = Exact<{
  provider: Provider;
  number: string;
}>;


export type TicketPageQuery = { __typename: 'Query', ticket: { __typename: 'Ticket', id: string, provider: Provider, number: string, subject: string | null, body: string | null, bodyFormat: TextFormat, status: TicketStatus, statusText: string | null, priority: TicketPriority | null, createdAt: string | null, updatedAt: string | null, canUpdate: boolean, requester: { __typename: 'Person', name: string | null, email: string | null } | null, assignee: { __typename: 'Person', name: string | null } | null, notes: Array<{ __typename: 'Note', id: string, createdAt: string | null, body: string, author: { __typename: 'Person', name: string | null } | null }>, replies: Array<{ __typename: 'Reply', id: string, createdAt: string | null, body: string, bodyFormat: TextFormat, author: { __typename: 'Person', name: string | null, isStaff: boolean | null } | null, attachments: Array<{ __typename: 'Attachment', filename: string, url: string | null }> }>, attachments: Array<{ __typename: 'Attachment', id: string, filename: string, url: string | null, size: number | null, contentType: string | null }> } | null };

export type TicketsByRefQueryVariables = Exact<{
  refs: Array<TicketRef> | TicketRef;
}>;


export type TicketsByRefQuery = { __typename: 'Query', tickets: Array<{ __typename: 'Ticket', id: string, provider: Provider, number: string, subject: string | null, status: TicketStatus, priority: TicketPriority | null, updatedAt: string | null } | null> };

export type UpdateTicketMutationVariables = Exact<{
  input: UpdateTicketInput;
}>;


export type UpdateTicketMutation = { __typename: 'Mutation', updateTicket:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'Ticket', id: string, subject: string | null, body: string | null, updatedAt: string | null }
    | { __typename: 'TicketClosedError', message: string }
    | { __typename: 'UnauthenticatedError', message: string }
    | { __typename: 'UnsupportedError', message: string }
    | { __typename: 'UpstreamError', message: string, code: UpstreamErrorCode, retryable: boolean, retryAfter: number | null }
    | { __typename: 'ValidationError', message: string, field: string }
   };


export const DeferredTicketDocument = {"__meta__":{"hash":"sha256:ec69c758e0108811327ee194d8efa3d299cc38952a29a8fd637e79cb1e0f0673"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeferredTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kapture"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sweeppea"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"fast"},"name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"KAPTURE"}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kapture"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","directives":[{"kind":"Directive","name":{"kind":"Name","value":"defer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"StringValue","value":"slow","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"slow"},"name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"SWEEPPEA"}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sweeppea"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeferredTicketQuery, DeferredTicketQueryVariables>;
export const InboxDocument = {"__meta__":{"hash":"sha256:57914fe43ddd4b8856c57a6a3f205a54756a74b7045f8f9a6ce6cf49f9f2644b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ListableProvider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketListFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ticketList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const TicketPageDocument = {"__meta__":{"hash":"sha256:fc565ef7d5a4cc2fc7c2fc368ae00a0a005b075ad04c7df0e87ad529bced9c32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyFormat"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"canUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyFormat"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]}}]}}]} as unknown as DocumentNode<TicketPageQuery, TicketPageQueryVariables>;
export const TicketsByRefDocument = {"__meta__":{"hash":"sha256:e77c4d224c1b7fd8bf325b61e5a40d276390a133467bdf4b081722b279204d57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketsByRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketRef"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<TicketsByRefQuery, TicketsByRefQueryVariables>;
export const UpdateTicketDocument = {"__meta__":{"hash":"sha256:ba256731b65082dcc94ff165a14a19cd5552bd312e6fddec97d9bafddb4d0c68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTicketMutation, UpdateTicketMutationVariables>;