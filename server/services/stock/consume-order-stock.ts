/**
 * Goods leave (SHIP): ACTIVE reservations become CONSUMED (claim-reservations.ts)
 * — the whole order's, or exactly one package's units per line (the rest stays
 * reserved for a later package). That conditional claim is what makes it happen
 * once: a second SHIP of the order finds nothing ACTIVE, and a package ships once
 * under its row lock (create-shipment.ts).
 * Then, per consumed reservation: StockBalance on hand and reserved go down, the
 * units come out of the bins they were picked from (the order's latest pick list,
 * picked-bins.ts) and otherwise of the bins that hold them in walking-path
 * order (never below the damaged units a bin holds), one SHIPMENT movement per
 * bin drawn from, and the line's shippedQty goes up as its reservedQty goes down.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import type { ShipUnit } from "@/server/services/order/order-actions";
import { readPickedBins, type PickedBin } from "@/server/services/picking/picked-bins";
import { claimReservations, type Consumed } from "@/server/services/stock/claim-reservations";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { inStockTx, who } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

interface BinRow {
  skuId: string;
  binId: string;
  warehouseId: string;
  sellable: number;
  skuCode: string;
  warehouseCode: string;
}

export interface ConsumeResult {
  consumed: Consumed[];
  draws: { orderLineId: string; skuId: string; warehouseId: string; binId: string; quantity: number }[];
}

export async function consumeOrderStock(opts: {
  orderId: string;
  actor: Actor;
  /** Only the package shipping from this warehouse (split orders). */
  warehouseId?: string;
  /** One package: exactly these units per order line (else every ACTIVE reservation of the order). */
  units?: readonly ShipUnit[];
  reason?: string;
  tx?: DbTx;
}): Promise<ConsumeResult> {
  return inStockTx(opts.tx, async (tx) => {
    const consumed = await claimReservations(tx, opts);
    if (consumed.length === 0) return { consumed: [], draws: [] };
    consumed.sort((a, b) => (a.skuId + a.warehouseId + a.id < b.skuId + b.warehouseId + b.id ? -1 : 1));
    const pairs = JSON.stringify([...new Map(consumed.map((c) => [`${c.skuId}|${c.warehouseId}`, { skuId: c.skuId, warehouseId: c.warehouseId }])).values()]);
    // Balances first, then bins, each in key order (see stock-tx.ts); bins listed along the walking path.
    const bins = await tx.$queryRaw<BinRow[]>(Prisma.sql`
      WITH p AS (SELECT * FROM jsonb_to_recordset(${pairs}::jsonb) AS p("skuId" uuid, "warehouseId" uuid)),
      lb AS MATERIALIZED (
        SELECT b."skuId", b."warehouseId" FROM "StockBalance" b JOIN p ON p."skuId" = b."skuId" AND p."warehouseId" = b."warehouseId"
        ORDER BY b."skuId", b."warehouseId" FOR UPDATE OF b
      ), lbin AS MATERIALIZED (
        SELECT bs."skuId", bs."binId", bn."warehouseId", bs."onHand" - bs.unavailable AS sellable, bn."pickSequence", bn.code
        FROM "BinStock" bs JOIN "Bin" bn ON bn.id = bs."binId"
        JOIN p ON p."skuId" = bs."skuId" AND p."warehouseId" = bn."warehouseId"
        WHERE (SELECT count(*) FROM lb) > 0 AND bs."onHand" > bs.unavailable
        ORDER BY bs."skuId", bs."binId" FOR UPDATE OF bs
      )
      SELECT lbin."skuId", lbin."binId", lbin."warehouseId", lbin.sellable, s.code AS "skuCode", w.code AS "warehouseCode"
      FROM lbin JOIN "Sku" s ON s.id = lbin."skuId" JOIN "Warehouse" w ON w.id = lbin."warehouseId"
      ORDER BY lbin."skuId", lbin."pickSequence", lbin.code`);
    const picked = await readPickedBins(tx, opts.orderId, opts.warehouseId);
    const draws = drawFromBins(consumed, bins, picked);
    const { actorId, actorLabel } = who(opts.actor);
    const reason = opts.reason ?? ledgerReason("shipped");
    const rows = await tx.$queryRaw<{ balances: number; expected: number }[]>(Prisma.sql`
      WITH d AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(draws)}::jsonb)
          AS d("orderLineId" uuid, "skuId" uuid, "warehouseId" uuid, "binId" uuid, quantity int)
      ), per_bal AS (
        SELECT "skuId", "warehouseId", sum(quantity)::int AS quantity FROM d GROUP BY 1, 2
      ), per_bin AS (
        SELECT "skuId", "binId", sum(quantity)::int AS quantity FROM d GROUP BY 1, 2
      ), bal AS (
        UPDATE "StockBalance" b SET "onHand" = b."onHand" - p.quantity, reserved = b.reserved - p.quantity
        FROM per_bal p WHERE b."skuId" = p."skuId" AND b."warehouseId" = p."warehouseId" AND b.reserved >= p.quantity
        RETURNING 1
      ), bins AS (
        UPDATE "BinStock" bs SET "onHand" = bs."onHand" - p.quantity
        FROM per_bin p WHERE bs."skuId" = p."skuId" AND bs."binId" = p."binId" AND bs."onHand" - bs.unavailable >= p.quantity
        RETURNING 1
      ), mov AS (
        INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "onHandDelta", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
        SELECT 'SHIPMENT'::"MovementType", "skuId", "warehouseId", "binId", -quantity, -quantity, ${reason}, ${actorId}::uuid, ${actorLabel}, ${opts.orderId}::uuid
        FROM d
        RETURNING 1
      ), lines AS (
        UPDATE "OrderLine" l SET "shippedQty" = l."shippedQty" + s.quantity, "reservedQty" = l."reservedQty" - s.quantity
        FROM (SELECT "orderLineId", sum(quantity)::int AS quantity FROM d GROUP BY 1) s
        WHERE l.id = s."orderLineId"
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM bal) + (SELECT count(*)::int FROM bins) AS balances,
        (SELECT count(*)::int FROM per_bal) + (SELECT count(*)::int FROM per_bin) AS expected`);
    const r = rows[0];
    if (!r || r.balances !== r.expected) throw new Error(`shipment of order ${opts.orderId}: levels changed under a lock (run reconcile-stock)`);
    await refreshStockAlerts(tx, pairsOf(consumed));
    return { consumed, draws };
  });
}

