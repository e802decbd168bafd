/** What a test reads back from one HTTP call to a simulator. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** One HTTP call over the loopback; the body is parsed as JSON whatever the content type says. */
export async function call(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
