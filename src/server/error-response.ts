/** A refusal's GraphQL-shaped error body: one error with its message and code. */
export function errorBody(error: { readonly message: string; readonly code: string }): string {
  return JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] });
}

export const ERROR_CONTENT_TYPE = 'application/json; charset=utf-8';

/** An HTTP answer with a GraphQL-shaped error body, for requests refused before GraphQL runs. */
export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  error: { readonly message: string; readonly code: string },
  headers: Record<string, string> = {},
): Response {
  return new fetchAPI.Response(errorBody(error), {
    status,
    headers: { 'content-type': ERROR_CONTENT_TYPE, ...headers },
  });
}
