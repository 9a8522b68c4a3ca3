import { beforeEach, describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { databaseErrorOf } from "@/server/services/channels/delivery-errors";
import { systemActor, userActor, type Actor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { adjustStock } from "@/server/services/stock/adjust-stock";
import { createPurchaseOrder } from "@/server/services/stock/create-purchase-order";
import { receivePurchaseOrder } from "@/server/services/stock/receive-purchase-order";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { returnStock } from "@/server/services/stock/return-stock";
import { setUnavailable } from "@/server/services/stock/set-unavailable";
import { transferStock } from "@/server/services/stock/transfer-stock";
import { balance, buildWorld, capture, lines, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let clerk: Actor;
beforeEach(async () => {
  clerk = userActor(await makeUser("WAREHOUSE"));
});

const twoSites = (stock: { sku: string; wh: string; onHand: number; bin?: number }[] = []) =>
  buildWorld({ warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }], skus: ["A", "B"], stock });

async function reservedOrder(w: World, quantity: number, placedAt?: Date): Promise<string> {
  const id = await capture(w, { lines: [{ sku: "A", quantity }], placedAt });
  await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
  return id;
}

const bin = (w: World, wh: string, i = 0) => w.wh[wh]?.bins[i] as string;

describe("the ledger", () => {
  it("is append-only in the database: a movement cannot be updated or deleted, except in a maintenance transaction", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 5 }]);
    const [m] = await db.stockMovement.findMany({ where: { skuId: w.sku.A as string } });
    const id = m?.id as bigint;
    await expect(db.stockMovement.update({ where: { id }, data: { onHandDelta: 50 } })).rejects.toThrow(/append-only: UPDATE of a StockMovement row refused/);
    await expect(db.stockMovement.delete({ where: { id } })).rejects.toThrow(/append-only: DELETE of a StockMovement row refused/);
    const raw = await db.$executeRaw`UPDATE "StockMovement" SET reason = 'rewritten' WHERE id = ${id}`.then(() => null, (e: unknown) => databaseErrorOf(e));
    expect(raw).toMatchObject({ code: "23000", message: expect.stringMatching(/append-only: UPDATE/) });
    expect(await db.stockMovement.findUniqueOrThrow({ where: { id } })).toMatchObject({ onHandDelta: 5, reason: m?.reason });
    await db.$transaction([db.$executeRaw`SET LOCAL fluxo.ledger_maintenance = 'on'`, db.stockMovement.update({ where: { id }, data: { reason: "backdated" } })]);
    expect((await db.stockMovement.findUniqueOrThrow({ where: { id } })).reason).toBe("backdated");
    // The setting was local to that transaction.
    await expect(db.stockMovement.update({ where: { id }, data: { reason: "again" } })).rejects.toThrow(/append-only/);
    expect((await reconcileStock()).ok).toBe(true);
  });
});

describe("purchase orders", () => {
  it("receives partially then fully into chosen bins, with RECEIPT movements and status changes", async () => {
    const w = await twoSites();
    const po = await createPurchaseOrder({ actor: clerk, input: { warehouseId: w.wh.SP1?.id as string, supplier: "Malharia", lines: [{ skuId: w.sku.A as string, quantity: 10 }, { skuId: w.sku.B as string, quantity: 4 }] } });
    const lineA = po.lines.find((l) => l.skuId === w.sku.A)?.id as string;
    const lineB = po.lines.find((l) => l.skuId === w.sku.B)?.id as string;

    const r1 = await receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(w, "SP1", 0), quantity: 4 }, { lineId: lineA, binId: bin(w, "SP1", 1), quantity: 2 }] } });
    expect(r1.status).toBe("PARTIALLY_RECEIVED");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 6 });
    const moves = await db.stockMovement.findMany({ where: { purchaseOrderId: po.id }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.type, m.binId, m.onHandDelta])).toEqual([["RECEIPT", bin(w, "SP1", 0), 4], ["RECEIPT", bin(w, "SP1", 1), 2]]);
    expect(moves[0]?.actorId).toBe(clerk.kind === "user" ? clerk.user.id : null);

    await expect(receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(w, "SP1"), quantity: 5 }] } }))
      .rejects.toMatchObject({ code: "VALIDATION", params: { expected: 4, received: 5 } });
    await expect(receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(w, "RJ1"), quantity: 1 }] } }))
      .rejects.toMatchObject({ code: "VALIDATION" });

    const r2 = await receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(w, "SP1"), quantity: 4 }, { lineId: lineB, binId: bin(w, "SP1"), quantity: 4 }] } });
    expect(r2.status).toBe("RECEIVED");
    await expect(receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: lineB, binId: bin(w, "SP1"), quantity: 1 }] } }))
      .rejects.toMatchObject({ code: "VALIDATION", params: { status: "RECEIVED" } });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("gives received units to waiting backorders, oldest order first, and allocates a BACKORDERED order", async () => {
    const w = await twoSites();
    const op = userActor(await makeUser("OPERATOR"));
    const newer = await reservedOrder(w, 2, new Date("2026-02-02T10:00:00Z"));
    const older = await reservedOrder(w, 3, new Date("2026-02-01T10:00:00Z"));
    await applyOrderAction({ orderId: older, action: { type: "APPROVE" }, actor: op });
    const po = await createPurchaseOrder({ actor: clerk, input: { warehouseId: w.wh.SP1?.id as string, supplier: "X", lines: [{ skuId: w.sku.A as string, quantity: 4 }] } });

    const r = await receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(w, "SP1"), quantity: 4 }] } });

    expect(r.backorderUnitsFilled).toBe(4);
    expect(r.ordersAllocated).toBe(1);
    expect((await lines(older))[0]).toMatchObject({ reservedQty: 3, backorderedQty: 0 });
    expect((await lines(newer))[0]).toMatchObject({ reservedQty: 1, backorderedQty: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: older } })).status).toBe("ALLOCATED");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 4, reserved: 4 });
    expect((await reconcileStock()).ok).toBe(true);
  });
});

