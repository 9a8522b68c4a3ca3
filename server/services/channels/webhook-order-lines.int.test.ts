/**
 * Changed lines and totals in a later channel version, through the real webhook route: applied
 * (stock released and reserved again, ledger consistent) before approval; an exception afterwards.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { webhookRequest, wooHeaders, wooOrder } from "@/server/test/channel-payloads";
import { makeChannel, makeUser, orderWithLines, postWebhook } from "@/server/test/webhook-harness";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { userActor } from "@/server/services/order/actor";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { buildWorld } from "@/server/services/stock/stock-test-fixtures";
import { exceptionText } from "@/server/services/exceptions/exception-text";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();

async function woo(channelId: string, payload: Record<string, unknown>, topic = "order.updated") {
  const body = JSON.stringify(payload);
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: wooHeaders(body, SECRET, { topic }) }));
}

type WooLine = { id: number; sku: string; name: string; qty: number; unit: string };
const CANECA: WooLine = { id: 901, sku: "CAN-ESM-AZ", name: "Caneca Esmaltada Azul", qty: 2, unit: "39.90" };
const BULE: WooLine = { id: 902, sku: "BULE-1L", name: "Bule Esmaltado 1L", qty: 1, unit: "120.00" };
const PRATO: WooLine = { id: 906, sku: "PRATO-RAS", name: "Prato Raso", qty: 1, unit: "25.00" };

const cents = (s: string) => Math.round(Number(s) * 100);
const dec = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, "0")}`;

/** wooOrder (shipping 18.50) with the given lines and matching totals, at a given version. */
function version(o: { id?: number; status: string; modified?: string; lines: WooLine[] }): Record<string, unknown> {
  const items = o.lines.map((l) => {
    const total = dec(cents(l.unit) * l.qty);
    return { id: l.id, name: l.name, product_id: l.id, variation_id: 0, quantity: l.qty, subtotal: total, subtotal_tax: "0.00", total, total_tax: "0.00", sku: l.sku, price: Number(l.unit) };
  });
  const subtotal = o.lines.reduce((n, l) => n + cents(l.unit) * l.qty, 0);
  return { ...wooOrder({ id: o.id, status: o.status, modified: o.modified }), line_items: items, total: dec(subtotal + 1850) };
}

async function world(stock: Record<string, number>) {
  return buildWorld({
    warehouses: [{ code: "CWB", state: "PR" }],
    skus: ["CAN-ESM-AZ", "BULE-1L", "PRATO-RAS"],
    stock: Object.entries(stock).map(([sku, onHand]) => ({ sku, wh: "CWB", onHand })),
  });
}

const activeReserved = async (orderId: string) =>
  (await db.reservation.findMany({ where: { orderId, status: "ACTIVE" }, select: { quantity: true } })).reduce((n, r) => n + r.quantity, 0);
const lineView = (lines: { lineNo: number; sku: string; quantity: number; reservedQty: number; backorderedQty: number; totalCents: number }[]) =>
  lines.map((l) => [l.lineNo, l.sku, l.quantity, l.reservedQty, l.backorderedQty, l.totalCents]);

describe("before approval: the channel's new lines are applied", () => {
  it("a quantity change on a RECEIVED order updates lines and totals, re-reserves, keeps the ledger consistent, one event", async () => {
    await world({ "CAN-ESM-AZ": 10, "BULE-1L": 5 });
    const ch = await makeChannel("WOOCOMMERCE", SECRET, { name: "Loja Woo" });
    await woo(ch.id, version({ status: "pending", lines: [CANECA, BULE] }), "order.created");
    const before = await orderWithLines(ch.id, "4321");
    expect(before).toMatchObject({ status: "RECEIVED", totalCents: 21830 });

    const changed = version({ status: "pending", modified: "2025-03-12T10:00:00", lines: [{ ...CANECA, qty: 3 }, BULE] });
    expect(await woo(ch.id, changed)).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "4321");
    expect(order).toMatchObject({ status: "RECEIVED", subtotalCents: 23970, shippingCents: 1850, totalCents: 25820 });
    expect(lineView(order?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 3, 3, 0, 11970], [2, "BULE-1L", 1, 1, 0, 12000]]);
    expect(order?.lines.map((l) => l.id)).toEqual(before?.lines.map((l) => l.id)); // updated in place
    expect(await activeReserved(order?.id ?? "")).toBe(4);
    const report = await reconcileStock();
    expect(report.driftCount).toEqual({ BALANCE_LEDGER: 0, BIN_LEDGER: 0, RESERVATIONS: 0, BINS_BALANCE: 0, LINE_RESERVED: 0 });
    expect(report.ok).toBe(true);

    const events = order?.events.filter((e) => e.type === "order.lines_changed") ?? [];
    expect(events).toHaveLength(1);
    expect(events[0]?.actorLabel).toBe("channel:Loja Woo");
    expect(events[0]?.data).toMatchObject({
      changed: [{ lineNo: 1, externalId: "901", before: { sku: "CAN-ESM-AZ", quantity: 2 }, after: { sku: "CAN-ESM-AZ", quantity: 3 } }],
      added: [],
      removed: [],
      totals: { before: { subtotalCents: 19980, totalCents: 21830 }, after: { subtotalCents: 23970, totalCents: 25820 } },
      stockReReserved: true,
    });
    // The same version again changes nothing.
    expect(await woo(ch.id, changed)).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect((await orderWithLines(ch.id, "4321"))?.events.filter((e) => e.type === "order.lines_changed")).toHaveLength(1);
  });

  it("the freed units are not handed to a waiting order before this one re-reserves; what is left then goes to it", async () => {
    await world({ "CAN-ESM-AZ": 2, "BULE-1L": 5, "PRATO-RAS": 5 });
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    await woo(ch.id, version({ status: "pending", lines: [CANECA, BULE] }), "order.created");
    await woo(ch.id, version({ id: 4322, status: "pending", lines: [CANECA] }), "order.created");
    expect(lineView((await orderWithLines(ch.id, "4322"))?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 2, 0, 2, 7980]]);

    // The bule is removed and a prato added; the canecas are untouched, but the whole order is released and reserved again.
    await woo(ch.id, version({ status: "pending", modified: "2025-03-12T10:00:00", lines: [CANECA, PRATO] }));
    let a = await orderWithLines(ch.id, "4321");
    expect(lineView(a?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 2, 2, 0, 7980], [3, "PRATO-RAS", 1, 1, 0, 2500]]);
    expect(a?.totalCents).toBe(7980 + 2500 + 1850);
    expect(lineView((await orderWithLines(ch.id, "4322"))?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 2, 0, 2, 7980]]);
    expect(a?.events.find((e) => e.type === "order.lines_changed")?.data).toMatchObject({
      added: [{ sku: "PRATO-RAS", quantity: 1, externalId: "906" }],
      removed: [{ lineNo: 2, sku: "BULE-1L", quantity: 1 }],
    });

    // One caneca fewer: the unit this order no longer needs goes to the waiting order.
    await woo(ch.id, version({ status: "pending", modified: "2025-03-13T10:00:00", lines: [{ ...CANECA, qty: 1 }, PRATO] }));
    a = await orderWithLines(ch.id, "4321");
    expect(lineView(a?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 1, 1, 0, 3990], [3, "PRATO-RAS", 1, 1, 0, 2500]]);
    expect(lineView((await orderWithLines(ch.id, "4322"))?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 2, 1, 1, 7980]]);
    const bule = await db.stockBalance.findFirstOrThrow({ where: { sku: { code: "BULE-1L" } } });
    expect(bule.reserved).toBe(0);
    expect((await reconcileStock()).ok).toBe(true);
  });
});

