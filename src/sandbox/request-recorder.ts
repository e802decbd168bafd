import type { ProviderName } from '../domain/model.js';
import type { RecordedRequest } from './types.js';

/** Every request the simulators received, in order of arrival, with a count per provider. */
export class RequestRecorder {
  readonly entries: RecordedRequest[] = [];
  #counts = new Map<ProviderName, number>();
  /** Whether entries are kept; counts always are. */
  keeping = true;

  /** Records a request on arrival, before its body is read; the caller fills `body` in later. */
  record(entry: RecordedRequest): RecordedRequest {
    if (this.keeping) this.entries.push(entry);
    this.#counts.set(entry.provider, this.count(entry.provider) + 1);
    return entry;
  }

  count(provider: ProviderName): number {
    return this.#counts.get(provider) ?? 0;
  }

  clear(): void {
    this.entries.length = 0;
    this.#counts.clear();
  }
}
