import { describe, expect, it } from "vitest";
import { DEFAULT_DASHBOARD_PERIOD, parseDashboardPeriod, periodRange } from "@/server/services/dashboard/dashboard-period";

const SP = "America/Sao_Paulo"; // UTC−3 all year (no daylight saving since 2019)
const iso = (d: Date) => d.toISOString();

describe("periodRange", () => {
  // 2026-11-29 01:30 UTC is still the 28th in São Paulo (22:30).
  const lateEvening = new Date("2026-11-29T01:30:00Z");

  it("today is the merchant's calendar day, not UTC's", () => {
    const r = periodRange("today", lateEvening, SP);
    expect([r.from, r.to, r.days]).toEqual(["2026-11-28", "2026-11-28", 1]);
    expect([iso(r.start), iso(r.end)]).toEqual(["2026-11-28T03:00:00.000Z", "2026-11-29T03:00:00.000Z"]);
    expect([r.previous.from, r.previous.to, iso(r.previous.start), iso(r.previous.end)]).toEqual([
      "2026-11-27", "2026-11-27", "2026-11-27T03:00:00.000Z", "2026-11-28T03:00:00.000Z",
    ]);
  });

  it("last 7 days are today and the 6 before, local midnight to local midnight", () => {
    const r = periodRange("7d", lateEvening, SP);
    expect([r.from, r.to, r.days]).toEqual(["2026-11-22", "2026-11-28", 7]);
    expect([iso(r.start), iso(r.end)]).toEqual(["2026-11-22T03:00:00.000Z", "2026-11-29T03:00:00.000Z"]);
    expect([r.previous.from, r.previous.to, r.previous.days]).toEqual(["2026-11-15", "2026-11-21", 7]);
    expect(r.previous.end).toEqual(r.start);
  });

  it("last 30 and 90 days cross month and year boundaries", () => {
    const r = periodRange("30d", new Date("2026-03-05T12:00:00Z"), SP);
    expect([r.from, r.to, r.days]).toEqual(["2026-02-04", "2026-03-05", 30]);
    expect(iso(r.start)).toBe("2026-02-04T03:00:00.000Z");
    const q = periodRange("90d", new Date("2026-01-15T12:00:00Z"), SP);
    expect([q.from, q.to, q.days, q.previous.from, q.previous.to]).toEqual(["2025-10-18", "2026-01-15", 90, "2025-07-20", "2025-10-17"]);
  });

  it("this month runs from the 1st to today, compared with the same days of last month", () => {
    const r = periodRange("this_month", new Date("2026-03-31T15:00:00Z"), SP);
    expect([r.from, r.to, r.days]).toEqual(["2026-03-01", "2026-03-31", 31]);
    expect([iso(r.start), iso(r.end)]).toEqual(["2026-03-01T03:00:00.000Z", "2026-04-01T03:00:00.000Z"]);
    // February has 28 days: the comparison is all of it, never into March
    expect([r.previous.from, r.previous.to, r.previous.days]).toEqual(["2026-02-01", "2026-02-28", 28]);
    const early = periodRange("this_month", new Date("2026-03-05T15:00:00Z"), SP);
    expect([early.previous.from, early.previous.to]).toEqual(["2026-02-01", "2026-02-05"]);
  });

  it("this month on the 1st at 00:30 local is the new month though UTC is still the 1st 03:30", () => {
    const r = periodRange("this_month", new Date("2026-12-01T03:30:00Z"), SP);
    expect([r.from, r.to]).toEqual(["2026-12-01", "2026-12-01"]);
    const before = periodRange("this_month", new Date("2026-12-01T02:59:59Z"), SP); // 23:59:59 on Nov 30 in São Paulo
    expect([before.from, before.to]).toEqual(["2026-11-01", "2026-11-30"]);
  });

  it("last month is the whole previous calendar month, across a year boundary", () => {
    const r = periodRange("last_month", new Date("2026-01-10T12:00:00Z"), SP);
    expect([r.from, r.to, r.days]).toEqual(["2025-12-01", "2025-12-31", 31]);
    expect([iso(r.start), iso(r.end)]).toEqual(["2025-12-01T03:00:00.000Z", "2026-01-01T03:00:00.000Z"]);
    expect([r.previous.from, r.previous.to, r.previous.days]).toEqual(["2025-11-01", "2025-11-30", 30]);
    expect(r.previous.end).toEqual(r.start);
  });

  it("follows a zone with daylight saving: local midnights, 23- and 25-hour days", () => {
    const ny = "America/New_York"; // DST ended 2026-11-01
    const r = periodRange("7d", new Date("2026-11-04T12:00:00Z"), ny);
    expect([r.from, r.to]).toEqual(["2026-10-29", "2026-11-04"]);
    expect([iso(r.start), iso(r.end)]).toEqual(["2026-10-29T04:00:00.000Z", "2026-11-05T05:00:00.000Z"]);
  });
});

describe("parseDashboardPeriod", () => {
  it("defaults when absent, refuses what it does not know", () => {
    expect(parseDashboardPeriod(undefined)).toBe(DEFAULT_DASHBOARD_PERIOD);
    expect(parseDashboardPeriod("")).toBe("30d");
    expect(parseDashboardPeriod("7d")).toBe("7d");
    expect(parseDashboardPeriod(["last_month", "7d"])).toBe("last_month");
    expect(parseDashboardPeriod("365d")).toBeNull();
  });
});
