/**
 * The one way physical stock changes (receipts, counts, transfers, damage,
 * returns): a list of per-bin changes becomes, in the caller's transaction,
 *   - the BinStock and StockBalance levels (rows locked first, in key order),
 *   - one StockMovement per change with actor, reason and reference,
 * after checking that no bin goes negative, unavailable units (per kind:
 * damaged, quarantine, QC) never exceed what the bin holds nor go below zero,
 * and a warehouse never holds less than it has promised
 * (on hand ≥ reserved + unavailable) — INSUFFICIENT_STOCK naming its rule
 * (BIN_SHORT, BIN_KIND_SHORT, WAREHOUSE_PROMISED: stock.errors.<rule>) and the numbers.
 * Reservations are not touched here (reserve/release/consume do that).
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { MovementType, UnavailableKind } from "@/server/generated/prisma/enums";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { who } from "@/server/services/stock/stock-tx";

export interface BinChange {
  type: MovementType;
  skuId: string;
  binId: string;
  /** A delta, or — for a cycle count — the counted quantity of the bin (countedOnHand). */
  onHandDelta?: number;
  countedOnHand?: number;
  unavailableDelta?: number;
  /** Which unavailable bucket unavailableDelta moves; required when it is not 0. */
  unavailableKind?: UnavailableKind;
  reason: string;
  orderId?: string | null;
  purchaseOrderId?: string | null;
}

export interface AppliedChange {
  type: MovementType;
  skuId: string;
  skuCode: string;
  binId: string;
  binCode: string;
  warehouseId: string;
  warehouseCode: string;
  onHandDelta: number;
  unavailableDelta: number;
  unavailableKind: UnavailableKind | null;
  reason: string;
  orderId: string | null;
  purchaseOrderId: string | null;
  /** The bin's on hand after this change. */
  binOnHandAfter: number;
}

export interface LedgerResult {
  applied: AppliedChange[];
  /** SKU × warehouse pairs whose sellable stock went up (candidates for backorders). */
  increased: { skuId: string; warehouseId: string }[];
}

interface Level { onHand: number; reserved: number; unavailable: number }
interface BinLevel { onHand: number; unavailable: number; damaged: number; quarantine: number; qc: number }
const EMPTY_BIN: BinLevel = { onHand: 0, unavailable: 0, damaged: 0, quarantine: 0, qc: 0 };
const KIND_WORD: Record<UnavailableKind, string> = { DAMAGED: "damaged", QUARANTINE: "in quarantine", QC: "in quality control" };
const KIND_COLUMN = { DAMAGED: "damaged", QUARANTINE: "quarantine", QC: "qc" } as const satisfies Record<UnavailableKind, keyof BinLevel>;
interface LockedState {
  bins: { id: string; warehouseId: string; code: string; warehouseCode: string }[] | null;
  skus: { id: string; code: string }[] | null;
  balances: ({ skuId: string; warehouseId: string } & Level)[] | null;
  binStocks: ({ skuId: string; binId: string } & BinLevel)[] | null;
}

