/**
 * A package as the pack station sees it, read in ONE statement: the package,
 * its order, the order's lines with their SKU's EAN and measures, and the units
 * counted so far — rebuilt from the ACCEPTED PackScan rows (the scan log is the
 * only record of what went into the box). With `lock`, the package row is
 * locked FOR UPDATE so scans and the close of one package happen one at a time.
 *
 * What a box must hold is, per line, the order's RESERVED units (reserved and
 * not shipped yet: OrderLine.reservedQty), not the ordered quantity: shipping
 * consumes the order's reservations, so the box holds exactly those — a
 * backordered unit is not in the warehouse, and a shipped one already left.
 * Once the package has SHIPPED (the reservations are consumed) its lines show
 * what was scanned into it.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { FulfillmentStatus, OrderStatus } from "@/server/services/order/order-dimensions";
import { defaultBoxMeasures, type BoxMeasures } from "@/server/services/packing/package-measures";
import { createPackState, isComplete, type ExpectedPackLine, type PackState, type ScanResult } from "@/server/services/packing/scan-match";

export type PackageStatus = "OPEN" | "CLOSED" | "SHIPPED";

interface Row {
  packageId: string;
  packageNumber: number;
  status: PackageStatus;
  packerId: string | null;
  packerName: string | null;
  startedAt: Date;
  closedAt: Date | null;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  overrideById: string | null;
  overrideByName: string | null;
  overrideReason: string | null;
  orderId: string;
  orderNumber: number;
  externalNumber: string | null;
  orderStatus: OrderStatus;
  fulfillmentStatus: FulfillmentStatus;
  onHold: boolean;
  channelName: string;
  lineId: string | null;
  sku: string | null;
  productName: string | null;
  quantity: number | null;
  reserved: number | null;
  ean: string | null;
  skuWeight: number;
  skuLength: number;
  skuWidth: number;
  skuHeight: number;
  scanned: number;
}

export interface LoadedPackage {
  packageId: string;
  packageNumber: number;
  status: PackageStatus;
  packerId: string | null;
  packerName: string | null;
  startedAt: Date;
  closedAt: Date | null;
  box: BoxMeasures | null;
  override: { byId: string; byName: string | null; reason: string } | null;
  order: {
    id: string;
    number: number;
    externalNumber: string | null;
    status: OrderStatus;
    fulfillmentStatus: FulfillmentStatus;
    onHold: boolean;
    channelName: string;
  };
  state: PackState;
  defaults: BoxMeasures;
}

export async function loadPackage(tx: DbTx, packageId: string, opts: { lock?: boolean } = {}): Promise<LoadedPackage | null> {
  // Few joined relations and 1:1 lookups as scalar subqueries: this runs on every scan, and with
  // unnamed prepared statements PostgreSQL plans it every time — planning a wide join costs more
  // than executing it.
  const rows = await tx.$queryRaw<Row[]>`
    SELECT p.id AS "packageId", p.number AS "packageNumber", p.status::text AS status, p."packerId",
           (SELECT u.name FROM "User" u WHERE u.id = p."packerId") AS "packerName",
           p."startedAt", p."closedAt", p."weightGrams", p."lengthMm", p."widthMm", p."heightMm",
           p."overrideById", (SELECT u.name FROM "User" u WHERE u.id = p."overrideById") AS "overrideByName", p."overrideReason",
           o.id AS "orderId", o.number AS "orderNumber", o."externalNumber", o.status::text AS "orderStatus",
           o."fulfillmentStatus"::text AS "fulfillmentStatus", o."onHold",
           (SELECT c.name FROM "Channel" c WHERE c.id = o."channelId") AS "channelName",
           l.id AS "lineId", l.sku, l.name AS "productName", l.quantity, l."reservedQty" AS reserved, s.ean,
           COALESCE(s."weightGrams", 0) AS "skuWeight", COALESCE(s."lengthMm", 0) AS "skuLength",
           COALESCE(s."widthMm", 0) AS "skuWidth", COALESCE(s."heightMm", 0) AS "skuHeight",
           (SELECT count(*) FROM "PackScan" ps
             WHERE ps."packageId" = p.id AND ps."orderLineId" = l.id AND ps.result = 'ACCEPTED')::int AS scanned
    FROM "Package" p
    JOIN "Order" o ON o.id = p."orderId"
    LEFT JOIN "OrderLine" l ON l."orderId" = o.id AND l.quantity > 0
    -- Lines captured before their SKU existed carry only the code: find it by code (unique index either way).
    LEFT JOIN "Sku" s ON s.id = COALESCE(l."skuId", (SELECT k.id FROM "Sku" k WHERE k.code = l.sku))
    WHERE p.id = ${packageId}::uuid
    ORDER BY l."lineNo"
    ${opts.lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
  const first = rows[0];
  if (!first) return null;

  const expected: ExpectedPackLine[] = [];
  const scanned: Record<string, number> = {};
  const measured: (Row & { units: number })[] = [];
  for (const r of rows) {
    if (r.lineId === null) continue;
    const units = first.status === "SHIPPED" ? r.scanned : (r.reserved ?? 0);
    // Nothing to pack on this line (backordered or already shipped) and nothing scanned into the box.
    if (units === 0 && r.scanned === 0) continue;
    expected.push({ lineId: r.lineId, sku: r.sku ?? "", ean: r.ean, productName: r.productName ?? "", quantity: units });
    if (r.scanned > 0) scanned[r.lineId] = r.scanned;
    measured.push({ ...r, units });
  }
  return {
    packageId: first.packageId,
    packageNumber: first.packageNumber,
    status: first.status,
    packerId: first.packerId,
    packerName: first.packerName,
    startedAt: first.startedAt,
    closedAt: first.closedAt,
    box:
      first.weightGrams === null
        ? null
        : { weightGrams: first.weightGrams, lengthMm: first.lengthMm ?? 0, widthMm: first.widthMm ?? 0, heightMm: first.heightMm ?? 0 },
    override: first.overrideById ? { byId: first.overrideById, byName: first.overrideByName, reason: first.overrideReason ?? "" } : null,
    order: {
      id: first.orderId,
      number: first.orderNumber,
      externalNumber: first.externalNumber,
      status: first.orderStatus,
      fulfillmentStatus: first.fulfillmentStatus,
      onHold: first.onHold,
      channelName: first.channelName,
    },
    state: { ...createPackState(expected), scanned },
    defaults: defaultBoxMeasures(
      measured.map((r) => ({
        quantity: r.units,
        weightGrams: r.skuWeight,
        lengthMm: r.skuLength,
        widthMm: r.skuWidth,
        heightMm: r.skuHeight,
      })),
    ),
  };
}

// ───────────────────────────── the view the station and the API return ─────────────────────────────

export interface PackLineView {
  lineId: string;
  sku: string;
  ean: string | null;
  productName: string;
  quantity: number;
  scanned: number;
}

export interface ScanLogEntry {
  id: string;
  code: string;
  result: ScanResult;
  sku: string | null;
  userName: string | null;
  at: Date;
}

export interface PackageView {
  packageId: string;
  packageNumber: number;
  status: PackageStatus;
  order: LoadedPackage["order"];
  packerName: string | null;
  startedAt: Date;
  closedAt: Date | null;
  lines: PackLineView[];
  totalUnits: number;
  scannedUnits: number;
  complete: boolean;
  /** Prefilled box weight and size (sum of SKU weights, largest SKU sides). */
  defaults: BoxMeasures;
  /** What was recorded at close. */
  box: BoxMeasures | null;
  override: LoadedPackage["override"];
  /** Newest first. */
  recentScans: ScanLogEntry[];
}

