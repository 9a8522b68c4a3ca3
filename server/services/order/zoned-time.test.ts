import { describe, expect, it } from "vitest";
import { formatInZone, nextDay, zonedDayStart } from "./zoned-time";

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
