/**
 * Calendar days and wall-clock times in the merchant's time zone. Filters say
 * "orders placed on 2026-03-01" meaning the merchant's day, while the database
 * stores UTC; these helpers convert without a date library (Intl knows the
 * zone rules, DST included).
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Local wall time minus UTC, in ms, at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function dayOf(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The first instant of calendar day `date` (YYYY-MM-DD) in `timeZone`. Where
 * midnight does not exist (a DST gap at 00:00, as Brazil had until 2019) the
 * day starts at the transition.
 */
export function zonedDayStart(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const third = wall - offsetAt(second, timeZone);
  const candidates = [first, second, third].filter((c) => dayOf(wallTime(c, timeZone)) === date);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : first);
}

/** The day after `date` (YYYY-MM-DD), as YYYY-MM-DD. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/** "2026-03-01 14:05:09" in `timeZone` (for CSV files, where a locale format would hurt). */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallTime(instant.getTime(), timeZone);
  return `${dayOf(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