async function lockLevels(tx: DbTx, changes: readonly BinChange[]): Promise<LockedState> {
  const keys = JSON.stringify(changes.map((c) => ({ skuId: c.skuId, binId: c.binId })));
  const rows = await tx.$queryRaw<{ state: LockedState }[]>(Prisma.sql`
    WITH keys AS (SELECT DISTINCT * FROM jsonb_to_recordset(${keys}::jsonb) AS k("skuId" uuid, "binId" uuid)),
    bins AS (
      SELECT b.id, b."warehouseId", b.code, w.code AS "warehouseCode" FROM "Bin" b JOIN "Warehouse" w ON w.id = b."warehouseId"
      WHERE b.id IN (SELECT "binId" FROM keys)
    ), pairs AS (SELECT DISTINCT k."skuId", b."warehouseId" FROM keys k JOIN bins b ON b.id = k."binId"),
    lb AS MATERIALIZED (
      SELECT s."skuId", s."warehouseId", s."onHand", s.reserved, s.unavailable FROM "StockBalance" s
      JOIN pairs p ON p."skuId" = s."skuId" AND p."warehouseId" = s."warehouseId"
      ORDER BY s."skuId", s."warehouseId" FOR UPDATE OF s
    ), lbin AS MATERIALIZED (
      SELECT bs."skuId", bs."binId", bs."onHand", bs.unavailable, bs.damaged, bs.quarantine, bs.qc FROM "BinStock" bs
      JOIN keys k ON k."skuId" = bs."skuId" AND k."binId" = bs."binId"
      ORDER BY bs."skuId", bs."binId" FOR UPDATE OF bs
    )
    SELECT json_build_object(
      'bins', (SELECT json_agg(bins) FROM bins),
      'skus', (SELECT json_agg(json_build_object('id', s.id, 'code', s.code)) FROM "Sku" s WHERE s.id IN (SELECT "skuId" FROM keys)),
      'balances', (SELECT json_agg(lb) FROM lb),
      'binStocks', (SELECT json_agg(lbin) FROM lbin)) AS state`);
  return rows[0]?.state ?? { bins: null, skus: null, balances: null, binStocks: null };
}

