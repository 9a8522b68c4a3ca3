/**
 * Wall-clock times in the merchant's time zone ↔ UTC instants, with Intl only
 * (no date library; Intl knows the zone rules, DST included). Used where people
 * type or read dates: CSV imports ("dd/mm/yyyy hh:mm" means the merchant's local
 * time), CSV exports, day filters ("placed on 2026-03-01" is the merchant's day)
 * and order numbers.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at an instant. */
export function wallTimeInZone(at: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second"), millisecond: at.getUTCMilliseconds() };
}

/** How far `timeZone` is ahead of UTC at an instant, in ms (São Paulo: −3 h). */
function offsetMs(utcMs: number, timeZone: string): number {
  const w = wallTimeInZone(new Date(utcMs), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - utcMs;
}

/**
 * The instant at which the clock in `timeZone` shows `wall`. A repeated hour
 * (daylight saving ends) resolves to its first occurrence; a skipped one
 * (daylight saving starts) to the same clock reading in the offset before the jump.
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond ?? 0);
  const DAY = 86_400_000;
  const before = asUtc - offsetMs(asUtc - DAY, timeZone);
  const candidates = [before, asUtc - offsetMs(asUtc, timeZone), asUtc - offsetMs(asUtc + DAY, timeZone)];
  const valid = candidates.filter((t) => t + offsetMs(t, timeZone) === asUtc);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validWall(w: WallTime): boolean {
  return (
    w.year >= 1900 && w.year <= 2999 &&
    w.month >= 1 && w.month <= 12 &&
    w.day >= 1 && w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 && w.hour <= 23 &&
    w.minute >= 0 && w.minute <= 59 &&
    w.second >= 0 && w.second <= 59
  );
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const BR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date/time as found in spreadsheets: ISO 8601 ("2026-03-05T14:30:00Z",
 * "2026-03-05T14:30-03:00", "2026-03-05 14:30") or Brazilian "05/03/2026 14:30[:15]"
 * / "05/03/2026". Without an offset it is the wall time in `timeZone`.
 * Null when the text is none of these or names an impossible date (31/02).
 */
export function parseDateTimeInZone(text: string, timeZone: string): Date | null {
  const s = text.trim();
  let wall: WallTime;
  let offset: string | undefined;
  const iso = ISO.exec(s);
  if (iso) {
    wall = {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
      millisecond: Number((iso[7] ?? "").padEnd(3, "0").slice(0, 3)),
    };
    offset = iso[8];
  } else {
    const br = BR.exec(s);
    if (!br) return null;
    wall = { day: Number(br[1]), month: Number(br[2]), year: Number(br[3]), hour: Number(br[4] ?? 0), minute: Number(br[5] ?? 0), second: Number(br[6] ?? 0) };
  }
  if (!validWall(wall)) return null;
  if (offset === undefined) return zonedWallTimeToUtc(wall, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond ?? 0);
  if (/^z$/i.test(offset)) return new Date(asUtc);
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  const sign = m[1] === "-" ? -1 : 1;
  return new Date(asUtc - sign * (hours * 60 + minutes) * 60_000);
}

/** "20260305": the calendar day of an instant in `timeZone`. */
export function ymdInZone(at: Date, timeZone: string): string {
  const w = wallTimeInZone(at, timeZone);
  return `${w.year}${String(w.month).padStart(2, "0")}${String(w.day).padStart(2, "0")}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * The first instant of calendar day `date` (YYYY-MM-DD) in `timeZone`. Where midnight does not exist (a DST gap at
 * 00:00, as Brazil had until 2019) the day starts at the transition.
 */
export function zonedDayStart(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return zonedWallTimeToUtc({ year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The day after `date` (YYYY-MM-DD), as YYYY-MM-DD. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** "2026-03-01 14:05:09" in `timeZone` (for CSV files, where a locale format would hurt). */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallTimeInZone(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
