import { beforeEach, describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { systemActor } from "@/server/services/order/actor";
import { exportStockGridCsv } from "@/server/services/stock/export-stock-grid";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, lines, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let clerk: SessionUser;
let w: World;
beforeEach(async () => {
  clerk = await makeUser("WAREHOUSE");
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }],
    skus: ["A", "B"],
    stock: [{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "B", wh: "SP1", onHand: 3, bin: 1 }],
  });
});

const bin = (wh: string, i = 0) => w.wh[wh]?.bins[i] as string;

describe("purchase order page", () => {
  it("creates with exact unit costs, receives partially and lists the receipts with who and where", async () => {
    const api = createCaller({ user: clerk });
    const po = await api.stock.createPurchaseOrder({
      warehouseId: w.wh.SP1?.id as string, supplier: "Malharia", expectedAt: new Date(Date.now() + 20 * 86_400_000), // never before today (create-purchase-order.ts)
      lines: [{ skuId: w.sku.A as string, quantity: 12, unitCostCents: 1999 }, { skuId: w.sku.B as string, quantity: 3, unitCostCents: 5 }],
    });
    const lineA = po.lines.find((l) => l.skuId === w.sku.A)?.id as string;
    await api.stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin("SP1", 1), quantity: 5 }] });

    const d = await api.purchasing.purchaseOrder({ id: po.id });
    expect(d).toMatchObject({ number: po.number, status: "PARTIALLY_RECEIVED", createdBy: "WAREHOUSE user", totalCostCents: 12 * 1999 + 15 });
    expect(d.lines.map((l) => [l.skuCode, l.quantityOrdered, l.quantityReceived, l.open, l.unitCostCents, l.totalCostCents])).toEqual([
      ["A", 12, 5, 7, 1999, 23988],
      ["B", 3, 0, 3, 5, 15],
    ]);
    expect(d.receipts).toEqual([expect.objectContaining({ skuCode: "A", binCode: "SP1-A-02", quantity: 5, actorLabel: "WAREHOUSE user" })]);
    expect(d.bins.map((b) => b.code)).toEqual(["SP1-A-01", "SP1-A-02"]);

    // The costs live on the lines (not in the audit entry), and the list shows the total.
    const stored = await db.purchaseOrderLine.findMany({ where: { purchaseOrderId: po.id }, select: { skuId: true, unitCostCents: true } });
    expect(new Map(stored.map((l) => [l.skuId, l.unitCostCents]))).toEqual(new Map([[w.sku.A, 1999], [w.sku.B, 5]]));
    const audit = await db.auditLog.findFirst({ where: { entityId: po.id, action: "purchaseOrder.created" }, select: { data: true } });
    expect(audit?.data).not.toHaveProperty("unitCosts");
    const list = await api.stock.purchaseOrders({});
    expect(list.rows.map((r) => [r.number, r.totalCostCents])).toEqual([[po.number, 12 * 1999 + 15]]);
  });

  it("a line without a cost has none, and neither has the purchase order's total", async () => {
    const api = createCaller({ user: clerk });
    const po = await api.stock.createPurchaseOrder({
      warehouseId: w.wh.SP1?.id as string, supplier: "Malharia",
      lines: [{ skuId: w.sku.A as string, quantity: 2, unitCostCents: 0 }, { skuId: w.sku.B as string, quantity: 1 }],
    });
    const d = await api.purchasing.purchaseOrder({ id: po.id });
    expect(d.lines.map((l) => [l.skuCode, l.unitCostCents, l.totalCostCents])).toEqual([["A", 0, 0], ["B", null, null]]);
    expect(d.totalCostCents).toBeNull();
    expect((await api.stock.purchaseOrders({})).rows[0]?.totalCostCents).toBeNull();
    await expect(db.purchaseOrderLine.updateMany({ where: { purchaseOrderId: po.id }, data: { unitCostCents: -1 } })).rejects.toThrow(/unitCostCents_nonneg|check constraint/i);
  });

  it("refuses two lines of one SKU with different costs, and creation by an operator", async () => {
    const api = createCaller({ user: clerk });
    const sku = w.sku.A as string;
    await expect(api.stock.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "X", lines: [{ skuId: sku, quantity: 1, unitCostCents: 100 }, { skuId: sku, quantity: 1, unitCostCents: 101 }] }))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
    const operator = createCaller({ user: await makeUser("OPERATOR") });
    await expect(operator.stock.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "X", lines: [{ skuId: sku, quantity: 1 }] }))
      .rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.purchaseOrder.count()).toBe(0);
  });
});

