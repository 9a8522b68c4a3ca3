import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import {
  assertExpectedDateNotPast, dayInZone, lineNotDelivered, lineOpenQuantity, poActions, poChangeRefusal, poState, PO_STATUSES, type PoStatus,
} from "@/server/services/stock/purchase-order-state";

const full = { quantityOrdered: 10, quantityReceived: 10 };
const short = { quantityOrdered: 10, quantityReceived: 4 };
const none = { quantityOrdered: 6, quantityReceived: 0 };

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("purchase order state", () => {
  it("reads a RECEIVED purchase order with a line short as closed short, everything else as its status", () => {
    expect(poState("RECEIVED", [full, full])).toBe("RECEIVED");
    expect(poState("RECEIVED", [full, short])).toBe("CLOSED_SHORT");
    expect(poState("PARTIALLY_RECEIVED", [full, short])).toBe("PARTIALLY_RECEIVED");
    expect(poState("CANCELLED", [none])).toBe("CANCELLED");
    expect(poState("OPEN", [none])).toBe("OPEN");
  });

  it("counts a line's shortfall as open only while the purchase order is open, as not delivered once it is closed", () => {
    const rows = PO_STATUSES.map((s) => [s, lineOpenQuantity(s, short), lineNotDelivered(s, short)]);
    expect(rows).toEqual([["OPEN", 6, 0], ["PARTIALLY_RECEIVED", 6, 0], ["RECEIVED", 0, 6], ["CANCELLED", 0, 6]]);
    expect(lineOpenQuantity("OPEN", { quantityOrdered: 3, quantityReceived: 5 })).toBe(0);
  });

  it("allows cancel only with nothing received, close short only when partly received, re-dating while open", () => {
    const table = Object.fromEntries(PO_STATUSES.map((s) => [s, poActions(s)]));
    expect(table).toEqual({
      OPEN: { receive: true, cancel: true, closeShort: false, changeExpectedDate: true },
      PARTIALLY_RECEIVED: { receive: true, cancel: false, closeShort: true, changeExpectedDate: true },
      RECEIVED: { receive: false, cancel: false, closeShort: false, changeExpectedDate: false },
      CANCELLED: { receive: false, cancel: false, closeShort: false, changeExpectedDate: false },
    });
  });

  it("names why a change is refused", () => {
    const po = (status: PoStatus, lines = [short]) => ({ number: 7, status, lines });
    expect(poChangeRefusal("cancel", po("PARTIALLY_RECEIVED")).params).toMatchObject({ rule: "PO_HAS_RECEIPTS", number: 7 });
    expect(poChangeRefusal("closeShort", po("OPEN", [none])).params).toMatchObject({ rule: "PO_NOTHING_RECEIVED" });
    expect(poChangeRefusal("cancel", po("RECEIVED")).params).toMatchObject({ rule: "PO_NOT_OPEN", status: "CLOSED_SHORT", current: "CLOSED_SHORT" });
    expect(poChangeRefusal("changeExpectedDate", po("CANCELLED", [none]))).toMatchObject({ code: "INVALID_TRANSITION", params: { rule: "PO_NOT_OPEN", status: "CANCELLED" } });
  });
});

describe("expected date", () => {
  it("is the calendar day in the merchant's time zone", () => {
    expect(dayInZone(new Date("2026-11-30T01:30:00Z"), "America/Sao_Paulo")).toBe("2026-11-29");
    expect(dayInZone(new Date("2026-11-29T16:00:00Z"), "Asia/Tokyo")).toBe("2026-11-30");
  });

  it("accepts today and later, refuses an earlier day with the field, the days and the zone", () => {
    const now = new Date("2026-11-29T15:00:00Z");
    const timeZone = "America/Sao_Paulo";
    expect(() => assertExpectedDateNotPast(new Date("2026-11-29T12:00:00Z"), { now, timeZone })).not.toThrow();
    expect(() => assertExpectedDateNotPast(new Date("2027-01-05T12:00:00Z"), { now, timeZone })).not.toThrow();
    const e = refusal(() => assertExpectedDateNotPast(new Date("2026-11-28T12:00:00Z"), { now, timeZone }));
    expect(e).toMatchObject({ code: "VALIDATION", params: { field: "expectedAt", rule: "EXPECTED_DATE_PAST", date: "2026-11-28", today: "2026-11-29", timeZone } });
  });

  it("compares days where the merchant is, not in UTC", () => {
    // 22:30 on the 29th in São Paulo is already the 30th in UTC: the 29th is still today there.
    expect(() => assertExpectedDateNotPast(new Date("2026-11-29T12:00:00Z"), { now: new Date("2026-11-30T01:30:00Z"), timeZone: "America/Sao_Paulo" })).not.toThrow();
    // 01:00 on the 30th in Tokyo: the 29th is yesterday there, though UTC still says the 29th.
    const e = refusal(() => assertExpectedDateNotPast(new Date("2026-11-29T12:00:00Z"), { now: new Date("2026-11-29T16:00:00Z"), timeZone: "Asia/Tokyo" }));
    expect(e.params).toMatchObject({ date: "2026-11-29", today: "2026-11-30" });
  });
});
