/** The query GraphiQL opens with and the README shows: one ticket from each sandbox provider. */
export const EXAMPLE_QUERY = `# One ticket from each provider, in one query.
# Press the run button (or Ctrl-Enter); open the Docs panel to explore the schema.
query TicketsAcrossProviders {
  tickets(
    refs: [
      { provider: SWEEPPEA, number: "HYXTNJV" }
      { provider: HOSTUP, number: "616828" }
      { provider: KELIWEB, number: "516757" }
      { provider: KAPTURE, number: "713516551148" }
    ]
  ) {
    id
    provider
    number
    subject
    status
    statusText
    priority
    createdAt
    requester { name email }
    notes { createdAt body }
    replies { createdAt body author { name isStaff } }
    attachments { filename url }
  }
}
`;
