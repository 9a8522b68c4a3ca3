/**
 * Closes a package at the pack station and moves the order on. Only a complete
 * package closes — per line exactly the order's reserved, unshipped units
 * scanned (package-state.ts) — unless an ADMIN overrides with their
 * e-mail, password and a reason (kept on the package: overrideById/Reason).
 * The box's weight and size are recorded (defaults: SKU weights summed, the
 * largest item's sides). Then PACK goes through the state machine with the
 * fact the pack station established (packComplete), in the same transaction;
 * its timeline event carries the package, the packer and how long it took.
 * The closed package is what shipping picks up. A box closed short leaves
 * its missing units reserved: shipping it is a partial shipment, and the
 * rest goes in a new package (start-packing.ts).
 */
import type { SessionUser } from "@/server/auth/options";
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { assertMayPack } from "@/server/services/packing/packing-access";
import { userActor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import type { OrderStatus } from "@/server/services/order/order-dimensions";
import { confirmSupervisor, type Supervisor } from "@/server/services/packing/confirm-supervisor";
import { missingSummary, type BoxMeasures } from "@/server/services/packing/package-measures";
import { loadPackage, unitTotals, type LoadedPackage } from "@/server/services/packing/package-state";
import { remaining } from "@/server/services/packing/scan-match";

export interface CloseOverride {
  email: string;
  password: string;
  reason: string;
}

export interface ClosePackageInput {
  actor: SessionUser;
  packageId: string;
  /** Edited box measures; missing ones take the defaults. */
  box?: Partial<BoxMeasures>;
  override?: CloseOverride;
}

export interface ClosedPackage {
  packageId: string;
  packageNumber: number;
  orderId: string;
  orderNumber: number;
  orderStatus: OrderStatus;
  closedAt: Date;
  durationSeconds: number;
  box: BoxMeasures;
  scannedUnits: number;
  totalUnits: number;
  override: { byId: string; byName: string; reason: string } | null;
}

const BOX_FIELDS = ["weightGrams", "lengthMm", "widthMm", "heightMm"] as const;
export const MAX_REASON = 500;

function boxFor(pkg: LoadedPackage, edited: Partial<BoxMeasures> | undefined): BoxMeasures {
  const box = { ...pkg.defaults };
  for (const f of BOX_FIELDS) {
    const v = edited?.[f];
    if (v !== undefined) box[f] = v;
    if (!Number.isInteger(box[f]) || box[f] <= 0) {
      throw new DomainError("VALIDATION", `The package's ${f} must be a whole number above zero.`, { field: f, rule: "BOX_MEASURE_REQUIRED" });
    }
  }
  return box;
}

function incomplete(pkg: LoadedPackage): DomainError {
  const extra = pkg.state.expected.filter((l) => (pkg.state.scanned[l.lineId] ?? 0) > l.quantity);
  if (extra.length > 0) {
    // Part of the order's reservation was given back after these units were scanned: the box holds more than may ship.
    const over = extra.map((l) => `${(pkg.state.scanned[l.lineId] ?? 0) - l.quantity} × ${l.sku}`).join(", ");
    return new DomainError("GUARD_FAILED", `Package #${pkg.packageNumber} holds more than the order has reserved: ${over}. Take them out and start a new package.`, {
      rule: "PACKAGE_OVER_RESERVED",
      extra: over,
      current: pkg.order.status,
      action: "PACK",
    });
  }
  const missing = missingSummary(remaining(pkg.state));
  const { totalUnits, scannedUnits } = unitTotals(pkg.state);
  return new DomainError(
    "GUARD_FAILED",
    `Package #${pkg.packageNumber} is incomplete: ${scannedUnits} of ${totalUnits} units scanned; still missing ${missing}. Scan them or ask an administrator to override.`,
    { rule: "PACKAGE_INCOMPLETE", missing, remainingUnits: totalUnits - scannedUnits, current: pkg.order.status, action: "PACK" },
  );
}

async function closeLocked(tx: DbTx, input: ClosePackageInput, supervisor: Supervisor | null, reason: string): Promise<ClosedPackage> {
  const { actor, packageId } = input;
  const pkg = await loadPackage(tx, packageId, { lock: true });
  if (!pkg) throw new DomainError("NOT_FOUND", `Package ${packageId} not found.`, { rule: "PACKAGE_NOT_FOUND" });
  if (pkg.status !== "OPEN") {
    throw new DomainError("INVALID_TRANSITION", `Package #${pkg.packageNumber} is already ${pkg.status}.`, {
      current: pkg.order.status,
      rule: "PACKAGE_NOT_OPEN",
      number: pkg.order.number,
    });
  }
  const totals = unitTotals(pkg.state);
  // An override is recorded only when it was needed, and only covers missing units (never extra ones).
  const overReserved = pkg.state.expected.some((l) => (pkg.state.scanned[l.lineId] ?? 0) > l.quantity);
  const override = totals.complete ? null : supervisor;
  if ((!totals.complete && !override) || overReserved) throw incomplete(pkg);
  const box = boxFor(pkg, input.box);

  const closedAt = new Date();
  const durationSeconds = Math.max(0, Math.round((closedAt.getTime() - pkg.startedAt.getTime()) / 1000));
  await tx.package.update({
    where: { id: packageId },
    data: {
      status: "CLOSED",
      closedAt,
      ...box,
      packerId: pkg.packerId ?? actor.id,
      overrideById: override?.id ?? null,
      overrideReason: override ? reason : null,
    },
  });

  let orderStatus = pkg.order.status;
  const eventData = {
    packageId,
    packageNumber: pkg.packageNumber,
    packerId: pkg.packerId ?? actor.id,
    packer: pkg.packerName ?? actor.name,
    durationSeconds,
    scannedUnits: totals.scannedUnits,
    totalUnits: totals.totalUnits,
    ...box,
    ...(override ? { override: { byId: override.id, byName: override.name, reason } } : {}),
  };
  if (pkg.order.status === "PICKING") {
    const result = await applyOrderActionTx(tx, {
      orderId: pkg.order.id,
      action: { type: "PACK" },
      actor: userActor(actor),
      facts: { packComplete: true },
    });
    orderStatus = result.to;
    // The state machine wrote "order.packed" a moment ago in this transaction; the pack station adds what only it knows.
    const event = await tx.orderEvent.findFirst({
      where: { orderId: pkg.order.id, type: "order.packed" },
      orderBy: { id: "desc" },
      select: { id: true, data: true },
    });
    if (event) {
      const before = typeof event.data === "object" && event.data !== null && !Array.isArray(event.data) ? event.data : {};
      await tx.orderEvent.update({
        where: { id: event.id },
        data: { data: { ...before, ...eventData } as Prisma.InputJsonValue, ...(override ? { reason } : {}) },
      });
    }
  } else {
    // A package of an order already PACKED (resumed), or the rest of an order INVOICED after a partial
    // shipment: the order stays, the timeline still says who closed the box.
    await tx.orderEvent.create({
      data: {
        orderId: pkg.order.id,
        type: "order.package_closed",
        fromStatus: pkg.order.status,
        toStatus: pkg.order.status,
        actorId: actor.id,
        actorLabel: actor.name,
        reason: override ? reason : null,
        data: eventData as Prisma.InputJsonValue,
      },
    });
  }

  return {
    packageId,
    packageNumber: pkg.packageNumber,
    orderId: pkg.order.id,
    orderNumber: pkg.order.number,
    orderStatus,
    closedAt,
    durationSeconds,
    box,
    scannedUnits: totals.scannedUnits,
    totalUnits: totals.totalUnits,
    override: override ? { byId: override.id, byName: override.name, reason } : null,
  };
}

export async function closePackage(input: ClosePackageInput): Promise<ClosedPackage> {
  let supervisor: Supervisor | null = null;
  assertMayPack(input.actor);
  const reason = input.override?.reason.trim() ?? "";
  if (input.override) {
    if (reason === "" || reason.length > MAX_REASON) {
      throw new DomainError("VALIDATION", `An override needs a reason (1 to ${MAX_REASON} characters).`, {
        field: "reason",
        rule: "OVERRIDE_REASON_REQUIRED",
      });
    }
    // bcrypt before the transaction: no lock is held while the password is checked.
    supervisor = await confirmSupervisor(input.override);
  }
  return db.$transaction((tx) => closeLocked(tx, input, supervisor, reason), { timeout: 15_000 });
}