describe("cycle-count CSV import", () => {
  it("applies, leaves unchanged and refuses row by row, writing ADJUSTMENT movements with the actor", async () => {
    const order = await capture(w, { lines: [{ sku: "A", quantity: 4 }] });
    await reserveOrderStock({ orderId: order, actor: systemActor("channel:Loja") });
    const csv = [
      "sku;armazém;posição;quantidade contada;motivo",
      "A;SP1;sp1-a-01;7;shelf recount", // 10 → 7
      "B;SP1;SP1-A-02;3;", // unchanged
      "",
      "Z;SP1;SP1-A-01;1;", // unknown SKU
      "A;XX;SP1-A-01;1;", // unknown warehouse
      "A;RJ1;SP1-A-01;1;", // bin of another warehouse
      "A;SP1;SP1-A-01;2;", // same bin twice
      "B;SP1;SP1-A-01;-1;", // negative
      "B;SP1;SP1-A-01;1,5;", // not whole
      "A;SP1;SP1-A-02;0;", // A in bin 2: holds 0 already → unchanged
      "B;RJ1;RJ1-A-01;;", // required
    ].join("\r\n");
    const r = await createCaller({ user: clerk }).purchasing.importCounts({ csv, fileName: "count.csv" });
    expect(r.problem).toBeNull();
    expect({ total: r.total, applied: r.applied, unchanged: r.unchanged, errors: r.errors }).toEqual({ total: 10, applied: 1, unchanged: 2, errors: 7 });
    expect(r.rows.map((x) => [x.row, x.status, x.code])).toEqual([
      [2, "APPLIED", null], [3, "UNCHANGED", null], [5, "ERROR", "unknown_sku"], [6, "ERROR", "unknown_warehouse"], [7, "ERROR", "unknown_bin"],
      [8, "ERROR", "duplicate_row"], [9, "ERROR", "negative_quantity"], [10, "ERROR", "invalid_quantity"], [11, "UNCHANGED", null], [12, "ERROR", "required"],
    ]);
    expect(r.rows[0]).toMatchObject({ before: 10, after: 7 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 7, reserved: 4 });
    const moves = await db.stockMovement.findMany({ where: { type: "ADJUSTMENT" } });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actorId: clerk.id, onHandDelta: -3, reason: "Cycle count (7 counted): count.csv, row 2: shelf recount" });
  });

  it("refuses a count below what is reserved with the numbers, and keeps the other rows", async () => {
    const order = await capture(w, { lines: [{ sku: "A", quantity: 6 }] });
    await reserveOrderStock({ orderId: order, actor: systemActor("channel:Loja") });
    const r = await createCaller({ user: clerk }).purchasing.importCounts({ csv: "sku,warehouse,bin,counted\nA,SP1,SP1-A-01,5\nB,SP1,SP1-A-02,9\n" });
    expect(r.rows.map((x) => x.status)).toEqual(["ERROR", "APPLIED"]);
    expect(r.rows[0]).toMatchObject({ code: "below_reserved", params: { reserved: 6, newOnHand: 5 } });
    expect(r.rows[0]?.message).toContain("6 unit(s) reserved");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 10, reserved: 6 });
    expect(await balance(w, "B", "SP1")).toMatchObject({ onHand: 9 });
    expect((await lines(order))[0]).toMatchObject({ reservedQty: 6 });
  });

  it("answers a bad file with a file-level problem and changes nothing", async () => {
    const api = createCaller({ user: clerk });
    expect((await api.purchasing.importCounts({ csv: "sku,bin,counted\nA,SP1-A-01,1\n" })).problem).toEqual({ code: "missing_column", params: { columns: "warehouse" } });
    expect((await api.purchasing.importCounts({ csv: "\n\n" })).problem).toMatchObject({ code: "empty_file" });
    expect((await api.purchasing.importCounts({ csv: 'sku,warehouse,bin,counted\n"A,SP1,SP1-A-01,1\n' })).problem).toMatchObject({ code: "unreadable" });
    expect(await db.stockMovement.count({ where: { type: "ADJUSTMENT" } })).toBe(0);
  });

  it("is refused to an operator", async () => {
    const api = createCaller({ user: await makeUser("OPERATOR") });
    await expect(api.purchasing.importCounts({ csv: "sku,warehouse,bin,counted\nA,SP1,SP1-A-01,1\n" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("stock grid CSV export", () => {
  it("streams every page with totals and per-warehouse columns, honouring the filter", async () => {
    let text = "";
    for await (const chunk of exportStockGridCsv({ filter: "ALL" }, { pageSize: 1 })) text += chunk;
    const rows = text.replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
    expect(rows[0]).toEqual([
      "sku", "name", "ean", "active", "health", "reorder_point", "on_hand", "reserved", "unavailable", "safety", "available", "incoming", "sold_30d", "backordered",
      "on_hand_RJ1", "available_RJ1", "on_hand_SP1", "available_SP1",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[6], r[10], r[16], r[17]])).toEqual([["A", "OK", "10", "10", "10", "10"], ["B", "LOW", "3", "3", "3", "3"]]);

    let low = "";
    for await (const chunk of exportStockGridCsv({ filter: "LOW", warehouseId: w.wh.SP1?.id })) low += chunk;
    expect(low.trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(["B"]);
  });
});
