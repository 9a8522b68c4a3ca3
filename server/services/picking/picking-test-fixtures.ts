/**
 * Test data for the picking integration tests (not a test file itself): a
 * warehouse whose bins are created out of walking order, opening stock
 * through the real ledger, and orders taken to ALLOCATED through the real
 * capture → APPROVE path (reservation + allocation hooks).
 */
import { db } from "@/server/db";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { buildWorld, capture, type World } from "@/server/services/stock/stock-test-fixtures";

export { makeUser } from "@/server/services/stock/stock-test-fixtures";

export interface PickWorld extends World {
  /** Bin id by code. */
  bin: Record<string, string>;
  whId: string;
}

/** Bins as [code, pickSequence]; created in this (non-walking) order on purpose. */
export const BINS: [string, number][] = [
  ["C-01-1-1", 30],
  ["A-01-1-1", 10],
  ["B-01-1-1", 20],
  ["A-01-2-1", 15],
];

export async function buildPickWorld(opts: {
  skus: string[];
  /** Opening stock: [sku, binCode, units]. */
  stock: [string, string, number][];
  extraWarehouse?: boolean;
  eans?: Record<string, string>;
}): Promise<PickWorld> {
  const w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 0 }, ...(opts.extraWarehouse ? [{ code: "RJ1", state: "RJ", bins: 1 }] : [])],
    skus: opts.skus,
  });
  const whId = w.wh.SP1?.id as string;
  const bin: Record<string, string> = {};
  for (const [code, seq] of BINS) {
    const [zone, aisle, shelf, position] = code.split("-") as [string, string, string, string];
    const row = await db.bin.create({ data: { warehouseId: whId, code, zone, aisle, shelf, position, pickSequence: seq } });
    bin[code] = row.id;
  }
  for (const [code, ean] of Object.entries(opts.eans ?? {})) {
    await db.sku.update({ where: { id: w.sku[code] as string }, data: { ean } });
  }
  const changes = opts.stock.map(([sku, binCode, units]) => ({
    type: "RECEIPT" as const,
    skuId: w.sku[sku] as string,
    binId: bin[binCode] as string,
    onHandDelta: units,
    reason: "Opening stock",
  }));
  if (changes.length) await db.$transaction((tx) => applyBinChanges(tx, { changes, actor: systemActor("test") }));
  return { ...w, bin, whId };
}

const channel = systemActor("channel:Loja");

/** An order taken to ALLOCATED in SP1 (fails the test if the stock does not allow it). */
export async function allocatedOrder(
  w: World,
  lines: { sku: string; quantity: number }[],
  opts: { shipBy?: Date | null; placedAt?: Date; channelId?: string } = {},
): Promise<string> {
  const id = await capture(opts.channelId ? { ...w, channelId: opts.channelId } : w, { lines, placedAt: opts.placedAt });
  const r = await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: channel });
  if (r.to !== "ALLOCATED") throw new Error(`test order not allocated (${r.to})`);
  if (opts.shipBy !== undefined) await db.order.update({ where: { id }, data: { shipBy: opts.shipBy } });
  return id;
}

export async function orderStatus(id: string): Promise<string> {
  return (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
