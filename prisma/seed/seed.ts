/**
 * seed(): generate the demo merchant and write it. Base rows first, then
 * order batches as they are generated (a bounded number in flight), then the
 * closing stock and opening receipts, then the sequences.
 */
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedShipping } from "./carriers";
import { seedPickLists } from "./picking";
import { DEMO_USERS } from "./demo-users";
import { createGenerator, type GenerateOptions, type SeedGenerator } from "./generate";
import type { OrderStatus } from "./types";
import { SeedWriter } from "./write";

export interface SeedOptions extends Omit<GenerateOptions, "orders"> {
  orders: number;
  log?: (s: string) => void;
  /** Do nothing (seeded: false) when a User already exists. */
  ifEmpty?: boolean;
  /** Print a progress line every this many orders (default 50,000). */
  progressEvery?: number;
}

export interface SeedCounts {
  users: number; channels: number; warehouses: number; bins: number; products: number; skus: number; customers: number;
  orders: number; orderLines: number; orderEvents: number; orderHolds: number; reservations: number;
  stockMovements: number; stockBalances: number; binStocks: number; purchaseOrders: number; exceptions: number;
}

export interface SeedSummary {
  seeded: boolean;
  seed: number;
  counts: SeedCounts;
  byStatus: Partial<Record<OrderStatus, number>>;
  durationMs: number;
}

const fmt = (n: number): string => n.toLocaleString("en-US");

export async function seed(db: PrismaClient, opts: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const counts: SeedCounts = {
    users: 0, channels: 0, warehouses: 0, bins: 0, products: 0, skus: 0, customers: 0, orders: 0, orderLines: 0, orderEvents: 0, orderHolds: 0,
    reservations: 0, stockMovements: 0, stockBalances: 0, binStocks: 0, purchaseOrders: 0, exceptions: 0,
  };
  const gen = createGenerator(opts);
  if (opts.ifEmpty && (await db.user.count()) > 0) {
    return { seeded: false, seed: gen.seed, counts, byStatus: {}, durationMs: Date.now() - started };
  }
  const writer = await SeedWriter.open(db);
  const busy = await writer.tablesWithRows();
  if (busy.length > 0) throw new Error(`The database already has data (${busy.join(", ")}); seed needs an empty database (npm run db:reset).`);

  try {
    return await write(writer, gen, opts, counts, started);
  } catch (err) {
    // The database was empty: leave it empty rather than half seeded (a first start checks only for users).
    await writer.truncate().catch((cleanup: unknown) => log(`Could not clean up after the failed seed (${String(cleanup)}); run npm run db:reset.`));
    throw err;
  }
}

async function write(writer: SeedWriter, gen: SeedGenerator, opts: SeedOptions, counts: SeedCounts, started: number): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const { base } = gen;
  // One bcrypt hash per distinct password (all demo users share one).
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) if (!hashes.has(u.password)) hashes.set(u.password, await bcrypt.hash(u.password, 10));
  const passwordOf = new Map(DEMO_USERS.map((u) => [u.email, hashes.get(u.password)!]));
  counts.users = await writer.insert("User", base.users.map((u) => ({ ...u, passwordHash: passwordOf.get(u.email)! })));
  await writer.insert("MerchantSettings", [base.settings], ` ON CONFLICT ("id") DO UPDATE SET "companyName" = EXCLUDED."companyName", "timeZone" = EXCLUDED."timeZone", "currency" = EXCLUDED."currency"`);
  // Webhook secrets are real secrets, never derived from the seed.
  counts.channels = await writer.insert("Channel", base.channels.map((c) => ({ ...c, secret: randomBytes(24).toString("hex") })));
  counts.warehouses = await writer.insert("Warehouse", base.warehouses);
  counts.bins = await writer.insert("Bin", base.bins);
  counts.products = await writer.insert("Product", base.products);
  counts.skus = await writer.insert("Sku", base.skus);
  counts.purchaseOrders = await writer.insert("PurchaseOrder", base.purchaseOrders);
  await writer.insert("PurchaseOrderLine", base.purchaseOrderLines);
  log(`Seeding ${fmt(opts.orders)} orders (seed ${gen.seed}, ${fmt(base.products.length)} products, ${fmt(base.skus.length)} SKUs, ${fmt(base.bins.length)} bins)…`);

  const maxInFlight = (await writer.isEmbedded()) ? 1 : 3;
  const inFlight: Promise<void>[] = [];
  const every = opts.progressEvery ?? 50_000;
  let nextReport = every;
  for (const batch of gen.batches()) {
    counts.customers += batch.customers.length;
    counts.orders += batch.orders.length;
    counts.orderLines += batch.lines.length;
    counts.orderEvents += batch.events.length;
    counts.orderHolds += batch.holds.length;
    counts.reservations += batch.reservations.length;
    counts.stockMovements += batch.movements.length;
    counts.exceptions += batch.exceptions.length;
    if (inFlight.length >= maxInFlight) await inFlight.shift();
    await writer.insert("Customer", batch.customers);
    const write = writer.orderBatch(batch);
    write.catch(() => {}); // surfaced when awaited below; avoids an unhandled rejection meanwhile
    inFlight.push(write);
    if (counts.orders >= nextReport) {
      log(`  ${fmt(counts.orders)} / ${fmt(opts.orders)} orders (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      nextReport += every;
    }
  }
  await Promise.all(inFlight);

  const stock = gen.finish();
  await writer.stock(stock);
  counts.stockBalances = stock.balances.length;
  counts.binStocks = stock.binStocks.length;
  counts.stockMovements += stock.movements.length;
  counts.exceptions += stock.exceptions.length;
  await seedShipping(writer, { now: gen.now });
  await seedPickLists(writer);
  await writer.syncSequences();
  return { seeded: true, seed: gen.seed, counts, byStatus: { ...gen.byStatus }, durationMs: Date.now() - started };
}