describe("HOLD policy", () => {
  it("releases the OUT_OF_STOCK hold once arriving stock covers the order", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], settings: { backorderPolicy: "HOLD" } });
    const id = await reservedOrder(w, 2);
    expect((await db.order.findUniqueOrThrow({ where: { id } })).onHold).toBe(true);
    await adjustStock({ actor: clerk, input: { mode: "DELTA", skuId: w.sku.A as string, binId: bin(w, "SP1"), delta: 2, reason: "found two" } });
    const order = await db.order.findUniqueOrThrow({ where: { id }, include: { holds: true } });
    expect(order.onHold).toBe(false);
    expect(order.holds).toEqual([expect.objectContaining({ reason: "OUT_OF_STOCK", releasedAt: expect.any(Date) })]);
    expect((await lines(id))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 0 });
  });
});

describe("adjustments", () => {
  it("sets a counted quantity or applies a delta, one ADJUSTMENT movement each", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 10 }]);
    const r1 = await adjustStock({ actor: clerk, input: { mode: "SET", skuId: w.sku.A as string, binId: bin(w, "SP1"), counted: 7, reason: "cycle count" } });
    expect(r1.changes).toEqual([expect.objectContaining({ type: "ADJUSTMENT", onHandDelta: -3, binOnHandAfter: 7 })]);
    await adjustStock({ actor: clerk, input: { mode: "DELTA", skuId: w.sku.A as string, binId: bin(w, "SP1", 1), delta: 2, reason: "found on floor" } });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 9 });
    const moves = await db.stockMovement.findMany({ where: { type: "ADJUSTMENT" }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.onHandDelta, m.reason])).toEqual([[-3, "Cycle count (7 counted): cycle count"], [2, "Adjustment: found on floor"]]);
  });

  it("refuses to count a warehouse below what is reserved, naming the numbers", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 10 }]);
    await reservedOrder(w, 6);
    const attempt = adjustStock({ actor: clerk, input: { mode: "SET", skuId: w.sku.A as string, binId: bin(w, "SP1"), counted: 4, reason: "count" } });
    await expect(attempt).rejects.toMatchObject({ code: "INSUFFICIENT_STOCK", params: { sku: "A", warehouse: "SP1", onHand: 10, reserved: 6, newOnHand: 4 } });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 10, reserved: 6 });
    expect(await db.stockMovement.count({ where: { type: "ADJUSTMENT" } })).toBe(0);
  });
});

