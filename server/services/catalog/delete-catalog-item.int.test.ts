/** Deleting SKUs and products created by mistake, through the catalog router: only what has no history goes. */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { Role } from "@/server/lib/roles";
import { systemActor } from "@/server/services/order/actor";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { buildWorld, capture, makeUser } from "@/server/services/stock/stock-test-fixtures";
import { failure } from "@/server/test/trpc-failure";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let users: Record<Role, SessionUser>;
beforeEach(async () => {
  users = { ADMIN: await makeUser("ADMIN"), OPERATOR: await makeUser("OPERATOR"), MANAGER: await makeUser("MANAGER"), WAREHOUSE: await makeUser("WAREHOUSE") };
});
const as = (role: Role) => createCaller({ user: users[role] });

const sku = (code: string, variant: string) => ({ code, variant, weightGrams: 180, lengthMm: 300, widthMm: 250, heightMm: 30, priceCents: 4990 });

async function shirt() {
  const created = await as("OPERATOR").catalog.createProduct({ name: "Camiseta", skus: [sku("CAM-M", "M"), sku("CAM-G", "G"), sku("CAM-P", "P")] });
  const ids = Object.fromEntries(created.skus.map((s) => [s.code, s.id]));
  return { productId: created.id, ids: ids as Record<"CAM-M" | "CAM-G" | "CAM-P", string> };
}

describe("deleting a SKU", () => {
  it("deletes a SKU that was never used, with its zero stock rows, and audits who did it", async () => {
    const { productId, ids } = await shirt();
    const world = await buildWorld({ warehouses: [{ code: "SP", state: "SP" }], skus: [] });
    // A safety stock set on the warehouse: a balance row with nothing in it.
    await db.stockBalance.create({ data: { skuId: ids["CAM-P"], warehouseId: world.wh.SP!.id, safety: 2 } });
    await expect(as("OPERATOR").catalog.deleteSku({ skuId: ids["CAM-P"] })).resolves.toEqual({ productId });
    expect(await db.sku.findMany({ where: { productId }, select: { code: true }, orderBy: { code: "asc" } })).toEqual([{ code: "CAM-G" }, { code: "CAM-M" }]);
    expect(await db.stockBalance.count({ where: { skuId: ids["CAM-P"] } })).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "sku.deleted" } });
    expect(log).toMatchObject({ entity: "Sku", entityId: ids["CAM-P"], actorId: users.OPERATOR.id, data: { sku: "CAM-P", productId } });
  });

  it("refuses a SKU that is on an order or in the stock ledger, naming what holds it, and keeps it", async () => {
    const { ids } = await shirt();
    const world = await buildWorld({ warehouses: [{ code: "SP", state: "SP" }], skus: [] });
    await capture({ ...world, sku: {} }, { lines: [{ sku: "CAM-M", quantity: 1 }] });
    expect(await failure(as("ADMIN").catalog.deleteSku({ skuId: ids["CAM-M"] }))).toEqual({
      code: "CONFLICT",
      params: { rule: "SKU_IN_USE", sku: "CAM-M", holds: "orders", count: 1 },
    });
    await db.$transaction((tx) =>
      applyBinChanges(tx, { changes: [{ type: "RECEIPT", skuId: ids["CAM-G"], binId: world.wh.SP!.bins[0]!, onHandDelta: 3, reason: "Opening stock" }], actor: systemActor("test") }),
    );
    expect((await failure(as("ADMIN").catalog.deleteSku({ skuId: ids["CAM-G"] }))).params).toEqual({ rule: "SKU_IN_USE", sku: "CAM-G", holds: "movements", count: 1 });
    expect(await db.sku.count({ where: { id: { in: [ids["CAM-M"], ids["CAM-G"]] } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "sku.deleted" } })).toBe(0);
  });

  it("refuses the product's only SKU (the product is deleted instead) and an unknown SKU", async () => {
    const single = await as("OPERATOR").catalog.createProduct({ name: "Boné", skus: [{ code: "BONE", weightGrams: 100, lengthMm: 1, widthMm: 1, heightMm: 1, priceCents: 100 }] });
    expect(await failure(as("OPERATOR").catalog.deleteSku({ skuId: single.skus[0]!.id }))).toEqual({ code: "CONFLICT", params: { rule: "LAST_SKU", sku: "BONE" } });
    expect((await failure(as("OPERATOR").catalog.deleteSku({ skuId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });

  it("is refused to roles that do not edit the catalogue", async () => {
    const { ids } = await shirt();
    for (const role of ["MANAGER", "WAREHOUSE"] as const) {
      expect((await failure(as(role).catalog.deleteSku({ skuId: ids["CAM-P"] }))).code).toBe("FORBIDDEN");
      expect((await failure(as(role).catalog.deleteProduct({ productId: (await db.sku.findUniqueOrThrow({ where: { id: ids["CAM-P"] } })).productId }))).code).toBe("FORBIDDEN");
    }
    expect(await db.sku.count({ where: { id: ids["CAM-P"] } })).toBe(1);
  });
});

describe("deleting a product", () => {
  it("deletes a product and all its SKUs when none was used", async () => {
    const { productId } = await shirt();
    await expect(as("ADMIN").catalog.deleteProduct({ productId })).resolves.toEqual({ deleted: 3 });
    expect(await db.product.count({ where: { id: productId } })).toBe(0);
    expect(await db.sku.count({ where: { productId } })).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "product.deleted" } });
    expect(log).toMatchObject({ entity: "Product", entityId: productId, actorId: users.ADMIN.id, data: { name: "Camiseta", skus: ["CAM-G", "CAM-M", "CAM-P"] } });
  });

  it("refuses the whole product when one of its SKUs has history, and deletes nothing", async () => {
    const { productId } = await shirt();
    const world = await buildWorld({ warehouses: [{ code: "SP", state: "SP" }], skus: [] });
    await capture({ ...world, sku: {} }, { lines: [{ sku: "CAM-G", quantity: 2 }] });
    expect((await failure(as("ADMIN").catalog.deleteProduct({ productId }))).params).toEqual({ rule: "SKU_IN_USE", sku: "CAM-G", holds: "orders", count: 1 });
    expect(await db.sku.count({ where: { productId } })).toBe(3);
    expect(await db.product.count({ where: { id: productId } })).toBe(1);
  });
});
