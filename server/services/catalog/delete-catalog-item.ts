/**
 * Deleting a SKU or a whole product, for what was created by mistake (a typo
 * in a code, a test product). Only what never took part in the business can
 * go: a SKU that is on an order line, in the stock ledger, on a reservation,
 * on a purchase order or a pick list, or that holds stock, keeps its history
 * and is refused (SKU_IN_USE, naming what holds it) — deactivating it is what
 * takes it out of use. A product's last SKU is deleted with the product
 * (LAST_SKU). The stock rows a SKU has without ever moving stock (zero
 * balances carrying a safety stock, its stock alerts) go with it.
 *
 * The SKU rows are locked first (FOR UPDATE), so an order captured at the same
 * moment either committed first (and is counted here) or waits and then finds
 * no SKU; a foreign key that still refuses the delete reads as SKU_IN_USE.
 * Audited as sku.deleted / product.deleted with what was deleted.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { sqlState } from "@/server/services/stock/stock-tx";
import { audit, inCatalogTx } from "@/server/services/catalog/catalog-write";
import type { Actor } from "@/server/services/order/actor";

export const deleteSkuInput = z.object({ skuId: z.uuid() });
export const deleteProductInput = z.object({ productId: z.uuid() });

interface SkuUse {
  id: string;
  code: string;
  orders: number;
  movements: number;
  purchaseOrders: number;
  pickLists: number;
  stock: number;
}

/** What ties each SKU to the business: counts, each an index probe. */
async function skuUses(tx: DbTx, skuIds: readonly string[]): Promise<SkuUse[]> {
  return tx.$queryRaw<SkuUse[]>`
    SELECT s.id, s.code,
      (SELECT count(DISTINCT l."orderId") FROM "OrderLine" l WHERE l."skuId" = s.id)::int AS orders,
      (SELECT count(*) FROM "StockMovement" m WHERE m."skuId" = s.id)::int
        + (SELECT count(*) FROM "Reservation" r WHERE r."skuId" = s.id)::int AS movements,
      (SELECT count(DISTINCT p."purchaseOrderId") FROM "PurchaseOrderLine" p WHERE p."skuId" = s.id)::int AS "purchaseOrders",
      (SELECT count(*) FROM "PickListLine" k WHERE k."skuId" = s.id)::int AS "pickLists",
      (SELECT COALESCE(sum(abs(b."onHand") + abs(b.reserved) + abs(b.unavailable)), 0) FROM "StockBalance" b WHERE b."skuId" = s.id)::int
        + (SELECT COALESCE(sum(abs(c."onHand") + abs(c.unavailable)), 0) FROM "BinStock" c WHERE c."skuId" = s.id)::int AS stock
    FROM "Sku" s WHERE s.id = ANY(${[...skuIds]}::uuid[])
    ORDER BY s.code
    FOR UPDATE OF s`;
}

/** What the refusal names: the first kind of history the SKU has, and how much of it. */
const HISTORY = ["orders", "movements", "purchaseOrders", "pickLists", "stock"] as const;

function assertUnused(uses: readonly SkuUse[]): void {
  const used = uses.find((u) => HISTORY.some((k) => u[k] > 0));
  if (!used) return;
  const holds = HISTORY.find((k) => used[k] > 0) ?? "stock";
  throw new DomainError("CONFLICT", `SKU ${used.code} cannot be deleted: it has ${used[holds]} ${holds}. Deactivate it instead.`, {
    rule: "SKU_IN_USE", sku: used.code, holds, count: used[holds],
  });
}

/** The rows a never-used SKU may have, then the SKUs themselves. */
async function removeSkus(tx: DbTx, skuIds: readonly string[]): Promise<void> {
  const ids = [...skuIds];
  await tx.$executeRaw`DELETE FROM "Exception" WHERE "skuId" = ANY(${ids}::uuid[]) AND type IN ('LOW_STOCK', 'OUT_OF_STOCK')`;
  await tx.$executeRaw`DELETE FROM "BinStock" WHERE "skuId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`DELETE FROM "StockBalance" WHERE "skuId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`DELETE FROM "Sku" WHERE id = ANY(${ids}::uuid[])`;
}

/** A foreign key refused the delete (a row that references the SKU appeared, or one this check does not know). */
async function refusingReferences<T>(what: () => string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const cause = (e as { cause?: { code?: unknown; originalCode?: unknown } } | null)?.cause;
    if (sqlState(e) === "23503" || cause?.code === "23503" || cause?.originalCode === "23503") {
      throw new DomainError("CONFLICT", `${what()} is referenced elsewhere and cannot be deleted. Deactivate it instead.`, { rule: "SKU_REFERENCED", sku: what() });
    }
    throw e;
  }
}

export async function deleteSku(opts: { actor: Actor; input: z.input<typeof deleteSkuInput> }): Promise<{ productId: string }> {
  const { skuId } = deleteSkuInput.parse(opts.input);
  let code = skuId;
  return refusingReferences(() => code, () =>
    inCatalogTx(async (tx) => {
      const [sku] = await tx.$queryRaw<{ productId: string; code: string; siblings: number }[]>`
        SELECT s."productId", s.code, (SELECT count(*) FROM "Sku" o WHERE o."productId" = s."productId" AND o.id <> s.id)::int AS siblings
        FROM "Sku" s WHERE s.id = ${skuId}::uuid`;
      if (!sku) throw new DomainError("NOT_FOUND", `SKU ${skuId} not found.`, { skuId });
      code = sku.code;
      if (sku.siblings === 0) {
        throw new DomainError("CONFLICT", `SKU ${sku.code} is the product's only SKU: delete the product instead.`, { rule: "LAST_SKU", sku: sku.code });
      }
      assertUnused(await skuUses(tx, [skuId]));
      await removeSkus(tx, [skuId]);
      await audit(tx, opts.actor, "sku.deleted", "Sku", skuId, { sku: sku.code, productId: sku.productId });
      return { productId: sku.productId };
    }),
  );
}

export async function deleteProduct(opts: { actor: Actor; input: z.input<typeof deleteProductInput> }): Promise<{ deleted: number }> {
  const { productId } = deleteProductInput.parse(opts.input);
  let name = productId;
  return refusingReferences(() => name, () =>
    inCatalogTx(async (tx) => {
      const [product] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "Product" WHERE id = ${productId}::uuid FOR UPDATE`;
      if (!product) throw new DomainError("NOT_FOUND", `Product ${productId} not found.`, { productId });
      name = product.name;
      const skus = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Sku" WHERE "productId" = ${productId}::uuid`;
      const uses = await skuUses(tx, skus.map((s) => s.id));
      assertUnused(uses);
      await removeSkus(tx, skus.map((s) => s.id));
      await tx.$executeRaw`DELETE FROM "Product" WHERE id = ${productId}::uuid`;
      await audit(tx, opts.actor, "product.deleted", "Product", productId, { name: product.name, skus: uses.map((u) => u.code) });
      return { deleted: uses.length };
    }),
  );
}
