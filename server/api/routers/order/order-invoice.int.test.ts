/**
 * Issuing the NF-e on a packed order through the order router: only an NF-e
 * number (1–9 digits) and series (1–3 digits) are accepted, by the router's
 * input and by the state machine behind it; the timeline keeps them without
 * leading zeros.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { userActor } from "@/server/services/order/actor";
import { makeUser, packedOrder, shippingWorld } from "@/server/services/shipping/shipping-test-factory";

withTestDb();
let operator: SessionUser;
let orderId: string;

beforeEach(async () => {
  operator = await makeUser("OPERATOR");
  const w = await shippingWorld([{ sku: "X", onHand: 5 }]);
  ({ orderId } = await packedOrder(w, { lines: [{ sku: "X", quantity: 1 }] }));
});

async function invoiceAs(invoiceNumber: string, invoiceSeries?: string) {
  const { version } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } });
  return createCaller({ user: operator }).order.act({
    orderId,
    expectedVersion: version,
    action: { type: "INVOICE", invoiceNumber, ...(invoiceSeries !== undefined ? { invoiceSeries } : {}) },
  });
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => "no error", (e: unknown) => e);
}

const status = async () => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

describe("order.act INVOICE", () => {
  it.each([
    ["x", undefined, "NFE_NUMBER"],
    ["NF-123", undefined, "NFE_NUMBER"],
    ["-5", undefined, "NFE_NUMBER"],
    ["0", undefined, "NFE_NUMBER"],
    ["1234567890", undefined, "NFE_NUMBER"],
    ["4521", "1234", "NFE_SERIES"],
    ["4521", "A", "NFE_SERIES"],
  ] as const)("refuses number %j series %j and leaves the order PACKED", async (invoiceNumber, invoiceSeries, rule) => {
    const e = await failure(invoiceAs(invoiceNumber, invoiceSeries));
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((e as TRPCError).cause ?? (e as TRPCError).message)).toContain(rule);
    expect(await status()).toBe("PACKED");
    expect(await db.orderEvent.count({ where: { orderId, type: "order.invoiced" } })).toBe(0);
  });

  it("refuses an empty number with the state machine's VALIDATION on invoiceNumber", async () => {
    const e = await failure(invoiceAs("  "));
    expect(e).toMatchObject({ code: "BAD_REQUEST" });
    expect(await status()).toBe("PACKED");
  });

  it("the state machine refuses a bad number even without the router", async () => {
    const e = await failure(applyOrderAction({ orderId, action: { type: "INVOICE", invoiceNumber: "x" }, actor: userActor(operator) }));
    expect(e).toMatchObject({ code: "VALIDATION", params: { field: "invoiceNumber" } });
    expect(await status()).toBe("PACKED");
  });

  it("accepts leading zeros and a series, and records them normalised", async () => {
    const r = await invoiceAs(" 000004521 ", "001");
    expect(r).toMatchObject({ from: "PACKED", to: "INVOICED" });
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId, type: "order.invoiced" } });
    expect(event.data).toEqual({ invoiceNumber: "4521", invoiceSeries: "1" });
  });
});
