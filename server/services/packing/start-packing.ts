/**
 * Opens the pack station on an order: the packer scans or types the order
 * number ("#1042", "1042"), the channel's number, or the tote label of a pick
 * list ("PL12-T3"). The order must be in PICKING (a new package is opened, or
 * its open one resumed), or PACKED with a package still open (resumed), or
 * INVOICED after a partial shipment (packable-order.ts): then a new package
 * takes the units still reserved — once the previous package has shipped
 * (a CLOSED one still holds some of those units) and only if units are left.
 * Orders on hold are refused here, before anything is scanned.
 *
 * The order row is locked while the package is found or created, so two
 * stations opening the same order at once share one package.
 */
import type { SessionUser } from "@/server/auth/options";
import { db, type DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { assertMayPack } from "@/server/services/packing/packing-access";
import type { FulfillmentStatus, OrderStatus } from "@/server/services/order/order-dimensions";
import { isPartiallyShipped, mayOpenPackage, mayPack, type PackableOrder } from "@/server/services/packing/packable-order";
import { loadPackage, recentScans, toView, type PackageView } from "@/server/services/packing/package-state";
import { cleanCode, parsePackCode, type PackCode } from "@/server/services/packing/parse-pack-code";

export interface StartPackingResult extends PackageView {
  /** True when an open package was picked up again (its scans are kept). */
  resumed: boolean;
}

interface Candidate {
  id: string;
  number: number;
  status: OrderStatus;
  fulfillmentStatus: FulfillmentStatus;
  rank: number;
}

/** Orders the station may pack, as a filter (mayPack in packable-order.ts, for the database). */
const PACKABLE_WHERE = [{ status: { in: ["PICKING", "PACKED"] as OrderStatus[] } }, { status: "INVOICED" as const, fulfillmentStatus: "PARTIALLY_SHIPPED" as const }];

async function findByTote(code: Extract<PackCode, { kind: "tote" }>, raw: string): Promise<Candidate[]> {
  const entry = await db.pickListOrder.findFirst({
    where: { tote: code.tote, pickList: { number: code.pickListNumber, status: { in: ["OPEN", "COMPLETED"] } } },
    select: { orderId: true },
  });
  if (!entry) {
    throw new DomainError("NOT_FOUND", `No open or completed pick list ${code.pickListNumber} has a tote ${code.tote} (${raw}).`, {
      rule: "TOTE_NOT_FOUND",
      code: raw,
    });
  }
  const order = await db.order.findUnique({ where: { id: entry.orderId }, select: { id: true, number: true, status: true, fulfillmentStatus: true } });
  return order ? [{ ...order, rank: 0 }] : [];
}

const CANDIDATE_SELECT = { id: true, number: true, status: true, fulfillmentStatus: true, externalNumber: true } as const;

/**
 * Our id and number first, then the channel's id, then its number. "Order"."externalNumber" has no
 * index, so it is searched among the orders being packed (status index) and, over every order, only
 * when nothing else matched — to say which stage the order is in instead of "not found".
 */
async function findByOrderCode(code: Extract<PackCode, { kind: "order" }>): Promise<Candidate[]> {
  const rank = (r: { id: string; number: number; externalNumber: string | null }) =>
    r.id === code.id ? 0 : r.number === code.number ? 1 : r.externalNumber !== null && code.texts.includes(r.externalNumber) ? 3 : 2;
  const ranked = (rows: (PackableOrder & { id: string; number: number; externalNumber: string | null })[]) =>
    rows
      .map((r) => ({ id: r.id, number: r.number, status: r.status, fulfillmentStatus: r.fulfillmentStatus, rank: rank(r) }))
      .sort((a, b) => a.rank - b.rank || a.number - b.number);

  const or = [...(code.id ? [{ id: code.id }] : []), ...(code.number !== null ? [{ number: code.number }] : []), { externalId: { in: code.texts } }];
  const exact = ranked(await db.order.findMany({ where: { OR: or }, select: CANDIDATE_SELECT, take: 20 }));
  if (exact.some(mayPack)) return exact;
  const packable = await db.order.findMany({
    where: { OR: PACKABLE_WHERE, externalNumber: { in: code.texts } },
    select: CANDIDATE_SELECT,
    take: 20,
  });
  if (packable.length > 0 || exact.length > 0) return [...exact, ...ranked(packable)];
  return ranked(await db.order.findMany({ where: { externalNumber: { in: code.texts } }, select: CANDIDATE_SELECT, take: 20 }));
}

/** The order the code means: the best-ranked one that can be packed, else the best-ranked one (refused later with its status). */
async function findOrder(raw: string): Promise<Candidate> {
  const code = parsePackCode(raw);
  const shown = cleanCode(raw);
  if (!code) throw new DomainError("VALIDATION", "Scan or type an order number or a tote label.", { field: "code", rule: "CODE_REQUIRED" });
  const candidates = code.kind === "tote" ? await findByTote(code, shown) : await findByOrderCode(code);
  const best =
    candidates.find((c) => c.status === "PICKING") ?? candidates.find((c) => c.status === "PACKED") ?? candidates.find(isPartiallyShipped) ?? candidates[0];
  if (!best) throw new DomainError("NOT_FOUND", `No order matches ${shown}.`, { rule: "ORDER_NOT_FOUND", code: shown });
  return best;
}

/** After a partial shipment: the previous package must have left, and units must be left to pack. */
async function assertRestPackable(tx: DbTx, orderId: string, number: number, status: OrderStatus): Promise<void> {
  const closed = await tx.package.findFirst({ where: { orderId, status: "CLOSED" }, select: { number: true } });
  if (closed) {
    throw new DomainError("GUARD_FAILED", `Order #${number}: package #${closed.number} is closed but not shipped yet; ship it before packing the rest.`, {
      current: status,
      action: "PACK",
      rule: "PACKAGE_AWAITING_SHIPMENT",
      number,
      package: closed.number,
    });
  }
  const left = await tx.orderLine.aggregate({ where: { orderId }, _sum: { reservedQty: true } });
  if ((left._sum.reservedQty ?? 0) <= 0) {
    throw new DomainError("GUARD_FAILED", `Order #${number} has no reserved units left to pack; the rest waits for stock.`, {
      current: status,
      action: "PACK",
      rule: "NOTHING_TO_PACK",
      number,
    });
  }
}

function notPackable(number: number, status: OrderStatus): DomainError {
  return new DomainError("INVALID_TRANSITION", `Order #${number} cannot be packed: it is ${status}; only orders in PICKING can.`, {
    current: status,
    action: "PACK",
    rule: "PACK_NOT_READY",
    number,
  });
}

export async function startPacking(opts: { actor: SessionUser; code: string }): Promise<StartPackingResult> {
  const { actor } = opts;
  assertMayPack(actor);
  const found = await findOrder(opts.code);

  const { packageId, resumed } = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<(PackableOrder & { onHold: boolean })[]>`
        SELECT status::text AS status, "fulfillmentStatus"::text AS "fulfillmentStatus", "onHold" FROM "Order" WHERE id = ${found.id}::uuid FOR UPDATE`;
      const order = locked[0];
      if (!order) throw new DomainError("NOT_FOUND", `Order #${found.number} is gone.`, { rule: "ORDER_NOT_FOUND", code: `#${found.number}` });
      if (!mayPack(order)) throw notPackable(found.number, order.status);
      if (order.onHold) {
        const holds = await tx.orderHold.findMany({ where: { orderId: found.id, releasedAt: null }, select: { reason: true } });
        const list = holds.map((h) => h.reason).join(",");
        throw new DomainError("ORDER_ON_HOLD", `Order #${found.number} is on hold (${list}); release it before packing.`, {
          current: order.status,
          action: "PACK",
          holds: list,
          number: found.number,
        });
      }
      const open = await tx.package.findFirst({
        where: { orderId: found.id, status: "OPEN" },
        orderBy: { startedAt: "asc" },
        select: { id: true, packerId: true },
      });
      if (open) {
        // A package opened before packers were recorded (or by a removed user) gets this packer.
        if (!open.packerId) await tx.package.update({ where: { id: open.id }, data: { packerId: actor.id } });
        return { packageId: open.id, resumed: true };
      }
      if (!mayOpenPackage(order)) throw notPackable(found.number, order.status);
      if (isPartiallyShipped(order)) await assertRestPackable(tx, found.id, found.number, order.status);
      const created = await tx.package.create({ data: { orderId: found.id, packerId: actor.id, status: "OPEN" }, select: { id: true } });
      return { packageId: created.id, resumed: false };
    },
    { timeout: 15_000 },
  );

  const pkg = await loadPackage(db, packageId);
  if (!pkg) throw new DomainError("NOT_FOUND", `Package ${packageId} not found.`);
  return { ...toView(pkg, await recentScans(db, pkg)), resumed };
}
