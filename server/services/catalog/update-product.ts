/** A merchant renames a product or changes its brand or description. Audited with the fields before → after. */
import { DomainError } from "@/server/lib/domain-error";
import { updateProductInput, type UpdateProductInput } from "@/server/services/catalog/catalog-inputs";
import { audit, diff, inCatalogTx, productText } from "@/server/services/catalog/catalog-write";
import type { Actor } from "@/server/services/order/actor";

export async function updateProduct(opts: { actor: Actor; input: UpdateProductInput }): Promise<{ id: string; changed: boolean }> {
  const input = updateProductInput.parse(opts.input);
  const next = productText(input);
  return inCatalogTx(async (tx) => {
    const [before] = await tx.$queryRaw<{ name: string; brand: string | null; description: string | null }[]>`
      SELECT name, brand, description FROM "Product" WHERE id = ${input.productId}::uuid FOR UPDATE`;
    if (!before) throw new DomainError("NOT_FOUND", `Product ${input.productId} not found.`);
    const change = diff(before, next);
    if (!change) return { id: input.productId, changed: false };
    await tx.product.update({ where: { id: input.productId }, data: change.after });
    await audit(tx, opts.actor, "product.updated", "Product", input.productId, change);
    return { id: input.productId, changed: true };
  });
}
