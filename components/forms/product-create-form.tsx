"use client";
/**
 * New product: its name, brand and description, and one SKU per variant
 * (one is enough for a product sold in a single version). Created in one go
 * (catalog.createProduct); then the product's page opens.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CatalogErrorMessage } from "@/components/ui/catalog-error-text";
import { isEdited, remainingError, useEdits } from "@/components/forms/form-errors";
import { problemClass, ProductFields, useDraftProblem, type ProductDraft } from "@/components/forms/product-fields";
import { emptySkuDraft, readSkuDraft, skuIssuePath, type DraftField, type SkuDraft, type SkuFields } from "@/components/forms/sku-draft";
import { primaryButton, secondaryButton, SkuFieldsEditor } from "@/components/forms/sku-fields-editor";

export function ProductCreateForm() {
  const t = useTranslations("products.form");
  const trpc = useTRPC();
  const router = useRouter();
  const problemText = useDraftProblem();
  const [product, setProduct] = useState<ProductDraft>({ name: "", brand: "", description: "" });
  const [skus, setSkus] = useState<SkuDraft[]>([emptySkuDraft()]);
  /** The SKU field the form could not read at the last submit. */
  const [problem, setProblem] = useState<{ field: DraftField; index: number } | null>(null);
  const edits = useEdits();
  const create = useMutation(trpc.catalog.createProduct.mutationOptions({ onSuccess: (p) => router.push(`/products/${p.id}`) }));

  const setSku = (i: number, patch: Partial<SkuDraft>) => {
    edits.touch(...(Object.keys(patch) as (keyof SkuDraft)[]).map((k) => skuIssuePath(k, `skus.${i}.`)));
    setSkus((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  };
  const removeSku = (i: number) => {
    edits.touch("skus.*");
    setSkus((list) => list.filter((_, j) => j !== i));
  };
  const problemSku = problem ? skus[problem.index] : undefined;
  const shownProblem = problem && problemSku && !isEdited(skuIssuePath(problem.field, `skus.${problem.index}.`), edits.edited) ? problemText(problem.field, problemSku) : null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    edits.restart();
    create.reset();
    const read: (SkuFields & { code: string })[] = [];
    for (const [index, s] of skus.entries()) {
      const r = readSkuDraft(s);
      if (!r.ok) return setProblem({ field: r.field, index });
      read.push({ ...r.fields, code: s.code.trim() });
    }
    setProblem(null);
    create.mutate({ name: product.name, brand: product.brand, description: product.description, skus: read });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" data-testid="product-create-form">
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <ProductFields
          draft={product}
          onChange={(patch) => {
            edits.touch(...Object.keys(patch));
            setProduct((p) => ({ ...p, ...patch }));
          }}
        />
      </section>
      {skus.map((s, i) => (
        <section key={i} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="new-sku">
          <div className="flex items-center justify-between">
            <h2 className="font-semibold">{t("skuN", { n: i + 1 })}</h2>
            {skus.length > 1 && (
              <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => removeSku(i)} data-testid="remove-sku">
                {t("removeSku")}
              </button>
            )}
          </div>
          <SkuFieldsEditor draft={s} onChange={(patch) => setSku(i, patch)} withCode nameRequired={false} />
        </section>
      ))}
      <p className="text-sm text-slate-500">{t("variantsHelp")}</p>
      {shownProblem && <p role="alert" className={problemClass} data-testid="product-problem">{shownProblem}</p>}
      <CatalogErrorMessage error={remainingError(create.error, edits.edited)} />
      <div className="flex flex-wrap gap-3">
        <button type="button" className={secondaryButton} onClick={() => setSkus((list) => [...list, emptySkuDraft()])} data-testid="add-sku-row">
          {t("addSku")}
        </button>
        <button type="submit" className={primaryButton} disabled={create.isPending} data-testid="product-submit">
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
