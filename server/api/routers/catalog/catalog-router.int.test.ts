/** The catalog router through createCaller on a fresh database: products with their SKUs, the field rules, audit rows, roles, search and pages. */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { ean13CheckDigit } from "@/server/lib/ean";
import type { Role } from "@/server/lib/roles";
import type { NewSkuInput } from "@/server/services/catalog/catalog-inputs";
import { makeUser } from "@/server/services/stock/stock-test-fixtures";
import { failure } from "@/server/test/trpc-failure";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let users: Record<Role, SessionUser>;
beforeEach(async () => {
  users = { ADMIN: await makeUser("ADMIN"), OPERATOR: await makeUser("OPERATOR"), MANAGER: await makeUser("MANAGER"), WAREHOUSE: await makeUser("WAREHOUSE") };
});
const as = (role: Role) => createCaller({ user: users[role] });

const ean = (n: number) => {
  const body = `789123${String(n).padStart(6, "0")}`;
  return `${body}${ean13CheckDigit(body)}`;
};
const sku = (code: string, extra: Partial<NewSkuInput> = {}): NewSkuInput => ({
  code, weightGrams: 180, lengthMm: 300, widthMm: 250, heightMm: 30, priceCents: 4990, ...extra,
});
const shirt = () => ({
  name: "Camiseta Básica Algodão",
  brand: "Aurora Moda",
  skus: [sku("CAM-BAS-M-AZU", { variant: "Azul / M", ean: "7891000315507", ncm: "6109.10.00" }), sku("CAM-BAS-G-PRE", { variant: "Preto / G", priceCents: 5490 })],
});

