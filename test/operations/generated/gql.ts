/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DeferredTicket($kapture: String!, $sweeppea: String!) {\n  fast: ticket(provider: KAPTURE, number: $kapture) {\n    id\n    subject\n    status\n  }\n  ... @defer(label: \"slow\") {\n    slow: ticket(provider: SWEEPPEA, number: $sweeppea) {\n      id\n      subject\n      replies {\n        id\n        body\n        createdAt\n      }\n    }\n  }\n}": typeof types.DeferredTicketDocument,
    "query Inbox($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) {\n  ticketList(provider: $provider, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        number\n        subject\n        status\n        priority\n        createdAt\n      }\n    }\n  }\n}": typeof types.InboxDocument,
    "query TicketPage($provider: Provider!, $number: String!) {\n  ticket(provider: $provider, number: $number) {\n    id\n    provider\n    number\n    subject\n    body\n    bodyFormat\n    status\n    statusText\n    priority\n    createdAt\n    updatedAt\n    canUpdate\n    requester {\n      name\n      email\n    }\n    assignee {\n      name\n    }\n    notes {\n      id\n      createdAt\n      body\n      author {\n        name\n      }\n    }\n    replies {\n      id\n      createdAt\n      body\n      bodyFormat\n      author {\n        name\n        isStaff\n      }\n      attachments {\n        filename\n        url\n      }\n    }\n    attachments {\n      id\n      filename\n      url\n      size\n      contentType\n    }\n  }\n}": typeof types.TicketPageDocument,
    "query TicketsByRef($refs: [TicketRef!]!) {\n  tickets(refs: $refs) {\n    id\n    provider\n    number\n    subject\n    status\n    priority\n    updatedAt\n  }\n}": typeof types.TicketsByRefDocument,
    "mutation UpdateTicket($input: UpdateTicketInput!) {\n  updateTicket(input: $input) {\n    __typename\n    ... on Ticket {\n      id\n      subject\n      body\n      updatedAt\n    }\n    ... on Error {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n    ... on UpstreamError {\n      code\n      retryable\n      retryAfter\n    }\n  }\n}": typeof types.UpdateTicketDocument,
};
const documents: Documents = {
    "query DeferredTicket($kapture: String!, $sweeppea: String!) {\n  fast: ticket(provider: KAPTURE, number: $kapture) {\n    id\n    subject\n    status\n  }\n  ... @defer(label: \"slow\") {\n    slow: ticket(provider: SWEEPPEA, number: $sweeppea) {\n      id\n      subject\n      replies {\n        id\n        body\n        createdAt\n      }\n    }\n  }\n}": types.DeferredTicketDocument,
    "query Inbox($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) {\n  ticketList(provider: $provider, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        number\n        subject\n        status\n        priority\n        createdAt\n      }\n    }\n  }\n}": types.InboxDocument,
    "query TicketPage($provider: Provider!, $number: String!) {\n  ticket(provider: $provider, number: $number) {\n    id\n    provider\n    number\n    subject\n    body\n    bodyFormat\n    status\n    statusText\n    priority\n    createdAt\n    updatedAt\n    canUpdate\n    requester {\n      name\n      email\n    }\n    assignee {\n      name\n    }\n    notes {\n      id\n      createdAt\n      body\n      author {\n        name\n      }\n    }\n    replies {\n      id\n      createdAt\n      body\n      bodyFormat\n      author {\n        name\n        isStaff\n      }\n      attachments {\n        filename\n        url\n      }\n    }\n    attachments {\n      id\n      filename\n      url\n      size\n      contentType\n    }\n  }\n}": types.TicketPageDocument,
    "query TicketsByRef($refs: [TicketRef!]!) {\n  tickets(refs: $refs) {\n    id\n    provider\n    number\n    subject\n    status\n    priority\n    updatedAt\n  }\n}": types.TicketsByRefDocument,
    "mutation UpdateTicket($input: UpdateTicketInput!) {\n  updateTicket(input: $input) {\n    __typename\n    ... on Ticket {\n      id\n      subject\n      body\n      updatedAt\n    }\n    ... on Error {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n    ... on UpstreamError {\n      code\n      retryable\n      retryAfter\n    }\n  }\n}": types.UpdateTicketDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeferredTicket($kapture: String!, $sweeppea: String!) {\n  fast: ticket(provider: KAPTURE, number: $kapture) {\n    id\n    subject\n    status\n  }\n  ... @defer(label: \"slow\") {\n    slow: ticket(provider: SWEEPPEA, number: $sweeppea) {\n      id\n      subject\n      replies {\n        id\n        body\n        createdAt\n      }\n    }\n  }\n}"): (typeof documents)["query DeferredTicket($kapture: String!, $sweeppea: String!) {\n  fast: ticket(provider: KAPTURE, number: $kapture) {\n    id\n    subject\n    status\n  }\n  ... @defer(label: \"slow\") {\n    slow: ticket(provider: SWEEPPEA, number: $sweeppea) {\n      id\n      subject\n      replies {\n        id\n        body\n        createdAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Inbox($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) {\n  ticketList(provider: $provider, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        number\n        subject\n        status\n        priority\n        createdAt\n      }\n    }\n  }\n}"): (typeof documents)["query Inbox($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) {\n  ticketList(provider: $provider, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        number\n        subject\n        status\n        priority\n        createdAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TicketPage($provider: Provider!, $number: String!) {\n  ticket(provider: $provider, number: $number) {\n    id\n    provider\n    number\n    subject\n    body\n    bodyFormat\n    status\n    statusText\n    priority\n    createdAt\n    updatedAt\n    canUpdate\n    requester {\n      name\n      email\n    }\n    assignee {\n      name\n    }\n    notes {\n      id\n      createdAt\n      body\n      author {\n        name\n      }\n    }\n    replies {\n      id\n      createdAt\n      body\n      bodyFormat\n      author {\n        name\n        isStaff\n      }\n      attachments {\n        filename\n        url\n      }\n    }\n    attachments {\n      id\n      filename\n      url\n      size\n      contentType\n    }\n  }\n}"): (typeof documents)["query TicketPage($provider: Provider!, $number: String!) {\n  ticket(provider: $provider, number: $number) {\n    id\n    provider\n    number\n    subject\n    body\n    bodyFormat\n    status\n    statusText\n    priority\n    createdAt\n    updatedAt\n    canUpdate\n    requester {\n      name\n      email\n    }\n    assignee {\n      name\n    }\n    notes {\n      id\n      createdAt\n      body\n      author {\n        name\n      }\n    }\n    replies {\n      id\n      createdAt\n      body\n      bodyFormat\n      author {\n        name\n        isStaff\n      }\n      attachments {\n        filename\n        url\n      }\n    }\n    attachments {\n      id\n      filename\n      url\n      size\n      contentType\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TicketsByRef($refs: [TicketRef!]!) {\n  tickets(refs: $refs) {\n    id\n    provider\n    number\n    subject\n    status\n    priority\n    updatedAt\n  }\n}"): (typeof documents)["query TicketsByRef($refs: [TicketRef!]!) {\n  tickets(refs: $refs) {\n    id\n    provider\n    number\n    subject\n    status\n    priority\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateTicket($input: UpdateTicketInput!) {\n  updateTicket(input: $input) {\n    __typename\n    ... on Ticket {\n      id\n      subject\n      body\n      updatedAt\n    }\n    ... on Error {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n    ... on UpstreamError {\n      code\n      retryable\n      retryAfter\n    }\n  }\n}"): (typeof documents)["mutation UpdateTicket($input: UpdateTicketInput!) {\n  updateTicket(input: $input) {\n    __typename\n    ... on Ticket {\n      id\n      subject\n      body\n      updatedAt\n    }\n    ... on Error {\n      message\n    }\n    ... on ValidationError {\n      field\n    }\n    ... on UpstreamError {\n      code\n      retryable\n      retryAfter\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;