/**
 * A merchant edits a SKU: name, variant, EAN, weight and size, NCM, price,
 * active. Only the fields given change; the code never does (channels and
 * order lines refer to it). Audited as sku.updated with the fields before → after.
 */
import { DomainError } from "@/server/lib/domain-error";
import { updateSkuInput, type UpdateSkuInput } from "@/server/services/catalog/catalog-inputs";
import { assertSkusFree, audit, diff, inCatalogTx } from "@/server/services/catalog/catalog-write";
import { checkEan, checkNcm, checkVariants, cleanText } from "@/server/services/catalog/sku-rules";
import type { Actor } from "@/server/services/order/actor";

interface SkuState {
  [key: string]: string | number | boolean | null;
  productId: string; code: string; name: string; variant: string | null; ean: string | null; ncm: string | null;
  weightGrams: number; lengthMm: number; widthMm: number; heightMm: number; priceCents: number; active: boolean;
}

export async function updateSku(opts: { actor: Actor; input: UpdateSkuInput }): Promise<{ id: string; changed: boolean }> {
  const input = updateSkuInput.parse(opts.input);
  const { skuId, name, variant, ean, ncm, ...rest } = input;
  const patch: Partial<SkuState> = {
    ...rest,
    ...(name !== undefined ? { name: cleanText(name) ?? name } : {}),
    ...(variant !== undefined ? { variant: cleanText(variant) } : {}),
    ...(ean !== undefined ? { ean: checkEan(ean) } : {}),
    ...(ncm !== undefined ? { ncm: checkNcm(ncm) } : {}),
  };
  return inCatalogTx(async (tx) => {
    const [before] = await tx.$queryRaw<SkuState[]>`
      SELECT "productId", code, name, variant, ean, ncm, "weightGrams", "lengthMm", "widthMm", "heightMm", "priceCents", active
      FROM "Sku" WHERE id = ${skuId}::uuid FOR UPDATE`;
    if (!before) throw new DomainError("NOT_FOUND", `SKU ${skuId} not found.`);
    const change = diff(before, patch);
    if (!change) return { id: skuId, changed: false };
    if ("variant" in change.after) {
      const siblings = await tx.sku.findMany({ where: { productId: before.productId, id: { not: skuId } }, select: { code: true, variant: true } });
      checkVariants([...siblings.map((s) => ({ ...s, changed: false })), { code: before.code, variant: change.after.variant ?? null, changed: true }]);
    }
    if (change.after.ean) await assertSkusFree(tx, [{ ean: change.after.ean }], skuId);
    await tx.sku.update({ where: { id: skuId }, data: change.after });
    await audit(tx, opts.actor, "sku.updated", "Sku", skuId, { sku: before.code, ...change });
    return { id: skuId, changed: true };
  });
}
