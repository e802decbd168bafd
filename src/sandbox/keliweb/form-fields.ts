import { isJsonObject, parseJsonBody } from '../json-body.js';
import type { SandboxCall } from '../simulator.js';

/**
 * The request's input fields as Laravel's `$request->input()` sees them: the query string,
 * overridden by a multipart or url-encoded form (both accepted, docs/providers/keliweb.md) or a JSON object.
 * An unreadable body gives no fields, as PHP would.
 */
export async function formFields(call: SandboxCall): Promise<Map<string, string>> {
  const fields = new Map<string, string>(new URLSearchParams(call.url.split('?')[1] ?? ''));
  const contentType = String(call.headers['content-type'] ?? '');
  const type = contentType.toLowerCase();
  if (type.includes('application/json')) {
    const body = parseJsonBody(call.body);
    if (isJsonObject(body)) {
      for (const [name, value] of Object.entries(body)) {
        if (typeof value === 'string' || typeof value === 'number') fields.set(name, String(value));
      }
    }
  } else if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    try {
      const form = await new Response(new Uint8Array(call.body), {
        headers: { 'content-type': contentType },
      }).formData();
      form.forEach((value, name) => {
        if (typeof value === 'string') fields.set(name, value);
      });
    } catch {
      return fields;
    }
  }
  return fields;
}