describe("creating a product", () => {
  it("creates the product and its two SKUs in one go, names the SKUs after the variant, and audits each", async () => {
    const created = await as("OPERATOR").catalog.createProduct(shirt());
    expect(created.skus.map((s) => s.code)).toEqual(["CAM-BAS-M-AZU", "CAM-BAS-G-PRE"]);
    const detail = await as("WAREHOUSE").catalog.product({ productId: created.id });
    expect(detail.product).toMatchObject({ name: "Camiseta Básica Algodão", brand: "Aurora Moda", description: null });
    expect(detail.skus.map((s) => [s.code, s.name, s.variant, s.ean, s.ncm, s.priceCents, s.active])).toEqual([
      ["CAM-BAS-G-PRE", "Camiseta Básica Algodão Preto G", "Preto / G", null, null, 5490, true],
      ["CAM-BAS-M-AZU", "Camiseta Básica Algodão Azul M", "Azul / M", "7891000315507", "61091000", 4990, true],
    ]);
    expect(detail.skus[0]?.stock).toEqual({ onHand: 0, reserved: 0, unavailable: 0, available: 0 });
    const audit = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.entity, a.actorId])).toEqual([
      ["product.created", "Product", users.OPERATOR.id],
      ["sku.created", "Sku", users.OPERATOR.id],
      ["sku.created", "Sku", users.OPERATOR.id],
    ]);
    expect(audit[1]?.data).toMatchObject({ productId: created.id, after: { code: "CAM-BAS-M-AZU", ean: "7891000315507", priceCents: 4990 }, by: "OPERATOR user" });
  });

  it("refuses a SKU code that is taken (case aside) or repeated, naming it, and writes nothing", async () => {
    await as("OPERATOR").catalog.createProduct(shirt());
    const taken = await failure(as("OPERATOR").catalog.createProduct({ name: "Outra", skus: [sku("cam-bas-m-azu")] }));
    expect(taken).toEqual({ code: "CONFLICT", params: expect.objectContaining({ rule: "SKU_CODE_TAKEN", field: "code", code: "CAM-BAS-M-AZU", product: "Camiseta Básica Algodão" }) });
    const twice = await failure(as("OPERATOR").catalog.createProduct({ name: "Outra", skus: [sku("X-1", { variant: "A" }), sku("x-1", { variant: "B" })] }));
    expect(twice.params).toMatchObject({ rule: "SKU_CODE_REPEATED", code: "x-1" });
    const badShape = await failure(as("OPERATOR").catalog.createProduct({ name: "Outra", skus: [sku("COM ESPAÇO")] }));
    expect(badShape).toMatchObject({ code: "BAD_REQUEST", params: { rule: "SKU_CODE_FORMAT" } });
    expect(await db.product.count()).toBe(1);
    expect(await db.sku.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(3);
  });

  it("checks the EAN: GS1 check digit, length, and unique in any GTIN length", async () => {
    const wrongDigit = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ean: "7891000315508" })] }));
    expect(wrongDigit).toEqual({ code: "BAD_REQUEST", params: expect.objectContaining({ rule: "EAN_CHECK_DIGIT", field: "ean", ean: "7891000315508", expected: 7 }) });
    const wrongLength = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ean: "78910003155" })] }));
    expect(wrongLength.params).toMatchObject({ rule: "EAN_FORMAT" });
    await as("OPERATOR").catalog.createProduct(shirt());
    // The GTIN-14 form of the shirt's EAN-13 is the same trade item.
    const sameItem = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ean: "07891000315507" })] }));
    expect(sameItem).toEqual({ code: "CONFLICT", params: expect.objectContaining({ rule: "EAN_TAKEN", code: "CAM-BAS-M-AZU" }) });
    const created = await as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ean: " 9638 5074 " })] });
    expect((await as("OPERATOR").catalog.product({ productId: created.id })).skus[0]?.ean).toBe("96385074");
  });

  it("takes the NCM as 8 digits, with or without dots", async () => {
    const bad = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ncm: "6912" })] }));
    expect(bad).toEqual({ code: "BAD_REQUEST", params: expect.objectContaining({ rule: "NCM_FORMAT", field: "ncm", ncm: "6912" }) });
    const letters = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ncm: "6912000A" })] }));
    expect(letters.params).toMatchObject({ rule: "NCM_FORMAT" });
    const ok = await as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { ncm: "6912.00.00" })] });
    expect((await as("OPERATOR").catalog.product({ productId: ok.id })).skus[0]?.ncm).toBe("69120000");
  });

  it("needs a different variant for each SKU of a product with several; negative or fractional numbers are refused", async () => {
    const missing = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { variant: "350 ml" }), sku("CAN-2")] }));
    expect(missing.params).toMatchObject({ rule: "VARIANT_REQUIRED", code: "CAN-2" });
    const same = await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { variant: "350 ml" }), sku("CAN-2", { variant: "350 ML" })] }));
    expect(same).toMatchObject({ code: "CONFLICT", params: { rule: "VARIANT_TAKEN" } });
    expect(await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { priceCents: -1 })] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { priceCents: 49.9 })] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1", { weightGrams: -5 })] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.product.count()).toBe(0);
  });
});

