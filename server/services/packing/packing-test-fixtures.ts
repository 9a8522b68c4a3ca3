/** Test data for the pack station integration tests (not a test file itself). */
import bcrypt from "bcryptjs";
import { expect } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { ean13CheckDigit } from "@/server/lib/ean";
import type { OrderStatus } from "@/server/services/order/order-dimensions";
import { createChannel } from "@/server/services/order/order-test-factory";

export const ADMIN_PASSWORD = "supervisor-secret-42";

let seq = 0;

/** A valid EAN-13 with Brazil's 789 prefix. */
export function ean(n: number): string {
  const body = `789${String(n).padStart(9, "0")}`;
  return `${body}${ean13CheckDigit(body)}`;
}

export async function createUserWithPassword(
  db: PrismaClient,
  role: SessionUser["role"],
  name: string,
  password = ADMIN_PASSWORD,
): Promise<SessionUser> {
  seq += 1;
  const email = `${role.toLowerCase()}-${seq}-${Math.random().toString(36).slice(2, 6)}@test.fluxo`;
  const u = await db.user.create({ data: { email, name, passwordHash: await bcrypt.hash(password, 4), role, locale: "en" } });
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale };
}

export interface SkuSpec {
  code: string;
  ean?: string | null;
  weightGrams?: number;
  dims?: [number, number, number];
}

export async function createSkus(db: PrismaClient, specs: SkuSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const s of specs) {
    const [lengthMm, widthMm, heightMm] = s.dims ?? [100, 100, 100];
    const row = await db.sku.create({
      data: {
        code: s.code,
        name: `Product ${s.code}`,
        product: { create: { name: `Product ${s.code}` } },
        ean: s.ean ?? null,
        weightGrams: s.weightGrams ?? 200,
        lengthMm,
        widthMm,
        heightMm,
        priceCents: 1000,
      },
    });
    ids[s.code] = row.id;
  }
  return ids;
}

export interface PackOrderSpec {
  lines: { sku: string; quantity: number }[];
  status?: OrderStatus;
  externalNumber?: string;
  onHold?: boolean;
}

/** An order at the pack station's door: paid, stock allocated, in PICKING (or as told), lines linked to their SKUs. */
export async function createPackOrder(
  db: PrismaClient,
  skuIds: Record<string, string>,
  spec: PackOrderSpec,
): Promise<{ id: string; number: number }> {
  seq += 1;
  const channelId = (await db.channel.findFirst({ select: { id: true } }))?.id ?? (await createChannel(db));
  const status = spec.status ?? "PICKING";
  const total = spec.lines.reduce((n, l) => n + l.quantity * 1000, 0);
  const placedAt = new Date(Date.UTC(2026, 2, 1, 12, seq));
  const order = await db.order.create({
    data: {
      channelId,
      externalId: `PK-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      externalNumber: spec.externalNumber ?? null,
      customerName: `Cliente ${seq}`,
      status,
      paymentStatus: "PAID",
      fulfillmentStatus: status === "PICKING" ? "PICKING" : status === "PACKED" ? "PACKED" : "ALLOCATED",
      onHold: spec.onHold ?? false,
      subtotalCents: total,
      totalCents: total,
      placedAt,
      channelUpdatedAt: placedAt,
      lines: {
        create: spec.lines.map((l, i) => ({
          lineNo: i + 1,
          sku: l.sku,
          skuId: skuIds[l.sku] ?? null,
          name: `Product ${l.sku}`,
          quantity: l.quantity,
          unitPriceCents: 1000,
          totalCents: l.quantity * 1000,
          reservedQty: l.quantity,
        })),
      },
    },
    select: { id: true, number: true },
  });
  if (spec.onHold) await db.orderHold.create({ data: { orderId: order.id, reason: "HIGH_FRAUD_RISK", note: "test" } });
  return order;
}

/** Awaits a promise that must fail with a DomainError (directly or as a tRPC error's cause) and returns it. */
export async function domainFailure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    const cause = e instanceof DomainError ? e : (e as { cause?: unknown }).cause;
    if (cause instanceof DomainError) return cause;
    throw e;
  }
  throw new Error("expected the call to fail");
}

export function expectCode(e: DomainError, code: DomainError["code"], rule?: string): void {
  expect(e.code).toBe(code);
  if (rule) expect(e.params.rule).toBe(rule);
}
