
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "_Entity": [
      "Ticket"
    ],
    "CloseTicketResult": [
      "ForbiddenError",
      "NotFoundError",
      "Ticket",
      "TicketClosedError",
      "UnauthenticatedError",
      "UnsupportedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Error": [
      "ForbiddenError",
      "NotFoundError",
      "TicketClosedError",
      "UnauthenticatedError",
      "UnsupportedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Node": [
      "Ticket"
    ],
    "ReopenTicketResult": [
      "ForbiddenError",
      "NotFoundError",
      "Ticket",
      "TicketClosedError",
      "UnauthenticatedError",
      "UnsupportedError",
      "UpstreamError",
      "ValidationError"
    ],
    "ReplyToTicketResult": [
      "ForbiddenError",
      "NotFoundError",
      "Ticket",
      "TicketClosedError",
      "UnauthenticatedError",
      "UnsupportedError",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTicketResult": [
      "ForbiddenError",
      "NotFoundError",
      "Ticket",
      "TicketClosedError",
      "UnauthenticatedError",
      "UnsupportedError",
      "UpstreamError",
      "ValidationError"
    ]
  }
};
      export default result;
    