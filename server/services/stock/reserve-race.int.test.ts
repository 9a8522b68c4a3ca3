/**
 * The lost race, made deterministic: between the read and the reservation
 * another order takes the stock (simulated inside the same transaction right
 * after the read). The conditional UPDATE must refuse, allocation must run
 * again on fresh numbers, and what still cannot be reserved is backordered.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DbTx } from "@/server/db";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { systemActor } from "@/server/services/order/actor";
import type { OrderAllocationRecord } from "@/server/services/stock/allocation-record";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, lines } from "@/server/services/stock/stock-test-fixtures";

const race: { steal?: (tx: DbTx) => Promise<void> } = {};

vi.mock("@/server/services/stock/reservation-read", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/services/stock/reservation-read")>();
  return {
    ...actual,
    readReservationContexts: async (tx: DbTx | undefined, orderIds: readonly string[]) => {
      const ctx = await actual.readReservationContexts(tx, orderIds);
      if (race.steal) await race.steal(tx ?? db);
      return ctx;
    },
  };
});

withTestDb();
const actor = systemActor("channel:Loja");
beforeEach(async () => {
  race.steal = undefined;
});

/** Another order "reserves" units of the SKU in that warehouse (reserved + n, as its own reservation would). */
function stealer(skuId: string, warehouseId: string, n: number) {
  return async (tx: DbTx) => {
    await tx.stockBalance.update({ where: { skuId_warehouseId: { skuId, warehouseId } }, data: { reserved: { increment: n } } });
  };
}

describe("reserveOrderStock when another order wins the race", () => {
  it("retries on fresh numbers and takes the stock from the next warehouse", async () => {
    const w = await buildWorld({
      warehouses: [{ code: "SP1", state: "SP" }, { code: "RJ1", state: "RJ" }],
      skus: ["A"],
      stock: [{ sku: "A", wh: "SP1", onHand: 5 }, { sku: "A", wh: "RJ1", onHand: 5 }],
    });
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 2 }], shipState: "SP" });
    race.steal = stealer(w.sku.A as string, w.wh.SP1?.id as string, 4);
    const r = await reserveOrderStock({ orderId, actor });

    expect(r.attempts).toBe(2);
    expect(r.backorderedUnits).toBe(0);
    expect((await balance(w, "A", "SP1")).reserved).toBe(4); // only the thief's units
    expect((await balance(w, "A", "RJ1")).reserved).toBe(2);
    const allocation = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).allocation as unknown as OrderAllocationRecord;
    expect(allocation.retry?.lost).toEqual([expect.objectContaining({ warehouseCode: "SP1", quantity: 2 })]);
    expect(allocation.shipments).toEqual([expect.objectContaining({ warehouseCode: "RJ1" })]);
    expect(await db.reservation.findMany({ where: { orderId } })).toEqual([expect.objectContaining({ warehouseId: w.wh.RJ1?.id, quantity: 2 })]);
  });

  it("reserves nothing when the order was cancelled between the read and the reservation", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 3 }] });
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 2 }] });
    race.steal = async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED" } });
    };
    const r = await reserveOrderStock({ orderId, actor });
    expect(r.skipped).toBe("NOT_RESERVABLE");
    expect((await balance(w, "A", "SP1")).reserved).toBe(0);
    expect(await db.reservation.count()).toBe(0);
    expect((await lines(orderId))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 0 });
  });

  it("backorders what the retry cannot find either", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 3 }] });
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    race.steal = stealer(w.sku.A as string, w.wh.SP1?.id as string, 2);
    const r = await reserveOrderStock({ orderId, actor });

    expect(r.attempts).toBe(2);
    expect(r.backorderedUnits).toBe(2);
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    expect((await lines(orderId))[0]).toMatchObject({ reservedQty: 1, backorderedQty: 2 });
    expect(await db.exception.count({ where: { orderId, type: "ORDER_BACKORDERED" } })).toBe(1);
  });
});