/** For each reservation: first the bins its line was picked from, then the bins in walking-path order (already sorted per SKU). */
function drawFromBins(consumed: readonly Consumed[], bins: readonly BinRow[], picked: readonly PickedBin[] = []): ConsumeResult["draws"] {
  const left = new Map(bins.map((b) => [b.binId + b.skuId, b.sellable]));
  const pickedLeft = new Map(picked.map((p) => [p.orderLineId + p.binId, p.quantity]));
  const draws: ConsumeResult["draws"] = [];
  for (const c of consumed) {
    let need = c.quantity;
    const fromPicked = picked.flatMap((p) => {
      if (p.orderLineId !== c.orderLineId) return [];
      const b = bins.find((x) => x.binId === p.binId && x.skuId === c.skuId && x.warehouseId === c.warehouseId);
      return b ? [b] : [];
    });
    for (const b of fromPicked) {
      if (need === 0) break;
      const take = Math.min(need, left.get(b.binId + b.skuId) ?? 0, pickedLeft.get(c.orderLineId + b.binId) ?? 0);
      if (take <= 0) continue;
      left.set(b.binId + b.skuId, (left.get(b.binId + b.skuId) ?? 0) - take);
      pickedLeft.set(c.orderLineId + b.binId, (pickedLeft.get(c.orderLineId + b.binId) ?? 0) - take);
      draws.push({ orderLineId: c.orderLineId, skuId: c.skuId, warehouseId: c.warehouseId, binId: b.binId, quantity: take });
      need -= take;
    }
    for (const b of bins) {
      if (need === 0) break;
      if (b.skuId !== c.skuId || b.warehouseId !== c.warehouseId) continue;
      const take = Math.min(need, left.get(b.binId + b.skuId) ?? 0);
      if (take <= 0) continue;
      left.set(b.binId + b.skuId, (left.get(b.binId + b.skuId) ?? 0) - take);
      draws.push({ orderLineId: c.orderLineId, skuId: c.skuId, warehouseId: c.warehouseId, binId: b.binId, quantity: take });
      need -= take;
    }
    if (need > 0) {
      const any = bins.find((b) => b.skuId === c.skuId && b.warehouseId === c.warehouseId);
      throw new DomainError(
        "INSUFFICIENT_STOCK",
        `The bins of ${any?.warehouseCode ?? c.warehouseId} hold ${c.quantity - need} sellable unit(s) of ${any?.skuCode ?? c.skuId}; ${c.quantity} must ship. Count the bins first.`,
        { rule: "BINS_SHORT", sku: any?.skuCode ?? c.skuId, warehouse: any?.warehouseCode ?? c.warehouseId, available: c.quantity - need, requested: c.quantity },
      );
    }
  }
  return draws;
}
