import { describe, expect, it } from "vitest";
import { formatInZone, nextDay, parseDateTimeInZone, wallTimeInZone, ymdInZone, zonedDayStart, zonedWallTimeToUtc } from "@/server/lib/zoned-time";

const SP = "America/Sao_Paulo";

describe("parseDateTimeInZone", () => {
  it("reads Brazilian dd/mm/yyyy hh:mm as the merchant's wall time", () => {
    expect(parseDateTimeInZone("05/03/2026 14:30", SP)?.toISOString()).toBe("2026-03-05T17:30:00.000Z");
    expect(parseDateTimeInZone("5/3/2026 9:05:07", SP)?.toISOString()).toBe("2026-03-05T12:05:07.000Z");
    expect(parseDateTimeInZone("05/03/2026", SP)?.toISOString()).toBe("2026-03-05T03:00:00.000Z");
    expect(parseDateTimeInZone("05/03/2026 14:30", "Asia/Tokyo")?.toISOString()).toBe("2026-03-05T05:30:00.000Z");
  });

  it("reads ISO 8601 with Z or an offset exactly, and without one as wall time", () => {
    expect(parseDateTimeInZone("2026-03-05T14:30:00Z", SP)?.toISOString()).toBe("2026-03-05T14:30:00.000Z");
    expect(parseDateTimeInZone("2026-03-05T14:30:00.25-03:00", SP)?.toISOString()).toBe("2026-03-05T17:30:00.250Z");
    expect(parseDateTimeInZone("2026-03-05T14:30+0530", SP)?.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(parseDateTimeInZone("2026-03-05 14:30", SP)?.toISOString()).toBe("2026-03-05T17:30:00.000Z");
    expect(parseDateTimeInZone("2026-03-05", SP)?.toISOString()).toBe("2026-03-05T03:00:00.000Z");
  });

  it("refuses impossible dates and other shapes", () => {
    for (const bad of ["31/02/2026 10:00", "13/13/2026", "05/03/26 10:00", "2026-02-30", "05/03/2026 24:00", "05/03/2026 10:60", "2026-03-05T10:00+15:00", "03-05-2026", "ontem", ""]) {
      expect(parseDateTimeInZone(bad, SP), bad).toBeNull();
    }
    expect(parseDateTimeInZone("29/02/2028 10:00", SP)).not.toBeNull();
    expect(parseDateTimeInZone("29/02/2026 10:00", SP)).toBeNull();
  });
});

describe("zonedWallTimeToUtc", () => {
  it("takes the first occurrence of a repeated hour (São Paulo, DST end 2019-02-17)", () => {
    const t = zonedWallTimeToUtc({ year: 2019, month: 2, day: 16, hour: 23, minute: 30, second: 0 }, SP);
    expect(t.toISOString()).toBe("2019-02-17T01:30:00.000Z");
    const berlin = zonedWallTimeToUtc({ year: 2024, month: 10, day: 27, hour: 2, minute: 30, second: 0 }, "Europe/Berlin");
    expect(berlin.toISOString()).toBe("2024-10-27T00:30:00.000Z");
  });

  it("keeps the earlier offset for a skipped hour (São Paulo, DST start 2018-11-04)", () => {
    const t = zonedWallTimeToUtc({ year: 2018, month: 11, day: 4, hour: 0, minute: 30, second: 0 }, SP);
    expect(t.toISOString()).toBe("2018-11-04T03:30:00.000Z");
  });

  it("round-trips with wallTimeInZone", () => {
    const at = new Date("2026-11-28T02:15:09.000Z");
    expect(zonedWallTimeToUtc(wallTimeInZone(at, SP), SP).toISOString()).toBe(at.toISOString());
  });
});

describe("ymdInZone", () => {
  it("gives the merchant's calendar day, not the UTC one", () => {
    expect(ymdInZone(new Date("2026-11-28T02:00:00Z"), SP)).toBe("20261127");
    expect(ymdInZone(new Date("2026-11-28T03:00:00Z"), SP)).toBe("20261128");
  });
});

describe("zonedDayStart", () => {
  it("is local midnight converted to UTC", () => {
    expect(zonedDayStart("2026-01-15", "America/Sao_Paulo").toISOString()).toBe("2026-01-15T03:00:00.000Z");
    expect(zonedDayStart("2026-01-15", "UTC").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(zonedDayStart("2026-07-01", "Europe/Lisbon").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(zonedDayStart("2026-01-15", "Asia/Tokyo").toISOString()).toBe("2026-01-14T15:00:00.000Z");
  });

  it("starts the day at the transition when midnight does not exist (Brazil DST, 2018-11-04)", () => {
    expect(zonedDayStart("2018-11-04", "America/Sao_Paulo").toISOString()).toBe("2018-11-04T03:00:00.000Z");
    // The day before had 24 hours at UTC-3; the day after starts at UTC-2.
    expect(zonedDayStart("2018-11-05", "America/Sao_Paulo").toISOString()).toBe("2018-11-05T02:00:00.000Z");
  });

  it("handles the DST end where midnight happens once (2019-02-17)", () => {
    expect(zonedDayStart("2019-02-17", "America/Sao_Paulo").toISOString()).toBe("2019-02-17T03:00:00.000Z");
  });
});

describe("nextDay / formatInZone", () => {
  it("rolls months and years", () => {
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("formats wall time in the zone", () => {
    expect(formatInZone(new Date("2026-03-01T02:05:09.123Z"), "America/Sao_Paulo")).toBe("2026-02-28 23:05:09");
    expect(formatInZone(new Date("2026-03-01T02:05:09.123Z"), "UTC")).toBe("2026-03-01 02:05:09");
  });
});