export async function applyBinChanges(tx: DbTx, opts: { changes: readonly BinChange[]; actor: Actor }): Promise<LedgerResult> {
  const state = await lockLevels(tx, opts.changes);
  const bins = new Map((state.bins ?? []).map((b) => [b.id, b]));
  const skus = new Map((state.skus ?? []).map((s) => [s.id, s.code]));
  const balances = new Map<string, Level>((state.balances ?? []).map((b) => [`${b.skuId}|${b.warehouseId}`, { onHand: b.onHand, reserved: b.reserved, unavailable: b.unavailable }]));
  const binLevels = new Map<string, BinLevel>((state.binStocks ?? []).map((b) => [
    `${b.skuId}|${b.binId}`, { onHand: b.onHand, unavailable: b.unavailable, damaged: b.damaged, quarantine: b.quarantine, qc: b.qc },
  ]));

  const applied: AppliedChange[] = [];
  const binBefore = new Map<string, BinLevel>();
  const balBefore = new Map<string, Level>();
  const names = new Map<string, { sku: string; bin: string; warehouse: string }>();
  for (const c of opts.changes) {
    const bin = bins.get(c.binId);
    if (!bin) throw new DomainError("NOT_FOUND", `Bin ${c.binId} not found.`, { binId: c.binId });
    const skuCode = skus.get(c.skuId);
    if (skuCode === undefined) throw new DomainError("NOT_FOUND", `SKU ${c.skuId} not found.`, { skuId: c.skuId });
    const binKey = `${c.skuId}|${c.binId}`;
    const balKey = `${c.skuId}|${bin.warehouseId}`;
    const lvl = binLevels.get(binKey) ?? EMPTY_BIN;
    const bal = balances.get(balKey) ?? { onHand: 0, reserved: 0, unavailable: 0 };
    if (!binBefore.has(binKey)) binBefore.set(binKey, lvl);
    if (!balBefore.has(balKey)) balBefore.set(balKey, bal);
    names.set(binKey, { sku: skuCode, bin: bin.code, warehouse: bin.warehouseCode });
    names.set(balKey, { sku: skuCode, bin: bin.code, warehouse: bin.warehouseCode });
    const onHandDelta = c.countedOnHand !== undefined ? c.countedOnHand - lvl.onHand : (c.onHandDelta ?? 0);
    const unavailableDelta = c.unavailableDelta ?? 0;
    if (onHandDelta === 0 && unavailableDelta === 0) continue;
    if (unavailableDelta !== 0 && !c.unavailableKind) throw new Error(`A ${c.type} change of unavailable units needs their kind (damaged, quarantine or QC).`);
    const next = { ...lvl, onHand: lvl.onHand + onHandDelta, unavailable: lvl.unavailable + unavailableDelta };
    if (unavailableDelta !== 0 && c.unavailableKind) next[KIND_COLUMN[c.unavailableKind]] += unavailableDelta;
    binLevels.set(binKey, next);
    balances.set(balKey, { onHand: bal.onHand + onHandDelta, reserved: bal.reserved, unavailable: bal.unavailable + unavailableDelta });
    applied.push({
      type: c.type, skuId: c.skuId, skuCode, binId: c.binId, binCode: bin.code, warehouseId: bin.warehouseId, warehouseCode: bin.warehouseCode,
      onHandDelta, unavailableDelta, unavailableKind: unavailableDelta !== 0 ? (c.unavailableKind ?? null) : null, reason: c.reason, orderId: c.orderId ?? null, purchaseOrderId: c.purchaseOrderId ?? null, binOnHandAfter: next.onHand,
    });
  }
  // Checked on the final levels, so a transfer between two bins of one warehouse never dips below what is reserved.
  for (const [key, before] of binBefore) {
    const after = binLevels.get(key) ?? before;
    const n = names.get(key);
    for (const kind of Object.keys(KIND_COLUMN) as UnavailableKind[]) {
      const col = KIND_COLUMN[kind];
      if (after[col] < 0) {
        throw new DomainError(
          "INSUFFICIENT_STOCK",
          `Bin ${n?.bin} has ${before[col]} unit(s) of ${n?.sku} marked ${KIND_WORD[kind]}; ${before[col] - after[col]} cannot be cleared.`,
          { rule: "BIN_KIND_SHORT", sku: n?.sku ?? "", bin: n?.bin ?? "", warehouse: n?.warehouse ?? "", kind, unavailable: before[col], newUnavailable: after[col], requested: before[col] - after[col] },
        );
      }
    }
    if (after.onHand < 0 || after.unavailable < 0 || after.unavailable > after.onHand || after.damaged < 0 || after.quarantine < 0 || after.qc < 0) {
      throw new DomainError(
        "INSUFFICIENT_STOCK",
        `Bin ${n?.bin} holds ${before.onHand} of ${n?.sku} (${before.unavailable} unavailable); this change would leave ${after.onHand} (${after.unavailable} unavailable).`,
        { rule: "BIN_SHORT", sku: n?.sku ?? "", bin: n?.bin ?? "", warehouse: n?.warehouse ?? "", onHand: before.onHand, unavailable: before.unavailable, newOnHand: after.onHand, newUnavailable: after.unavailable },
      );
    }
  }
  const net = new Map<string, number>();
  for (const [key, before] of balBefore) {
    const after = balances.get(key) ?? before;
    const n = names.get(key);
    const delta = after.onHand - after.unavailable - (before.onHand - before.unavailable);
    net.set(key, delta);
    if (delta < 0 && after.onHand < after.reserved + after.unavailable) {
      throw new DomainError(
        "INSUFFICIENT_STOCK",
        `${n?.sku} in ${n?.warehouse}: ${before.onHand} on hand, ${before.reserved} reserved for open orders, ${before.unavailable} unavailable; ` +
          `this change would leave ${after.onHand} on hand for ${after.reserved + after.unavailable} reserved or unavailable.`,
        {
          rule: "WAREHOUSE_PROMISED", sku: n?.sku ?? "", warehouse: n?.warehouse ?? "", onHand: before.onHand, reserved: before.reserved, unavailable: before.unavailable,
          newOnHand: after.onHand, newUnavailable: after.unavailable, held: after.reserved + after.unavailable,
        },
      );
    }
  }
  if (applied.length > 0) await writeChanges(tx, applied, opts.actor);
  const increased = [...net].filter(([, n]) => n > 0).map(([k]) => {
    const [skuId, warehouseId] = k.split("|") as [string, string];
    return { skuId, warehouseId };
  });
  return { applied, increased };
}

