/**
 * The dashboard's period: whole calendar days in the merchant's time zone, as
 * the orders list's `from`/`to` filter reads them (so a figure and the list it
 * links to count the same orders). A window is [start, end): `start` is local
 * midnight of its first day, `end` local midnight after its last day (today's
 * windows end at tomorrow's midnight: nothing is placed in the future).
 * Pure: safe to import from the browser.
 */
import { z } from "zod";
import { nextDay, ymdInZone, zonedDayStart } from "@/server/lib/zoned-time";

export const DASHBOARD_PERIODS = ["today", "7d", "30d", "90d", "this_month", "last_month"] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_DASHBOARD_PERIOD: DashboardPeriod = "30d";
export const dashboardPeriodSchema = z.enum(DASHBOARD_PERIODS);

export interface PeriodWindow {
  /** First day, YYYY-MM-DD (the orders list's `from`). */
  from: string;
  /** Last day, inclusive, YYYY-MM-DD (the orders list's `to`). */
  to: string;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight after `to`. */
  end: Date;
  /** Calendar days in the window. */
  days: number;
}

export interface PeriodRange extends PeriodWindow {
  period: DashboardPeriod;
  /** The window just before, to compare with: the same number of days, or the month before for the month periods. */
  previous: PeriodWindow;
}

/** Calendar arithmetic on YYYY-MM-DD (UTC dates stand for days, no zone involved). */
function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** The first day of the month `n` months from the month of `ymd`. */
function monthStart(ymd: string, n = 0): string {
  const [y, m] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + n, 1)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function windowOf(from: string, to: string, timeZone: string): PeriodWindow {
  return { from, to, start: zonedDayStart(from, timeZone), end: zonedDayStart(nextDay(to), timeZone), days: daysBetween(from, to) };
}

/** The same number of days ending the day before `w` starts. */
function before(w: PeriodWindow, timeZone: string): PeriodWindow {
  return windowOf(addDays(w.from, -w.days), addDays(w.from, -1), timeZone);
}

const LAST_DAYS: Partial<Record<DashboardPeriod, number>> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

export function periodRange(period: DashboardPeriod, now: Date, timeZone: string): PeriodRange {
  const raw = ymdInZone(now, timeZone);
  const today = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const n = LAST_DAYS[period];
  if (n !== undefined) {
    const w = windowOf(addDays(today, -(n - 1)), today, timeZone);
    return { period, ...w, previous: before(w, timeZone) };
  }
  if (period === "this_month") {
    // Month to date, compared with the same days of last month (at most all of it).
    const w = windowOf(monthStart(today), today, timeZone);
    const prevFrom = monthStart(today, -1);
    const prevLast = addDays(monthStart(today), -1);
    const prevTo = addDays(prevFrom, w.days - 1) < prevLast ? addDays(prevFrom, w.days - 1) : prevLast;
    return { period, ...w, previous: windowOf(prevFrom, prevTo, timeZone) };
  }
  const from = monthStart(today, -1);
  const w = windowOf(from, addDays(monthStart(today), -1), timeZone);
  return { period, ...w, previous: windowOf(monthStart(today, -2), addDays(from, -1), timeZone) };
}

/** A period from the URL: the default when absent, null when present but not one of DASHBOARD_PERIODS. */
export function parseDashboardPeriod(raw: string | string[] | undefined): DashboardPeriod | null {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === "") return DEFAULT_DASHBOARD_PERIOD;
  const parsed = dashboardPeriodSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}