describe("after approval: the change becomes an exception", () => {
  it("an ALLOCATED order keeps its lines; a CHANNEL_ORDER_CHANGED exception and a timeline event, raised once", async () => {
    await world({ "CAN-ESM-AZ": 10, "BULE-1L": 5 });
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    await woo(ch.id, version({ status: "processing", lines: [CANECA, BULE] }), "order.created");
    const created = await orderWithLines(ch.id, "4321");
    await applyOrderAction({ orderId: created?.id ?? "", action: { type: "APPROVE" }, actor: userActor(await makeUser("OPERATOR")) });
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ status: "ALLOCATED" });

    const changed = version({ status: "processing", modified: "2025-03-12T10:00:00", lines: [{ ...CANECA, qty: 3 }, BULE] });
    expect(await woo(ch.id, changed)).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "4321");
    expect(order).toMatchObject({ status: "ALLOCATED", totalCents: 21830, subtotalCents: 19980 });
    expect(lineView(order?.lines ?? [])).toEqual([[1, "CAN-ESM-AZ", 2, 2, 0, 7980], [2, "BULE-1L", 1, 1, 0, 12000]]);
    expect(await activeReserved(order?.id ?? "")).toBe(3);
    expect(order?.events.filter((e) => e.type === "order.lines_changed")).toHaveLength(0);

    const exceptions = await db.exception.findMany({ where: { orderId: order?.id ?? "", type: "CHANNEL_ORDER_CHANGED" } });
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ status: "OPEN" });
    expect(exceptions[0]?.message).toContain("after it was approved (status ALLOCATED)");
    expect(exceptions[0]?.message).toContain("line 1 (CAN-ESM-AZ): quantity 2 → 3");
    expect(exceptions[0]?.data).toMatchObject({ orderStatus: "ALLOCATED", diff: { changed: [{ before: { quantity: 2 }, after: { quantity: 3 } }] } });
    // What /exceptions shows in the reader's language is built from that data.
    const text = exceptionText("CHANNEL_ORDER_CHANGED", exceptions[0]?.data, order?.number ?? null);
    expect(text).toMatchObject({ key: "CHANNEL_ORDER_CHANGED", params: { order: order?.number, status: "ALLOCATED" } });
    expect(text?.changes?.[0]).toEqual({ key: "quantity", params: { line: 1, sku: "CAN-ESM-AZ", from: 2, to: 3 } });
    expect(order?.events.filter((e) => e.type === "order.channel_change_not_applied")).toHaveLength(1);

    // The same version again, and a newer version asking for the same change (a note edited): not raised again.
    expect(await woo(ch.id, changed)).toMatchObject({ body: { status: "duplicate" } });
    await woo(ch.id, { ...version({ status: "processing", modified: "2025-03-13T10:00:00", lines: [{ ...CANECA, qty: 3 }, BULE] }), customer_note: "Presente" });
    expect(await db.exception.count({ where: { type: "CHANNEL_ORDER_CHANGED" } })).toBe(1);
    const after = await orderWithLines(ch.id, "4321");
    expect(after?.note).toBe("Presente");
    expect(after?.events.filter((e) => e.type === "order.channel_change_not_applied")).toHaveLength(1);
    expect((await reconcileStock()).ok).toBe(true);
  });
});
