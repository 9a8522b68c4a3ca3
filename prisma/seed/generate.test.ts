import { describe, expect, it } from "vitest";
import { validateEan13 } from "@/server/lib/ean";
import { ORDER_STATUSES } from "@/server/services/order/order-dimensions";
import { CITIES, FIRST_NAMES, SURNAMES, asciiLower, cepInUf, cepFor, cpfCheckDigits, formatCpf, generateCpf, isValidCpf } from "./brazil";
import { buildCatalog } from "./catalog";
import { addBusinessDays } from "./clock";
import { customerAt } from "./customers";
import { createGenerator, type SeedGenerator } from "./generate";
import { Rng, uuidFor } from "./rng";
import type { OrderBatch } from "./types";
import { parseArgs } from "./index";

const NOW = new Date("2026-11-28T15:00:00Z");

function allBatches(gen: SeedGenerator): OrderBatch[] {
  return [...gen.batches()];
}

describe("CPF", () => {
  it("computes the check digits of known CPFs", () => {
    expect(cpfCheckDigits("111444777")).toEqual([3, 5]);
    expect(cpfCheckDigits("529982247")).toEqual([2, 5]);
    expect(formatCpf("52998224725")).toBe("529.982.247-25");
  });

  it("accepts valid CPFs and rejects wrong check digits and repeated digits", () => {
    expect(isValidCpf("529.982.247-25")).toBe(true);
    expect(isValidCpf("52998224725")).toBe(true);
    expect(isValidCpf("52998224726")).toBe(false);
    expect(isValidCpf("52998224715")).toBe(false);
    expect(isValidCpf("11111111111")).toBe(false);
    expect(isValidCpf("1234567890")).toBe(false);
  });

  it("generates only valid CPFs", () => {
    const rng = new Rng(7);
    for (let i = 0; i < 2_000; i++) expect(isValidCpf(generateCpf(rng))).toBe(true);
  });
});

describe("Brazilian places and people", () => {
  it("draws CEPs inside the city's state range", () => {
    const rng = new Rng(3);
    for (const city of CITIES) {
      for (let i = 0; i < 20; i++) expect(cepInUf(cepFor(rng, city), city.uf), `${city.name} ${city.uf}`).toBe(true);
    }
    const ufs = new Set(CITIES.map((c) => c.uf));
    for (const uf of ["SP", "RJ", "MG", "PR", "RS", "SC", "BA", "PE", "CE", "GO", "DF", "ES", "PA", "AM"]) expect(ufs.has(uf), uf).toBe(true);
  });

  it("keeps name spellings distinct once accents are dropped (emails rely on it)", () => {
    expect(new Set(FIRST_NAMES.map(asciiLower)).size).toBe(FIRST_NAMES.length);
    expect(new Set(SURNAMES.map(asciiLower)).size).toBe(SURNAMES.length);
  });

  it("gives every customer a distinct e-mail and id, and a valid CPF", () => {
    const emails = new Set<string>();
    const ids = new Set<string>();
    for (let i = 0; i < 6_000; i++) {
      const c = customerAt(42, i);
      emails.add(c.email);
      ids.add(c.id);
      if (i % 97 === 0) {
        expect(isValidCpf(c.document)).toBe(true);
        expect(c.email).toMatch(/^[a-z]+[._][a-z]+\d*@[a-z.]+$/);
        expect(c.address.postalCode).toMatch(/^\d{5}-\d{3}$/);
        expect(cepInUf(c.address.postalCode, c.address.state)).toBe(true);
      }
    }
    expect(emails.size).toBe(6_000);
    expect(ids.size).toBe(6_000);
  }, 30_000);
});

describe("ids and dates", () => {
  it("never repeats an id within a stream", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 50_000; n++) seen.add(uuidFor(123, n));
    expect(seen.size).toBe(50_000);
    expect(uuidFor(123, 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFor(124, 0)).not.toBe(uuidFor(123, 0));
  }, 30_000);

  it("skips weekends for ship-by dates (São Paulo time)", () => {
    // Friday 2026-11-27 10:00 in São Paulo + 1 business day = Monday 30th, 18:00 local (21:00Z).
    expect(addBusinessDays(new Date("2026-11-27T13:00:00Z"), 1).toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(addBusinessDays(new Date("2026-11-24T13:00:00Z"), 3).toISOString()).toBe("2026-11-27T21:00:00.000Z");
  });
});

describe("catalogue", () => {
  it("has 240 distinct SKUs with valid 789 EAN-13s and 8-digit NCMs", () => {
    const items = buildCatalog(240, new Rng(1));
    expect(items).toHaveLength(240);
    expect(new Set(items.map((i) => i.code)).size).toBe(240);
    expect(new Set(items.map((i) => i.ean)).size).toBe(240);
    for (const i of items) {
      expect(i.ean.startsWith("789")).toBe(true);
      expect(validateEan13(i.ean), i.ean).toBe(true);
      expect(i.ncm).toMatch(/^\d{8}$/);
      expect(i.code).toMatch(/^[A-Z]{3}-[A-Z0-9]{3}(-[A-Z0-9]{1,3})?-[A-Z]{3}$/);
      expect(i.priceCents % 100).toBe(90);
    }
    expect(items.find((i) => i.code === "CAM-BAS-P-AZU")?.name).toBe("Camiseta Básica Algodão Azul P");
  });
});

