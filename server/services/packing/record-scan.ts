/**
 * One barcode read at the pack station. Every scan — accepted or refused — is
 * written to PackScan (code, result, user, time); a refusal tells what was
 * scanned and what is still expected. The hot path of the station (p95 ≤ 50 ms
 * round trip), so it is two statements in one short transaction:
 *   1. read the package, its lines and the counts so far, locking the package
 *      row (scans of one package, and its close, go one at a time);
 *   2. insert the scan row.
 * The read can be stale when it had to wait for that lock (its snapshot was
 * taken before the other scan committed), so an ACCEPTED insert is made
 * conditional on the line's count being what was read; when it is not, the
 * scan is decided again, this time locking first and reading after (three
 * statements, only then). Refusals need no such check: counts
 * only grow, so an over-scan on stale counts is an over-scan on fresh ones.
 */
import type { SessionUser } from "@/server/auth/options";
import { db, type DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { assertMayPack } from "@/server/services/packing/packing-access";
import { mayPack } from "@/server/services/packing/packable-order";
import {
  loadPackage,
  packLines,
  unitTotals,
  type LoadedPackage,
  type PackLineView,
  type ScanLogEntry,
} from "@/server/services/packing/package-state";
import { applyScan, type RemainingLine, type ScanMessageParams, type ScanResult } from "@/server/services/packing/scan-match";

export interface ScanView {
  result: ScanResult;
  accepted: boolean;
  /** The line counted (ACCEPTED) or already complete (OVER_SCAN). */
  lineId: string | null;
  /** Values for the translated message (what was scanned, what is still expected). */
  params: ScanMessageParams;
  stillExpected: Pick<RemainingLine, "lineId" | "sku" | "productName" | "remaining">[];
  lines: PackLineView[];
  totalUnits: number;
  scannedUnits: number;
  complete: boolean;
  scan: ScanLogEntry;
}

const MAX_ATTEMPTS = 2;

async function assertScannable(tx: DbTx, pkg: LoadedPackage): Promise<void> {
  if (pkg.status !== "OPEN") {
    throw new DomainError("INVALID_TRANSITION", `Package #${pkg.packageNumber} is ${pkg.status}; scans go into an open package.`, {
      current: pkg.order.status,
      rule: "PACKAGE_NOT_OPEN",
      number: pkg.order.number,
    });
  }
  if (!mayPack(pkg.order)) {
    throw new DomainError("INVALID_TRANSITION", `Order #${pkg.order.number} is ${pkg.order.status} now; stop packing it.`, {
      current: pkg.order.status,
      action: "PACK",
      rule: "PACK_NOT_READY",
      number: pkg.order.number,
    });
  }
  if (pkg.order.onHold) {
    const holds = await tx.orderHold.findMany({ where: { orderId: pkg.order.id, releasedAt: null }, select: { reason: true } });
    throw new DomainError("ORDER_ON_HOLD", `Order #${pkg.order.number} was put on hold; stop packing it.`, {
      current: pkg.order.status,
      action: "PACK",
      holds: holds.map((h) => h.reason).join(","),
      number: pkg.order.number,
    });
  }
}

export async function recordScan(opts: { actor: SessionUser; packageId: string; code: string }): Promise<ScanView> {
  const { actor, packageId, code } = opts;
  assertMayPack(actor);
  for (let attempt = 1; ; attempt++) {
    const outcome = await db.$transaction(
      async (tx) => {
        // A retry takes the lock before reading, so its read is fresh whoever else is scanning.
        if (attempt > 1) await tx.$executeRaw`SELECT 1 FROM "Package" WHERE id = ${packageId}::uuid FOR UPDATE`;
        const pkg = await loadPackage(tx, packageId, { lock: true });
        if (!pkg) throw new DomainError("NOT_FOUND", `Package ${packageId} not found.`, { rule: "PACKAGE_NOT_FOUND" });
        await assertScannable(tx, pkg);
        const scan = applyScan(pkg.state, code);
        const lineId = scan.lineId ?? null;
        const readCount = lineId ? (pkg.state.scanned[lineId] ?? 0) : 0;
        const inserted = await tx.$queryRaw<{ id: bigint; createdAt: Date }[]>`
          INSERT INTO "PackScan" ("packageId", code, result, "orderLineId", "userId")
          SELECT ${packageId}::uuid, ${scan.params.scanned}, ${scan.result}::"ScanResult", ${lineId}::uuid, ${actor.id}::uuid
          WHERE ${scan.result} <> 'ACCEPTED' OR ${readCount}::int = (
            SELECT count(*)::int FROM "PackScan"
            WHERE "packageId" = ${packageId}::uuid AND "orderLineId" = ${lineId}::uuid AND result = 'ACCEPTED')
          RETURNING id, "createdAt"`;
        const row = inserted[0];
        return row ? { pkg, scan, row } : null;
      },
      { timeout: 10_000 },
    );
    if (!outcome) {
      // Cannot happen on the locked retry; kept so a broken invariant fails loudly instead of looping.
      if (attempt >= MAX_ATTEMPTS)
        throw new DomainError("CONFLICT", "The package is being scanned elsewhere at the same time; scan again.", { current: "" });
      continue;
    }
    const { pkg, scan, row } = outcome;
    const sku = scan.lineId ? (pkg.state.expected.find((l) => l.lineId === scan.lineId)?.sku ?? null) : null;
    return {
      result: scan.result,
      accepted: scan.result === "ACCEPTED",
      lineId: scan.lineId ?? null,
      params: scan.params,
      stillExpected: scan.stillExpected.map((l) => ({ lineId: l.lineId, sku: l.sku, productName: l.productName, remaining: l.remaining })),
      lines: packLines(scan.state),
      ...unitTotals(scan.state),
      scan: { id: row.id.toString(), code: scan.params.scanned, result: scan.result, sku, userName: actor.name, at: row.createdAt },
    };
  }
}