describe("transfers and unavailable stock", () => {
  it("moves reserved-warehouse stock between bins of one warehouse, but not out of the warehouse", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 5 }]);
    await reservedOrder(w, 5);
    const inside = await transferStock({ actor: clerk, input: { skuId: w.sku.A as string, fromBinId: bin(w, "SP1", 0), toBinId: bin(w, "SP1", 1), quantity: 5, reason: "re-slot" } });
    expect(inside.changes.map((c) => c.type)).toEqual(["TRANSFER_OUT", "TRANSFER_IN"]);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 5, reserved: 5 });
    await expect(transferStock({ actor: clerk, input: { skuId: w.sku.A as string, fromBinId: bin(w, "SP1", 1), toBinId: bin(w, "RJ1"), quantity: 1, reason: "rebalance" } }))
      .rejects.toMatchObject({ code: "INSUFFICIENT_STOCK", params: { reserved: 5 } });
  });

  it("transfers between warehouses with TRANSFER_OUT / TRANSFER_IN and refills backorders at the destination", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 8 }]);
    const waiting = await capture(w, { lines: [{ sku: "A", quantity: 2 }], shipState: "RJ" });
    await db.stockBalance.update({ where: { skuId_warehouseId: { skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string } }, data: { safety: 8 } });
    await reserveOrderStock({ orderId: waiting, actor: systemActor("channel:Loja") });
    expect((await lines(waiting))[0]).toMatchObject({ backorderedQty: 2 });
    await db.stockBalance.update({ where: { skuId_warehouseId: { skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string } }, data: { safety: 0 } });

    const r = await transferStock({ actor: clerk, input: { skuId: w.sku.A as string, fromBinId: bin(w, "SP1"), toBinId: bin(w, "RJ1"), quantity: 3, reason: "rebalance" } });
    expect(r.backorderUnitsFilled).toBe(2);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await balance(w, "A", "RJ1")).toMatchObject({ onHand: 3, reserved: 2 });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("marks units unavailable and back, never the reserved ones", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 5 }]);
    await reservedOrder(w, 3);
    await setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 2, direction: "TO_UNAVAILABLE", kind: "DAMAGED", reason: "box crushed" } });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 5, reserved: 3, unavailable: 2 });
    await expect(setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 1, direction: "TO_UNAVAILABLE", kind: "QC", reason: "wet" } }))
      .rejects.toMatchObject({ code: "INSUFFICIENT_STOCK" });
    await setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 1, direction: "FROM_UNAVAILABLE", kind: "DAMAGED", reason: "repaired" } });
    const moves = await db.stockMovement.findMany({ where: { type: { in: ["TO_UNAVAILABLE", "FROM_UNAVAILABLE"] } }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.type, m.unavailableDelta, m.unavailableKind, m.onHandDelta])).toEqual([["TO_UNAVAILABLE", 2, "DAMAGED", 0], ["FROM_UNAVAILABLE", -1, "DAMAGED", 0]]);
    expect(await db.binStock.findFirstOrThrow({ where: { binId: bin(w, "SP1") } })).toMatchObject({ unavailable: 1, damaged: 1, quarantine: 0, qc: 0 });
  });

  it("keeps damaged, quarantined and QC units apart, and clears only the kind a bin holds", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 10 }]);
    const mark = (direction: "TO_UNAVAILABLE" | "FROM_UNAVAILABLE", kind: "DAMAGED" | "QUARANTINE" | "QC", quantity: number) =>
      setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity, direction, kind, reason: `${kind} check` } });
    await mark("TO_UNAVAILABLE", "DAMAGED", 1);
    await mark("TO_UNAVAILABLE", "QUARANTINE", 2);
    await mark("TO_UNAVAILABLE", "QC", 3);
    expect(await db.binStock.findFirstOrThrow({ where: { binId: bin(w, "SP1") } })).toMatchObject({ onHand: 10, unavailable: 6, damaged: 1, quarantine: 2, qc: 3 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 10, unavailable: 6 });

    // 6 units are unavailable, but only 1 is damaged: clearing 2 damaged ones is refused, naming the kind.
    const refused = await mark("FROM_UNAVAILABLE", "DAMAGED", 2).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "INSUFFICIENT_STOCK", params: expect.objectContaining({ kind: "DAMAGED", unavailable: 1 }) });
    expect(String((refused as Error).message)).toContain("1 unit(s) of A marked damaged");

    await mark("FROM_UNAVAILABLE", "QC", 3);
    expect(await db.binStock.findFirstOrThrow({ where: { binId: bin(w, "SP1") } })).toMatchObject({ unavailable: 3, damaged: 1, quarantine: 2, qc: 0 });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("refuses a ledger row that moves unavailable units without saying which kind (database CHECK)", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 1 }]);
    const raw = await db.$executeRaw`INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "unavailableDelta")
      VALUES ('TO_UNAVAILABLE', ${w.sku.A}::uuid, ${w.wh.SP1?.id}::uuid, ${bin(w, "SP1")}::uuid, 1)`.then(() => null, (e: unknown) => databaseErrorOf(e));
    expect(raw).toMatchObject({ code: "23514", message: expect.stringMatching(/StockMovement_unavailable_kind/) });
    await expect(db.binStock.update({ where: { skuId_binId: { skuId: w.sku.A as string, binId: bin(w, "SP1") } }, data: { unavailable: 1 } }))
      .rejects.toThrow(/BinStock_unavailable_kinds/);
  });

  it("restocks a return and reserves it for a waiting order", async () => {
    const w = await twoSites();
    const waiting = await reservedOrder(w, 1);
    await returnStock({ actor: clerk, orderId: null, skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 1, condition: "SELLABLE", reason: "Return inspected: OK" });
    expect((await lines(waiting))[0]).toMatchObject({ reservedQty: 1, backorderedQty: 0 });
    await returnStock({ actor: clerk, orderId: null, skuId: w.sku.B as string, binId: bin(w, "SP1"), quantity: 1, condition: "QUARANTINE", reason: "Return: seal broken" });
    expect(await balance(w, "B", "SP1")).toMatchObject({ onHand: 1, unavailable: 1 });
    expect(await db.binStock.findFirstOrThrow({ where: { skuId: w.sku.B as string, binId: bin(w, "SP1") } })).toMatchObject({ quarantine: 1, damaged: 0 });
    expect((await reconcileStock()).ok).toBe(true);
  });
});

