import { describe, expect, it } from "vitest";
import { orderListInput, orderQueryString, parseOrderQuery } from "./order-filters";

const CHANNEL = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

describe("order filter URL", () => {
  it("round-trips every filter and the sort", () => {
    const filter = {
      channelId: CHANNEL,
      status: "APPROVED" as const,
      paymentStatus: "PAID" as const,
      fulfillmentStatus: "UNFULFILLED" as const,
      onHold: false,
      from: "2026-03-01",
      to: "2026-03-31",
      overdue: true,
      q: "#1042",
    };
    const qs = orderQueryString(filter, "total_desc");
    expect(qs).toContain("q=%231042");
    expect(parseOrderQuery(new URLSearchParams(qs))).toEqual({ filter, sort: "total_desc", invalid: [] });
  });

  it("omits defaults and empty values", () => {
    expect(orderQueryString({}, "placed_desc")).toBe("");
    expect(orderQueryString({ q: "", onHold: undefined }, "placed_desc")).toBe("");
    expect(parseOrderQuery({ q: "  ", status: undefined })).toEqual({ filter: {}, sort: "placed_desc", invalid: [] });
  });

  it("drops invalid values and names them", () => {
    const parsed = parseOrderQuery({ status: "LOST", onHold: "yes", from: "01/03/2026", channelId: "x", sort: "random", paymentStatus: ["PAID", "FAILED"] });
    expect(parsed.filter).toEqual({ paymentStatus: "PAID" });
    expect(parsed.sort).toBe("placed_desc");
    expect(parsed.invalid.sort()).toEqual(["channelId", "from", "onHold", "sort", "status"]);
  });

  it("bounds the page size", () => {
    expect(orderListInput.parse({}).limit).toBe(50);
    expect(orderListInput.safeParse({ limit: 201 }).success).toBe(false);
    expect(orderListInput.safeParse({ limit: 0 }).success).toBe(false);
  });
});