describe("generator", () => {
  it("is deterministic: same seed and size give the same rows, whatever `now` is", () => {
    const later = new Date(NOW.getTime() + 3 * 86_400_000 + 5 * 3_600_000 + 17 * 60_000 + 123);
    const a = createGenerator({ orders: 120, seed: 99, now: NOW });
    const b = createGenerator({ orders: 120, seed: 99, now: NOW });
    const c = createGenerator({ orders: 120, seed: 99, now: later });
    expect(b.base).toEqual(a.base);
    const [ba, bb, bc] = [allBatches(a), allBatches(b), allBatches(c)];
    expect(bb).toEqual(ba);
    const stockA = a.finish();
    expect(b.finish()).toEqual(stockA);
    const key = (bs: OrderBatch[]): string[] => bs.flatMap((x) => x.orders.map((o) => `${o.id} ${o.externalId} ${o.status} ${o.totalCents}`));
    expect(key(bc)).toEqual(key(ba));
    const lineKey = (bs: OrderBatch[]): string[] => bs.flatMap((x) => x.lines.map((l) => `${l.id} ${l.sku} ${l.quantity} ${l.reservedQty}`));
    expect(lineKey(bc)).toEqual(lineKey(ba));
    expect(c.finish().balances).toEqual(stockA.balances);
    const placed = bc.flatMap((x) => x.orders.map((o) => o.placedAt.getTime()));
    expect(Math.max(...placed)).toBeLessThan(later.getTime());
    expect(Math.min(...placed)).toBeGreaterThan(later.getTime() - 91 * 86_400_000);
  }, 30_000);

  it("changes with the seed", () => {
    const a = allBatches(createGenerator({ orders: 50, seed: 1, now: NOW }));
    const b = allBatches(createGenerator({ orders: 50, seed: 2, now: NOW }));
    expect(a[0]!.orders.map((o) => o.totalCents)).not.toEqual(b[0]!.orders.map((o) => o.totalCents));
  });

  it("covers every pipeline stage with 300 orders, with consistent totals and rising numbers", () => {
    const gen = createGenerator({ orders: 300, now: NOW, batchSize: 128 });
    const batches = allBatches(gen);
    expect(batches.map((b) => b.orders.length)).toEqual([128, 128, 44]);
    const orders = batches.flatMap((b) => b.orders);
    const lines = batches.flatMap((b) => b.lines);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
    expect(Object.values(gen.byStatus).reduce((a, b) => a + b, 0)).toBe(300);
    for (const o of orders) {
      const own = lines.filter((l) => l.orderId === o.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(o.subtotalCents).toBe(own.reduce((n, l) => n + l.quantity * l.unitPriceCents, 0));
      expect(o.totalCents).toBe(o.subtotalCents - o.discountCents + o.shippingCents + o.taxCents);
      expect(o.shipState).toBe(o.shippingAddress.state);
      expect(o.shipBy.getTime()).toBeGreaterThan(o.placedAt.getTime());
      expect(o.placedAt.getTime()).toBeLessThan(NOW.getTime());
    }
    for (let i = 1; i < orders.length; i++) expect(orders[i]!.placedAt.getTime()).toBeGreaterThanOrEqual(orders[i - 1]!.placedAt.getTime());
    expect(orders.map((o) => o.number)).toEqual(orders.map((_, i) => i + 1));
  }, 30_000);

  it("uses each channel's id format", () => {
    const orders = allBatches(createGenerator({ orders: 200, now: NOW })).flatMap((b) => b.orders);
    const byChannel = new Map<string, typeof orders>();
    for (const o of orders) byChannel.set(o.channelId, [...(byChannel.get(o.channelId) ?? []), o]);
    const formats = [...byChannel.values()].map((os) => os[0]!.externalId);
    expect(formats.some((id) => /^\d{13}$/.test(id))).toBe(true);
    expect(formats.some((id) => /^2000\d{12}$/.test(id))).toBe(true);
    expect(formats.some((id) => /^\d{4,6}$/.test(id))).toBe(true);
    expect(formats.some((id) => /^POS-\d{6}$/.test(id))).toBe(true);
    expect(orders.filter((o) => /^\d{13}$/.test(o.externalId)).every((o) => /^#1\d{3,}$/.test(o.externalNumber ?? ""))).toBe(true);
  });

  it("refuses to compute stock before every order was generated", () => {
    const gen = createGenerator({ orders: 10, now: NOW });
    expect(() => gen.finish()).toThrow(/every order batch/);
  });
});

describe("CLI arguments", () => {
  it("parses sizes, seeds and flags, and refuses anything else", () => {
    expect(parseArgs([])).toEqual({ orders: 2_000, ifEmpty: false, quiet: false });
    expect(parseArgs(["--orders", "1_000_000", "--seed", "7", "--if-empty", "--quiet"])).toEqual({ orders: 1_000_000, seed: 7, ifEmpty: true, quiet: true });
    expect(() => parseArgs(["--orders"])).toThrow(/non-negative integer/);
    expect(() => parseArgs(["--orders", "-5"])).toThrow(/non-negative integer/);
    expect(() => parseArgs(["--order", "5"])).toThrow(/Unknown argument/);
  });
});
