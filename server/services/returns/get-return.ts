/**
 * One return as the desk receives it: the order (its stage, version and active
 * holds), the lines with the units expected back, the bins of the order's
 * warehouse and, per line, a suggested bin: the one its units left from
 * (SHIPMENT movement), else where the SKU has the most stock, else the first
 * along the walking path. Any stage is shown (read-only once it is no longer
 * RETURN_REQUESTED), so the page can say what happened.
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import type { HoldReason, OrderStatus } from "@/server/services/order/order-dimensions";
import { assertReturnRole, RETURN_VIEW_ROLES } from "./return-roles";

export interface ReturnDetail {
  id: string;
  number: number;
  externalNumber: string | null;
  customerName: string;
  status: OrderStatus;
  version: number;
  holds: HoldReason[];
  requestReason: string | null;
  warehouse: { id: string; code: string; name: string } | null;
  bins: { id: string; code: string }[];
  lines: { id: string; lineNo: number; sku: string; name: string; stocked: boolean; expected: number; suggestedBinId: string | null }[];
  /** What the desk booked back (RETURN movements of the order), once completed. */
  booked: { id: string; sku: string; binCode: string | null; quantity: number; condition: "SELLABLE" | "DAMAGED" | "QUARANTINE" | "QC"; actorLabel: string; createdAt: Date }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BINS = 2000;

export async function getReturn(opts: { actor: SessionUser; orderId: string }): Promise<ReturnDetail> {
  assertReturnRole(RETURN_VIEW_ROLES, opts.actor.role, "see returns");
  const order = UUID.test(opts.orderId)
    ? await db.order.findUnique({
        where: { id: opts.orderId },
        select: {
          id: true, number: true, externalNumber: true, customerName: true, status: true, version: true,
          warehouse: { select: { id: true, code: true, name: true } },
          holds: { where: { releasedAt: null }, select: { reason: true }, orderBy: { createdAt: "asc" } },
          lines: { select: { id: true, lineNo: true, sku: true, skuId: true, name: true, shippedQty: true }, orderBy: { lineNo: "asc" } },
          events: { where: { type: "order.return_requested" }, select: { reason: true }, orderBy: { id: "desc" }, take: 1 },
        },
      })
    : null;
  // Only orders that went out and came (or come) back belong to the desk.
  if (!order || (order.status !== "RETURN_REQUESTED" && order.status !== "RETURNED")) {
    throw new DomainError("NOT_FOUND", `Return of order ${opts.orderId} not found.`);
  }
  const wh = order.warehouse;
  const bins = wh
    ? await db.bin.findMany({ where: { warehouseId: wh.id }, select: { id: true, code: true }, orderBy: [{ pickSequence: "asc" }, { code: "asc" }], take: MAX_BINS })
    : [];
  const skuIds = order.lines.flatMap((l) => (l.skuId ? [l.skuId] : []));
  const [shippedFrom, stocked] = wh && skuIds.length
    ? await Promise.all([
        db.stockMovement.findMany({
          where: { orderId: order.id, type: "SHIPMENT", warehouseId: wh.id, binId: { not: null }, skuId: { in: skuIds } },
          select: { skuId: true, binId: true },
          orderBy: { id: "asc" },
        }),
        db.binStock.findMany({ where: { skuId: { in: skuIds }, bin: { warehouseId: wh.id } }, select: { skuId: true, binId: true }, orderBy: { onHand: "desc" } }),
      ])
    : [[], []];
  const suggest = (skuId: string | null): string | null => {
    if (!skuId) return null;
    return shippedFrom.find((m) => m.skuId === skuId)?.binId ?? stocked.find((b) => b.skuId === skuId)?.binId ?? bins[0]?.id ?? null;
  };
  const booked = order.status === "RETURNED"
    ? await db.stockMovement.findMany({
        where: { orderId: order.id, type: "RETURN" },
        select: { id: true, onHandDelta: true, unavailableKind: true, actorLabel: true, createdAt: true, sku: { select: { code: true } }, bin: { select: { code: true } } },
        orderBy: { id: "asc" },
      })
    : [];
  return {
    id: order.id,
    number: order.number,
    externalNumber: order.externalNumber,
    customerName: order.customerName,
    status: order.status,
    version: order.version,
    holds: order.holds.map((h) => h.reason),
    requestReason: order.events[0]?.reason ?? null,
    warehouse: wh,
    bins,
    lines: order.lines
      .filter((l) => l.shippedQty > 0)
      .map((l) => ({ id: l.id, lineNo: l.lineNo, sku: l.sku, name: l.name, stocked: l.skuId !== null, expected: l.shippedQty, suggestedBinId: suggest(l.skuId) })),
    booked: booked.map((m) => ({
      id: String(m.id),
      sku: m.sku.code,
      binCode: m.bin?.code ?? null,
      quantity: m.onHandDelta,
      condition: m.unavailableKind ?? "SELLABLE",
      actorLabel: m.actorLabel,
      createdAt: m.createdAt,
    })),
  };
}
