import { describe, expect, it } from "vitest";
import { formatOffset, placeName, timeZoneOptions } from "@/server/lib/time-zone-options";

const JAN = new Date("2026-01-15T12:00:00Z");
const JUL = new Date("2026-07-15T12:00:00Z");

describe("time-zone options", () => {
  it("labels a zone with its current offset and a readable place, keeping the IANA id as the value", () => {
    const [first] = timeZoneOptions(["Europe/Lisbon", "America/Sao_Paulo"], JAN);
    expect(first).toEqual({ value: "America/Sao_Paulo", label: "(UTC\u221203:00) São Paulo" });
    expect(timeZoneOptions(["Europe/Lisbon"], JUL)[0]).toEqual({ value: "Europe/Lisbon", label: "(UTC+01:00) Lisbon (Europe)" });
    expect(timeZoneOptions(["Asia/Kolkata"], JAN)[0]?.label).toBe("(UTC+05:30) Kolkata (Asia)");
  });

  it("puts Brazil first (São Paulo on top), then the world by offset", () => {
    const ids = Intl.supportedValuesOf("timeZone");
    const options = timeZoneOptions(ids, JAN);
    expect(options).toHaveLength(ids.length);
    expect(options[0]?.value).toBe("America/Sao_Paulo");
    const top = options.slice(0, 16).map((o) => o.value);
    expect(top).toEqual(expect.arrayContaining(["America/Manaus", "America/Noronha", "America/Rio_Branco", "America/Recife", "America/Cuiaba"]));
    expect(options[16]?.label).toMatch(/^\(UTC\u221212:00\)|^\(UTC\u221211:00\)/); // then the world, west to east
    expect(options.findIndex((o) => o.value === "Pacific/Honolulu")).toBeLessThan(options.findIndex((o) => o.value === "Asia/Tokyo"));
  });

  it("names places and offsets", () => {
    expect(placeName("America/Argentina/Buenos_Aires")).toBe("Buenos Aires (America)");
    expect(placeName("UTC")).toBe("UTC");
    expect(formatOffset(0)).toBe("UTC+00:00");
    expect(formatOffset(-570)).toBe("UTC\u221209:30");
  });
});
