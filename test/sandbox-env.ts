import { PROVIDER_NAMES } from '../src/domain/model.js';

/** The environment that points every provider of a gateway process at a sandbox: its URLs and keys. */
export function sandboxEnv(sandbox: {
  readonly urls: Readonly<Record<string, string>>;
  readonly keys: Readonly<Record<string, string>>;
}): Record<string, string> {
  return Object.fromEntries(
    PROVIDER_NAMES.flatMap((name) => [
      [`${name.toUpperCase()}_BASE_URL`, sandbox.urls[name]!],
      [`${name.toUpperCase()}_API_KEY`, sandbox.keys[name]!],
    ]),
  );
}
