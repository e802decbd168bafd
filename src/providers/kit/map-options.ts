import type { IsoDateTime } from '../../domain/model.js';

/** What every provider's mapper is given besides the payload. */
export interface MapOptions {
  /**
   * IANA zone of the provider's zone-less dates (`<PROVIDER>_TIMEZONE`, by default the zone
   * catalog.ts gives it, else UTC). A provider whose dates all carry an offset reads none.
   */
  readonly timezone: string;
  /** When the gateway read the ticket (ISO-8601). */
  readonly fetchedAt: IsoDateTime;
}
