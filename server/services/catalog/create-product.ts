/**
 * A merchant adds a product with its SKUs (one, or one per variant) in one
 * transaction: either all of it exists afterwards or none. Audited: one
 * product.created row and one sku.created row per SKU.
 */
import { createProductInput, type CreateProductInput } from "@/server/services/catalog/catalog-inputs";
import { assertSkusFree, audit, inCatalogTx, productText, skuRow } from "@/server/services/catalog/catalog-write";
import { checkRepeats, checkSkuCode, checkVariants } from "@/server/services/catalog/sku-rules";
import type { Actor } from "@/server/services/order/actor";

export interface CreatedProduct {
  id: string;
  skus: { id: string; code: string }[];
}

export async function createProduct(opts: { actor: Actor; input: CreateProductInput }): Promise<CreatedProduct> {
  const input = createProductInput.parse(opts.input);
  const product = productText(input);
  const skus = input.skus.map((s) => ({ code: checkSkuCode(s.code), ...skuRow(product.name, s) }));
  checkRepeats(skus);
  checkVariants(skus.map((s) => ({ code: s.code, variant: s.variant, changed: true })));
  return inCatalogTx(async (tx) => {
    await assertSkusFree(tx, skus);
    const created = await tx.product.create({ data: product, select: { id: true } });
    const rows = await tx.sku.createManyAndReturn({ data: skus.map((s) => ({ ...s, productId: created.id })), select: { id: true, code: true } });
    await audit(tx, opts.actor, "product.created", "Product", created.id, { ...product, skus: skus.map((s) => s.code) });
    for (const s of skus) {
      const id = rows.find((r) => r.code === s.code)!.id;
      await audit(tx, opts.actor, "sku.created", "Sku", id, { productId: created.id, after: s });
    }
    return { id: created.id, skus: skus.map((s) => ({ id: rows.find((r) => r.code === s.code)!.id, code: s.code })) };
  });
}
