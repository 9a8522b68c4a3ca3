/** A merchant adds a variant (a new SKU) to an existing product. Audited as sku.created. */
import { DomainError } from "@/server/lib/domain-error";
import { addSkuInput, type AddSkuInput } from "@/server/services/catalog/catalog-inputs";
import { assertSkusFree, audit, inCatalogTx, skuRow } from "@/server/services/catalog/catalog-write";
import { checkSkuCode, checkVariants } from "@/server/services/catalog/sku-rules";
import type { Actor } from "@/server/services/order/actor";

export async function addSku(opts: { actor: Actor; input: AddSkuInput }): Promise<{ id: string; code: string }> {
  const input = addSkuInput.parse(opts.input);
  const code = checkSkuCode(input.code);
  return inCatalogTx(async (tx) => {
    // The product row under lock: two variants added at once are checked one after the other.
    const [product] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "Product" WHERE id = ${input.productId}::uuid FOR UPDATE`;
    if (!product) throw new DomainError("NOT_FOUND", `Product ${input.productId} not found.`);
    const row = { code, ...skuRow(product.name, input) };
    const siblings = await tx.sku.findMany({ where: { productId: input.productId }, select: { code: true, variant: true } });
    checkVariants([...siblings.map((s) => ({ ...s, changed: false })), { code, variant: row.variant, changed: true }]);
    await assertSkusFree(tx, [row]);
    const created = await tx.sku.create({ data: { ...row, productId: input.productId }, select: { id: true, code: true } });
    await audit(tx, opts.actor, "sku.created", "Sku", created.id, { productId: input.productId, after: row });
    return created;
  });
}