async function writeChanges(tx: DbTx, applied: readonly AppliedChange[], actor: Actor): Promise<void> {
  const { actorId, actorLabel } = who(actor);
  const rows = JSON.stringify(applied.map((a, i) => ({ ...a, ord: i })));
  await tx.$executeRaw(Prisma.sql`
    WITH ch AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS c(type text, "skuId" uuid, "binId" uuid, "warehouseId" uuid, "onHandDelta" int,
        "unavailableDelta" int, "unavailableKind" text, reason text, "orderId" uuid, "purchaseOrderId" uuid, ord int)
    ), bin_sum AS (
      SELECT "skuId", "binId", sum("onHandDelta")::int AS on_hand, sum("unavailableDelta")::int AS unavailable,
        (sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'DAMAGED'))::int AS damaged,
        (sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'QUARANTINE'))::int AS quarantine,
        (sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'QC'))::int AS qc
      FROM ch GROUP BY 1, 2
    ), bal_sum AS (
      SELECT "skuId", "warehouseId", sum("onHandDelta")::int AS on_hand, sum("unavailableDelta")::int AS unavailable FROM ch GROUP BY 1, 2
    ), up_bin AS (
      UPDATE "BinStock" bs SET "onHand" = bs."onHand" + s.on_hand, unavailable = bs.unavailable + s.unavailable,
        damaged = bs.damaged + coalesce(s.damaged, 0), quarantine = bs.quarantine + coalesce(s.quarantine, 0), qc = bs.qc + coalesce(s.qc, 0)
      FROM bin_sum s WHERE bs."skuId" = s."skuId" AND bs."binId" = s."binId"
      RETURNING 1
    ), new_bin AS (
      -- A CHECK is evaluated on the row proposed to INSERT even when it conflicts, so only rows that do
      -- not exist yet (validated non-negative) go through INSERT; ON CONFLICT covers a concurrent creation.
      INSERT INTO "BinStock" ("skuId", "binId", "onHand", unavailable, damaged, quarantine, qc)
      SELECT "skuId", "binId", on_hand, unavailable, coalesce(damaged, 0), coalesce(quarantine, 0), coalesce(qc, 0) FROM bin_sum s
      WHERE NOT EXISTS (SELECT 1 FROM "BinStock" bs WHERE bs."skuId" = s."skuId" AND bs."binId" = s."binId")
      ON CONFLICT ("skuId", "binId") DO UPDATE SET "onHand" = "BinStock"."onHand" + EXCLUDED."onHand", unavailable = "BinStock".unavailable + EXCLUDED.unavailable,
        damaged = "BinStock".damaged + EXCLUDED.damaged, quarantine = "BinStock".quarantine + EXCLUDED.quarantine, qc = "BinStock".qc + EXCLUDED.qc
      RETURNING 1
    ), up_bal AS (
      UPDATE "StockBalance" b SET "onHand" = b."onHand" + s.on_hand, unavailable = b.unavailable + s.unavailable
      FROM bal_sum s WHERE b."skuId" = s."skuId" AND b."warehouseId" = s."warehouseId"
      RETURNING 1
    ), new_bal AS (
      INSERT INTO "StockBalance" ("skuId", "warehouseId", "onHand", unavailable)
      SELECT "skuId", "warehouseId", on_hand, unavailable FROM bal_sum s
      WHERE NOT EXISTS (SELECT 1 FROM "StockBalance" b WHERE b."skuId" = s."skuId" AND b."warehouseId" = s."warehouseId")
      ON CONFLICT ("skuId", "warehouseId") DO UPDATE SET "onHand" = "StockBalance"."onHand" + EXCLUDED."onHand", unavailable = "StockBalance".unavailable + EXCLUDED.unavailable
      RETURNING 1
    )
    INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "onHandDelta", "unavailableDelta", "unavailableKind", reason, "actorId", "actorLabel", "orderId", "purchaseOrderId")
    SELECT type::"MovementType", "skuId", "warehouseId", "binId", "onHandDelta", "unavailableDelta", "unavailableKind"::"UnavailableKind", reason, ${actorId}::uuid, ${actorLabel}, "orderId", "purchaseOrderId"
    FROM ch ORDER BY ord`);
}