describe("editing", () => {
  it("updates a SKU's fields and writes one audit row with the fields before and after; the same values again write nothing", async () => {
    const created = await as("OPERATOR").catalog.createProduct(shirt());
    const skuId = created.skus[0]!.id;
    await db.auditLog.deleteMany();
    expect(await as("ADMIN").catalog.updateSku({ skuId, priceCents: 3990, weightGrams: 200, ncm: "61091000", active: false })).toEqual({ id: skuId, changed: true });
    const audit = await db.auditLog.findMany();
    expect(audit.map((a) => [a.action, a.entity, a.entityId, a.actorId])).toEqual([["sku.updated", "Sku", skuId, users.ADMIN.id]]);
    // ncm was 61091000 already: only what changed is recorded.
    expect(audit[0]?.data).toEqual({ sku: "CAM-BAS-M-AZU", before: { priceCents: 4990, weightGrams: 180, active: true }, after: { priceCents: 3990, weightGrams: 200, active: false }, by: "ADMIN user" });
    expect(await as("ADMIN").catalog.updateSku({ skuId, priceCents: 3990 })).toEqual({ id: skuId, changed: false });
    expect(await db.auditLog.count()).toBe(1);
    const row = await db.sku.findUniqueOrThrow({ where: { id: skuId } });
    expect(row).toMatchObject({ code: "CAM-BAS-M-AZU", priceCents: 3990, weightGrams: 200, active: false });
  });

  it("applies the same rules to an edited SKU: EAN check digit and uniqueness, variant, NCM; clears an EAN", async () => {
    const created = await as("OPERATOR").catalog.createProduct(shirt());
    const blue = created.skus[0]!;
    const black = created.skus[1]!;
    expect((await failure(as("OPERATOR").catalog.updateSku({ skuId: black.id, ean: "7891000315508" }))).params).toMatchObject({ rule: "EAN_CHECK_DIGIT" });
    expect((await failure(as("OPERATOR").catalog.updateSku({ skuId: black.id, ean: "7891000315507" }))).params).toMatchObject({ rule: "EAN_TAKEN", code: "CAM-BAS-M-AZU" });
    expect((await failure(as("OPERATOR").catalog.updateSku({ skuId: black.id, variant: "azul / m" }))).params).toMatchObject({ rule: "VARIANT_TAKEN" });
    expect((await failure(as("OPERATOR").catalog.updateSku({ skuId: black.id, variant: "" }))).params).toMatchObject({ rule: "VARIANT_REQUIRED" });
    expect((await failure(as("OPERATOR").catalog.updateSku({ skuId: black.id, ncm: "123" }))).params).toMatchObject({ rule: "NCM_FORMAT" });
    // Its own EAN again is no conflict; clearing it is allowed.
    expect(await as("OPERATOR").catalog.updateSku({ skuId: blue.id, ean: "7891000315507", name: "Camiseta Azul M" })).toMatchObject({ changed: true });
    await as("OPERATOR").catalog.updateSku({ skuId: blue.id, ean: null });
    expect(await db.sku.findUniqueOrThrow({ where: { id: blue.id }, select: { ean: true, name: true } })).toEqual({ ean: null, name: "Camiseta Azul M" });
    expect(await failure(as("OPERATOR").catalog.updateSku({ skuId: "00000000-0000-4000-8000-000000000000", priceCents: 1 }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("renames a product (audited) and adds a variant to it", async () => {
    const created = await as("OPERATOR").catalog.createProduct({ name: "Caneca", skus: [sku("CAN-350", { variant: "350 ml" })] });
    expect(await as("OPERATOR").catalog.updateProduct({ productId: created.id, name: "Caneca Cerâmica", brand: "  Aurora   Casa ", description: "Vai ao micro-ondas.\nNão vai ao forno." })).toMatchObject({ changed: true });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "product.updated" } });
    expect(log.data).toMatchObject({ before: { name: "Caneca", brand: null, description: null }, after: { name: "Caneca Cerâmica", brand: "Aurora Casa", description: "Vai ao micro-ondas.\nNão vai ao forno." } });
    expect((await failure(as("OPERATOR").catalog.addSku({ productId: created.id, ...sku("CAN-500") }))).params).toMatchObject({ rule: "VARIANT_REQUIRED" });
    expect((await failure(as("OPERATOR").catalog.addSku({ productId: created.id, ...sku("can-350", { variant: "500 ml" }) }))).params).toMatchObject({ rule: "SKU_CODE_TAKEN", code: "CAN-350" });
    const added = await as("OPERATOR").catalog.addSku({ productId: created.id, ...sku("CAN-500", { variant: "500 ml", priceCents: 4290 }) });
    // A SKU keeps the name it was created with (it is printed on orders); the new one takes the new product name.
    const detail = await as("OPERATOR").catalog.product({ productId: created.id });
    expect(detail.skus.map((s) => [s.id, s.name])).toEqual([[expect.any(String), "Caneca 350 ml"], [added.id, "Caneca Cerâmica 500 ml"]]);
    expect(await db.auditLog.count({ where: { action: "sku.created", entityId: added.id } })).toBe(1);
    expect(await failure(as("OPERATOR").catalog.updateProduct({ productId: "00000000-0000-4000-8000-000000000000", name: "X" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("roles", () => {
  it("lets every role read; only OPERATOR and ADMIN change the catalogue (WAREHOUSE and MANAGER are refused)", async () => {
    const created = await as("ADMIN").catalog.createProduct(shirt());
    for (const role of ["WAREHOUSE", "MANAGER"] as const) {
      expect((await failure(as(role).catalog.createProduct({ name: "Caneca", skus: [sku("CAN-1")] }))).code).toBe("FORBIDDEN");
      expect((await failure(as(role).catalog.updateProduct({ productId: created.id, name: "X" }))).code).toBe("FORBIDDEN");
      expect((await failure(as(role).catalog.addSku({ productId: created.id, ...sku("CAN-1", { variant: "X" }) }))).code).toBe("FORBIDDEN");
      expect((await failure(as(role).catalog.updateSku({ skuId: created.skus[0]!.id, priceCents: 1 }))).code).toBe("FORBIDDEN");
      expect((await as(role).catalog.list({})).rows).toHaveLength(1);
    }
    expect(await db.product.count()).toBe(1);
    expect((await failure(createCaller({ user: null }).catalog.list({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("the product list", () => {
  async function catalogue(names: string[]) {
    for (const [i, name] of names.entries()) {
      await as("OPERATOR").catalog.createProduct({ name, skus: [sku(`P${i}-A`, { variant: "A", ean: ean(i * 10 + 1) }), sku(`P${i}-B`, { variant: "B", ean: ean(i * 10 + 2), active: i % 2 === 0 })] });
    }
  }

  it("finds a product by the beginning of its name, a SKU code or an EAN", async () => {
    await catalogue(["Bermuda Sarja", "Camiseta Polo", "Caneca Cerâmica"]);
    const names = async (search: string) => (await as("WAREHOUSE").catalog.list({ search })).rows.map((r) => r.name);
    expect(await names("can")).toEqual(["Caneca Cerâmica"]);
    expect(await names("ca")).toEqual(["Camiseta Polo", "Caneca Cerâmica"]);
    expect(await names("p1-b")).toEqual(["Camiseta Polo"]);
    expect(await names(ean(21))).toEqual(["Caneca Cerâmica"]);
    expect(await names(ean(11).slice(0, 12))).toEqual(["Camiseta Polo"]);
    expect(await names("789123")).toHaveLength(3);
    expect(await names("9")).toEqual([]);
    expect(await names("sarja")).toEqual([]); // beginnings only
    expect(await names("50%")).toEqual([]);
  });

  it("pages A–Z with a cursor, each product once, with its SKU counts, prices and stock", async () => {
    await catalogue(["Vela", "Almofada", "Toalha", "bone", "Edredom", "Meia", "Caneca"]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await as("MANAGER").catalog.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["Almofada", "bone", "Caneca", "Edredom", "Meia", "Toalha", "Vela"]);
    expect(await failure(as("MANAGER").catalog.list({ cursor: "not-a-cursor" }))).toMatchObject({ code: "BAD_REQUEST", params: { field: "cursor" } });

    // Stock of one SKU in two warehouses: available is per warehouse, never below 0, then summed.
    const vela = await db.sku.findFirstOrThrow({ where: { product: { name: "Vela" }, variant: "A" } });
    const [sp, rj] = await Promise.all(["SP1", "RJ1"].map((code) => db.warehouse.create({ data: { code, name: code, city: "C", state: code.slice(0, 2) } })));
    await db.stockBalance.createMany({
      data: [
        { skuId: vela.id, warehouseId: sp!.id, onHand: 10, reserved: 3, unavailable: 1, safety: 2 },
        { skuId: vela.id, warehouseId: rj!.id, onHand: 5, reserved: 5, safety: 3 },
      ],
    });
    const row = (await as("MANAGER").catalog.list({ search: "vela" })).rows[0];
    expect(row).toEqual({ id: expect.any(String), name: "Vela", brand: null, skuCount: 2, activeSkuCount: 2, minPriceCents: 4990, maxPriceCents: 4990, onHand: 15, available: 4 });
    expect((await as("MANAGER").catalog.list({ search: "bone" })).rows[0]).toMatchObject({ skuCount: 2, activeSkuCount: 1 });
    const detail = await as("MANAGER").catalog.product({ productId: row!.id });
    expect(detail.skus.find((s) => s.id === vela.id)?.stock).toEqual({ onHand: 15, reserved: 8, unavailable: 1, available: 4 });
  });
});
