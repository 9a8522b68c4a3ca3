/**
 * One pick list for the screen and the printout: its lines along the walking
 * path (each one confirmable), the totes (orders, by number only — warehouse
 * staff see no customer data), and the printable view aggregated by planWave:
 * one line per SKU per bin with the quantity for each tote.
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { sortByWalkingPath, type Bin } from "@/server/services/picking/pick-path";
import { planWave, type WaveOrder } from "@/server/services/picking/wave-plan";

export interface PickListLineView {
  id: string;
  orderId: string;
  orderNumber: number;
  tote: number;
  skuId: string;
  sku: string;
  productName: string;
  ean: string | null;
  binId: string;
  binCode: string;
  quantity: number;
  pickedQty: number;
  status: "PENDING" | "PICKED" | "SHORT";
  shortReason: string | null;
}

export interface PrintLine {
  binId: string;
  binCode: string;
  /** The bin's place on the walking path (the lines come in this order). */
  pickSequence: number;
  sku: string;
  productName: string;
  ean: string | null;
  totalQuantity: number;
  perTote: { tote: number; orderNumber: number; quantity: number }[];
}

export interface PickListView {
  id: string;
  number: number;
  status: "OPEN" | "COMPLETED" | "CANCELLED";
  createdAt: Date;
  completedAt: Date | null;
  warehouse: { id: string; code: string; name: string };
  createdBy: string | null;
  assignedTo: string | null;
  rule: Record<string, unknown> | null;
  totals: { orders: number; lines: number; units: number; pickedUnits: number; pendingLines: number; shortLines: number };
  orders: { orderId: string; number: number; tote: number; status: string }[];
  lines: PickListLineView[];
  printLines: PrintLine[];
}

interface LineRow extends PickListLineView {
  zone: string;
  aisle: string;
  shelf: string;
  position: string;
  pickSequence: number;
}

export async function getPickList(opts: { pickListId: string }): Promise<PickListView> {
  const list = await db.pickList.findUnique({
    where: { id: opts.pickListId },
    select: { id: true, number: true, status: true, createdAt: true, completedAt: true, rule: true, createdById: true, assignedToId: true, warehouseId: true },
  });
  if (!list) throw new DomainError("NOT_FOUND", `Pick list ${opts.pickListId} not found.`);
  const [warehouse, people, orders, rows] = await Promise.all([
    db.warehouse.findUniqueOrThrow({ where: { id: list.warehouseId }, select: { id: true, code: true, name: true } }),
    db.user.findMany({ where: { id: { in: [list.createdById, list.assignedToId].filter((x): x is string => x !== null) } }, select: { id: true, name: true } }),
    db.$queryRaw<{ orderId: string; number: number; tote: number; status: string }[]>(Prisma.sql`
      SELECT po."orderId"::text AS "orderId", o.number, po.tote, o.status::text AS status
      FROM "PickListOrder" po JOIN "Order" o ON o.id = po."orderId"
      WHERE po."pickListId" = ${list.id}::uuid ORDER BY po.tote`),
    db.$queryRaw<LineRow[]>(Prisma.sql`
      SELECT pl.id::text AS id, pl."orderId"::text AS "orderId", o.number AS "orderNumber", pl.tote, pl."skuId"::text AS "skuId", s.code AS sku,
        s.name AS "productName", s.ean, pl."binId"::text AS "binId", b.code AS "binCode", pl.quantity, pl."pickedQty",
        pl.status::text AS status, pl."shortReason", b.zone, b.aisle, b.shelf, b.position, b."pickSequence"
      FROM "PickListLine" pl JOIN "Order" o ON o.id = pl."orderId" JOIN "Sku" s ON s.id = pl."skuId" JOIN "Bin" b ON b.id = pl."binId"
      WHERE pl."pickListId" = ${list.id}::uuid
      ORDER BY pl.tote, s.code`),
  ]);
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const sorted = sortByWalkingPath(rows.map((r) => ({ ...r, code: r.binCode })));
  const lines: PickListLineView[] = sorted.map((r) => ({
    id: r.id, orderId: r.orderId, orderNumber: r.orderNumber, tote: r.tote, skuId: r.skuId, sku: r.sku, productName: r.productName, ean: r.ean,
    binId: r.binId, binCode: r.binCode, quantity: r.quantity, pickedQty: r.pickedQty, status: r.status, shortReason: r.shortReason,
  }));
  return {
    id: list.id,
    number: list.number,
    status: list.status,
    createdAt: list.createdAt,
    completedAt: list.completedAt,
    warehouse,
    createdBy: name(list.createdById),
    assignedTo: name(list.assignedToId),
    rule: list.rule && typeof list.rule === "object" && !Array.isArray(list.rule) ? (list.rule as Record<string, unknown>) : null,
    totals: {
      orders: orders.length,
      lines: lines.length,
      units: lines.reduce((n, l) => n + l.quantity, 0),
      pickedUnits: lines.reduce((n, l) => n + l.pickedQty, 0),
      pendingLines: lines.filter((l) => l.status === "PENDING").length,
      shortLines: lines.filter((l) => l.status === "SHORT").length,
    },
    orders,
    lines,
    printLines: printView(orders, rows),
  };
}

/** planWave over the list's own totes: given in tote order (orderNumber = tote), it keeps them and aggregates per SKU per bin. */
function printView(orders: { orderId: string; number: number; tote: number }[], rows: LineRow[]): PrintLine[] {
  const bins = new Map<string, Bin>();
  const byOrder = new Map<string, WaveOrder["lines"][number][]>();
  for (const r of rows) {
    bins.set(r.binId, { binId: r.binId, code: r.binCode, zone: r.zone, aisle: r.aisle, shelf: r.shelf, position: r.position, pickSequence: r.pickSequence });
    const list = byOrder.get(r.orderId) ?? [];
    list.push({ lineId: r.id, sku: r.sku, productName: r.productName, ean: r.ean, quantity: r.quantity, binId: r.binId });
    byOrder.set(r.orderId, list);
  }
  const inTotes = orders.filter((o) => byOrder.has(o.orderId));
  const plan = planWave({
    orders: inTotes.map((o) => ({ orderId: o.orderId, orderNumber: String(o.tote), lines: byOrder.get(o.orderId) ?? [] })),
    bins: [...bins.values()],
    rule: {},
  });
  const toteOf = new Map(inTotes.map((o) => [o.orderId, o]));
  return plan.lines.map((l) => ({
    binId: l.binId,
    binCode: l.binCode,
    pickSequence: bins.get(l.binId)?.pickSequence ?? Number.MAX_SAFE_INTEGER,
    sku: l.sku,
    productName: l.productName,
    ean: l.ean,
    totalQuantity: l.totalQuantity,
    perTote: l.perTote.map((t) => ({ tote: toteOf.get(t.orderId)?.tote ?? t.tote, orderNumber: toteOf.get(t.orderId)?.number ?? 0, quantity: t.quantity })),
  }));
}
