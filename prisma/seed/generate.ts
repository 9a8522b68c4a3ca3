/**
 * Pure generation of the demo data as plain rows (no database). Same seed
 * and size ⇒ same rows (ids included); only the times move with `now`.
 * Orders come out in batches from a generator so a million of them never sit
 * in memory; stock levels and the opening receipts are computed after the
 * last batch, from running totals.
 */
import { BRANDS, CATALOG_CAPACITY, buildCatalog } from "./catalog";
import { CHANNEL_SPECS } from "./channels";
import { DAY, OrderClock } from "./clock";
import { DEMO_USERS } from "./demo-users";
import { OrderFactory } from "./orders";
import { ORDER_STATUSES } from "@/server/services/order/order-dimensions";
import { buildPurchaseOrders } from "./purchasing";
import { Rng } from "./rng";
import { StockLedger } from "./stock";
import { buildStockPlan } from "./stock-plan";
import type { BaseData, OrderBatch, OrderStatus, ProductRow, Role, SkuRow, StockData, UserRow } from "./types";

export const DEFAULT_SEED = 20_261_128;
/**
 * Decisions that depend on an order's age (its stage, holds) are taken as if
 * "now" were this instant, so they, and with them every later draw, are the
 * same whatever the real reference time; only the timestamps follow `now`.
 */
export const DECISION_NOW = new Date("2026-11-27T23:00:00Z");
export const DEFAULT_SKUS = 240;
/** Above this many orders the timeline is lean by default ("created" + latest stage). */
export const FULL_TIMELINE_MAX_ORDERS = 50_000;

export interface GenerateOptions {
  orders: number;
  seed?: number;
  /** Reference time; order times are relative to it (the random draws are not). */
  now?: Date;
  skus?: number;
  eventsPerOrder?: "full" | "minimal";
  /** Orders per yielded batch. */
  batchSize?: number;
}

export interface SeedGenerator {
  readonly seed: number;
  readonly now: Date;
  readonly base: BaseData;
  /** Orders in number order, `batchSize` at a time (single use). */
  batches(): Generator<OrderBatch, void, undefined>;
  /** Closing stock, opening receipts, purchase-order receipts, stock alerts. Only after batches() is exhausted. */
  finish(): StockData;
  readonly byStatus: Record<OrderStatus, number>;
}

export const emptyBatch = (): OrderBatch => ({ customers: [], orders: [], lines: [], holds: [], events: [], reservations: [], movements: [], exceptions: [] });

export function createGenerator(opts: GenerateOptions): SeedGenerator {
  if (!Number.isInteger(opts.orders) || opts.orders < 0) throw new RangeError(`orders must be a non-negative integer (got ${opts.orders})`);
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const now = opts.now ?? new Date();
  const skuCount = opts.skus ?? DEFAULT_SKUS;
  if (skuCount < 1 || skuCount > CATALOG_CAPACITY) throw new RangeError(`skus must be between 1 and ${CATALOG_CAPACITY}`);
  const full = (opts.eventsPerOrder ?? (opts.orders <= FULL_TIMELINE_MAX_ORDERS ? "full" : "minimal")) === "full";
  const batchSize = Math.max(1, opts.batchSize ?? 2_000);
  const root = new Rng(seed);
  const clock = new OrderClock(now);

  const userRng = root.fork("users");
  const users: UserRow[] = DEMO_USERS.map((u) => ({
    id: userRng.uuid(), email: u.email, name: u.name, role: u.role, locale: "pt-BR", active: true, createdAt: new Date(clock.start.getTime() - 30 * DAY),
  }));
  const byRole = Object.fromEntries(users.map((u) => [u.role, u])) as Record<Role, UserRow>;

  const channelRng = root.fork("channels");
  const channels = CHANNEL_SPECS.map((spec) => ({
    spec,
    row: { id: channelRng.uuid(), platform: spec.platform, name: spec.name, defaultCurrency: "BRL", active: true, createdAt: new Date(clock.start.getTime() - 20 * DAY) },
  }));

  const catalogRng = root.fork("catalog");
  const catalog = buildCatalog(skuCount, catalogRng);
  // One product per family, in the order its first SKU comes; its own id stream leaves the SKU ids as they were.
  const productRng = root.fork("products");
  const productIds = new Map<string, string>();
  const products: ProductRow[] = [];
  for (const c of catalog) {
    if (productIds.has(c.productCode)) continue;
    const id = productRng.uuid();
    productIds.set(c.productCode, id);
    const at = new Date(clock.start.getTime() - 25 * DAY);
    products.push({ id, name: c.productName, brand: BRANDS[c.category], description: null, createdAt: at, updatedAt: at });
  }
  const skus: SkuRow[] = catalog.map((c) => ({
    id: catalogRng.uuid(), productId: productIds.get(c.productCode)!, variant: c.variant, code: c.code, name: c.name, ean: c.ean, weightGrams: c.weightGrams, lengthMm: c.lengthMm, widthMm: c.widthMm,
    heightMm: c.heightMm, ncm: c.ncm, priceCents: c.priceCents, reorderPoint: c.reorderPoint, active: true,
  }));

  const plan = buildStockPlan(root.fork("stock-plan"), catalog, byRole.WAREHOUSE, { start: clock.start, end: clock.end });
  const purchasing = buildPurchaseOrders(root.fork("purchasing"), plan, catalog, skus.map((s) => s.id), byRole.WAREHOUSE, now);
  const ledger = new StockLedger(plan, skus);

  const base: BaseData = {
    users,
    settings: { id: 1, companyName: "Casa Aurora Moda & Casa", timeZone: "America/Sao_Paulo", currency: "BRL", backorderPolicy: "BACKORDER", allowSplitShipments: false, unpaidReservationHours: 72, updatedAt: clock.start },
    channels: channels.map((c) => c.row),
    warehouses: plan.warehouses,
    bins: plan.bins,
    products,
    skus,
    purchaseOrders: purchasing.purchaseOrders,
    purchaseOrderLines: purchasing.lines,
  };

  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  const factory = new OrderFactory({ seed, orders: opts.orders, now, clock, decisionClock: new OrderClock(DECISION_NOW), channels, users: byRole, full, plan, ledger, skus, picker: byRole.WAREHOUSE });
  let state: "fresh" | "running" | "done" | "finished" = "fresh";

  return {
    seed,
    now,
    base,
    byStatus,
    *batches() {
      if (state !== "fresh") throw new Error("batches() can be consumed only once");
      state = "running";
      for (let start = 0; start < opts.orders; start += batchSize) {
        const batch = emptyBatch();
        const end = Math.min(opts.orders, start + batchSize);
        for (let i = start; i < end; i++) byStatus[factory.make(i, batch)]++;
        ledger.drain(batch.movements, batch.orders[batch.orders.length - 1]!.placedAt.getTime());
        yield batch;
      }
      state = "done";
    },
    finish() {
      if (state !== "done" && !(state === "fresh" && opts.orders === 0)) throw new Error("finish() needs every order batch generated first");
      state = "finished";
      return ledger.finalize(root.fork("stock-final"), catalog, skus, {
        at: new Date(clock.start.getTime() - 3 * DAY), actor: byRole.WAREHOUSE, alertAt: new Date(now.getTime() - 2 * 3_600_000),
      });
    },
  };
}
