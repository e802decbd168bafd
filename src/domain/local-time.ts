/**
 * A fast path for reading zone-less local timestamps (`dd-MM-yyyy HH:mm` in Asia/Kolkata, …) as
 * luxon's `DateTime.fromFormat(text, format, { zone, setZone: true }).toISO()` would, for the
 * formats and zones providers use. Luxon re-tokenises the format and asks Intl for the zone's
 * offset on every call, a cost the README's Performance section measures.
 * Anything outside the fast path's cases gives `undefined`, and the caller asks luxon; a property
 * test holds the two equal.
 */

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

interface CompiledFormat {
  readonly pattern: RegExp;
  readonly fields: readonly Field[];
}

/** The luxon tokens the fast path reads, each a fixed count of ASCII digits, as luxon reads them. */
const TOKENS: ReadonlyArray<readonly [string, Field, number]> = [
  ['yyyy', 'year', 4],
  ['MM', 'month', 2],
  ['dd', 'day', 2],
  ['HH', 'hour', 2],
  ['mm', 'minute', 2],
  ['ss', 'second', 2],
];

const compiled = new Map<string, CompiledFormat | null>();

/** The format as an anchored pattern, or null when it has a token the fast path does not read. */
function compile(format: string): CompiledFormat | null {
  let cached = compiled.get(format);
  if (cached === undefined) {
    let source = '';
    const fields: Field[] = [];
    let rest = format;
    cached = null;
    while (rest.length > 0) {
      const token = TOKENS.find(([text]) => rest.startsWith(text));
      if (token) {
        source += `(\\d{${token[2]}})`;
        fields.push(token[1]);
        rest = rest.slice(token[0].length);
      } else if (/^[A-Za-z']/.test(rest)) {
        source = '';
        break;
      } else {
        source += rest[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        rest = rest.slice(1);
      }
    }
    if (source !== '' && new Set(fields).size === fields.length)
      cached = { pattern: new RegExp(`^${source}$`), fields };
    compiled.set(format, cached);
  }
  return cached;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const knownZones = new Map<string, boolean>();

function isIanaZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

/** Intl's formatter for the zone; undefined for a zone Intl does not know. */
function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(zone);
  if (!formatter) {
    if (!isIanaZone(zone)) return undefined;
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at instant `ts`, in minutes (possibly fractional, for old local mean times). */
function exactOffset(zone: string, ts: number): number {
  const parts: Partial<Record<string, number>> = {};
  let bc = false;
  for (const part of formatterFor(zone)!.formatToParts(ts)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = bc ? 1 - parts.year! : parts.year!;
  const asUtc = Date.UTC(year, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const whole = ts - (((ts % 1000) + 1000) % 1000);
  return (asUtc - whole) / 60_000;
}

const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The offset at `ts`, remembered per zone and quarter-hour: a zone changes offset at most once in
 * a quarter-hour, so when both ends of one agree, so does every instant between.
 */
function offsetAt(zone: string, ts: number): number {
  const bucket = Math.floor(ts / BUCKET_MS);
  let zoneOffsets = offsets.get(zone);
  if (!zoneOffsets) {
    zoneOffsets = new Map();
    offsets.set(zone, zoneOffsets);
  }
  const known = zoneOffsets.get(bucket);
  if (known !== undefined) return known;
  const start = exactOffset(zone, bucket * BUCKET_MS);
  if (start !== exactOffset(zone, (bucket + 1) * BUCKET_MS - 1)) return exactOffset(zone, ts);
  if (zoneOffsets.size > 100_000) zoneOffsets.clear();
  zoneOffsets.set(bucket, start);
  return start;
}

/** Luxon's fixOffset: the instant of a local time in `zone`, the later offset when it is ambiguous. */
function instantOf(localAsUtc: number, zone: string): [number, number] {
  const guess = offsetAt(zone, Date.now());
  let utc = localAsUtc - guess * 60_000;
  const o2 = offsetAt(zone, utc);
  if (guess === o2) return [utc, guess];
  utc -= (o2 - guess) * 60_000;
  const o3 = offsetAt(zone, utc);
  if (o2 === o3) return [utc, o2];
  return [localAsUtc - Math.min(o2, o3) * 60_000, Math.max(o2, o3)];
}

const two = (value: number) => String(value).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const offsetTexts = new Map<number, string>();

/** `+05:30` for 330 minutes. */
function offsetText(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    const abs = Math.abs(offset);
    text = `${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
    offsetTexts.set(offset, text);
  }
  return text;
}

interface LocalFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The fields of `text` in `format` when they make a valid local time; null when they do not;
 * undefined when the fast path does not read this format or year.
 */
function fieldsOf(text: string, format: string): LocalFields | null | undefined {
  const compiledFormat = compile(format);
  if (!compiledFormat) return undefined;
  const match = compiledFormat.pattern.exec(text);
  if (!match) return null;
  const value: Record<Field, number> = { year: NaN, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (let index = 0; index < compiledFormat.fields.length; index++)
    value[compiledFormat.fields[index]!] = Number(match[index + 1]);
  const { year, month, day, hour, minute, second } = value;
  if (!(year >= 1900)) return undefined;
  const validTime = (hour <= 23 || (hour === 24 && minute === 0 && second === 0)) && minute <= 59 && second <= 59;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || !validTime) return null;
  return value;
}

/**
 * Whether `text` in `format` is a valid local time, as luxon would judge it in any zone; undefined
 * when the fast path does not read this format or year. No zone arithmetic: for shape checks.
 */
export function isFastLocalTime(text: string, format: string): boolean | undefined {
  const fields = fieldsOf(text, format);
  return fields === undefined ? undefined : fields !== null;
}

/**
 * `text` in `format`, read as a local time in `zone`, as ISO-8601 with the zone's offset; null
 * when it is no valid time in that format; undefined when the fast path does not cover the case
 * (a token it does not read, a zone that is not an IANA area/location name Intl knows, a year
 * before 1900 or past 9999, an offset in seconds) and luxon must decide.
 */
export function fastLocalTime(text: string, format: string, zone: string): string | null | undefined {
  if (!zone.includes('/') || !isIanaZone(zone)) return undefined;
  const fields = fieldsOf(text, format);
  if (!fields) return fields;
  const { year, month, day, hour, minute, second } = fields;
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const [ts, offset] = instantOf(localAsUtc, zone);
  if (!Number.isInteger(offset)) return undefined;
  // Mostly the local time stands as read; a DST gap or 24:00 moves it, and then it is recomputed.
  if (ts + offset * 60_000 === localAsUtc && hour < 24) {
    const date = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
    return `${date}T${two(hour)}:${two(minute)}:${two(second)}${offsetText(offset)}`;
  }
  const local = new Date(ts + offset * 60_000);
  // Luxon writes a five-digit year with a sign (`+010000`); leave that rare case to it.
  if (local.getUTCFullYear() > 9999) return undefined;
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}${offsetText(offset)}`
  );
}
