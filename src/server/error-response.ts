/** An HTTP answer with a GraphQL-shaped error body, for requests refused before GraphQL runs. */
export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  error: { readonly message: string; readonly code: string },
  headers: Record<string, string> = {},
): Response {
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
    {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    },
  );
}