describe("reconciliation", () => {
  it("reports nothing on consistent data and finds a corrupted balance and bin", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "B", wh: "RJ1", onHand: 4 }]);
    const id = await reservedOrder(w, 3);
    await applyOrderAction({ orderId: id, action: { type: "CANCEL", reason: "test" }, actor: userActor(await makeUser("OPERATOR")) });
    await reservedOrder(w, 2);
    const clean = await reconcileStock();
    expect(clean.ok).toBe(true);
    expect(clean.drift).toEqual([]);
    expect(clean.scanned.movements).toBeGreaterThan(0);

    await db.stockBalance.update({ where: { skuId_warehouseId: { skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string } }, data: { onHand: 11 } });
    await db.binStock.update({ where: { skuId_binId: { skuId: w.sku.B as string, binId: bin(w, "RJ1") } }, data: { onHand: 3 } });
    const report = await reconcileStock();
    expect(report.ok).toBe(false);
    expect(report.drift).toEqual(expect.arrayContaining([
      expect.objectContaining({ check: "BALANCE_LEDGER", sku: "A", warehouse: "SP1", field: "onHand", stored: 11, expected: 10 }),
      expect.objectContaining({ check: "BIN_LEDGER", sku: "B", bin: "RJ1-A-01", field: "onHand", stored: 3, expected: 4 }),
      expect.objectContaining({ check: "BINS_BALANCE", sku: "B", warehouse: "RJ1", stored: 4, expected: 3 }),
    ]));
    expect(report.driftCount.RESERVATIONS).toBe(0);
  });

  it("finds unavailable units moved to the wrong kind behind the ledger's back", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 5 }]);
    await setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 2, direction: "TO_UNAVAILABLE", kind: "QC", reason: "inspection" } });
    await db.binStock.update({ where: { skuId_binId: { skuId: w.sku.A as string, binId: bin(w, "SP1") } }, data: { qc: 0, damaged: 2 } });
    const report = await reconcileStock();
    expect(report.drift).toEqual(expect.arrayContaining([
      expect.objectContaining({ check: "BIN_LEDGER", sku: "A", field: "qc", stored: 0, expected: 2 }),
      expect.objectContaining({ check: "BIN_LEDGER", sku: "A", field: "damaged", stored: 2, expected: 0 }),
    ]));
    expect(report.driftCount.BALANCE_LEDGER).toBe(0);
  });

  it("finds reserved units that no active reservation explains", async () => {
    const w = await twoSites([{ sku: "A", wh: "SP1", onHand: 10 }]);
    await reservedOrder(w, 2);
    await db.reservation.updateMany({ data: { status: "RELEASED" } });
    const report = await reconcileStock();
    expect(report.drift).toEqual(expect.arrayContaining([
      expect.objectContaining({ check: "RESERVATIONS", sku: "A", stored: 2, expected: 0 }),
      expect.objectContaining({ check: "LINE_RESERVED", stored: 2, expected: 0, orderNumber: expect.any(Number) }),
    ]));
  });
});