export function packLines(state: PackState): PackLineView[] {
  return state.expected.map((l) => ({
    lineId: l.lineId,
    sku: l.sku,
    ean: l.ean,
    productName: l.productName,
    quantity: l.quantity,
    scanned: state.scanned[l.lineId] ?? 0,
  }));
}

export function unitTotals(state: PackState): { totalUnits: number; scannedUnits: number; complete: boolean } {
  const lines = packLines(state);
  return {
    totalUnits: lines.reduce((n, l) => n + l.quantity, 0),
    scannedUnits: lines.reduce((n, l) => n + Math.min(l.scanned, l.quantity), 0),
    complete: isComplete(state),
  };
}

export const RECENT_SCANS = 15;

/** The last scans of a package, newest first, with who scanned and the SKU counted. */
export async function recentScans(tx: DbTx, pkg: LoadedPackage, limit = RECENT_SCANS): Promise<ScanLogEntry[]> {
  const scans = await tx.packScan.findMany({
    where: { packageId: pkg.packageId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, code: true, result: true, orderLineId: true, userId: true, createdAt: true },
  });
  const userIds = [...new Set(scans.map((s) => s.userId).filter((id): id is string => id !== null))];
  const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const skus = new Map(pkg.state.expected.map((l) => [l.lineId, l.sku]));
  return scans.map((s) => ({
    id: s.id.toString(),
    code: s.code,
    result: s.result,
    sku: s.orderLineId ? (skus.get(s.orderLineId) ?? null) : null,
    userName: s.userId ? (names.get(s.userId) ?? null) : null,
    at: s.createdAt,
  }));
}

export function toView(pkg: LoadedPackage, scans: ScanLogEntry[]): PackageView {
  return {
    packageId: pkg.packageId,
    packageNumber: pkg.packageNumber,
    status: pkg.status,
    order: pkg.order,
    packerName: pkg.packerName,
    startedAt: pkg.startedAt,
    closedAt: pkg.closedAt,
    lines: packLines(pkg.state),
    ...unitTotals(pkg.state),
    defaults: pkg.defaults,
    box: pkg.box,
    override: pkg.override,
    recentScans: scans,
  };
}
