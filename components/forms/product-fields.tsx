"use client";
/** The product's own fields (name, brand, description), shared by the new-product and edit forms. */
import { useTranslations } from "next-intl";
import { inputClass, labelClass } from "@/components/forms/sku-fields-editor";
import type { SkuDraft, DraftField } from "@/components/forms/sku-draft";

export interface ProductDraft {
  name: string;
  brand: string;
  description: string;
}

export function ProductFields({ draft, onChange }: { draft: ProductDraft; onChange: (patch: Partial<ProductDraft>) => void }) {
  const t = useTranslations("products.fields");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className={labelClass}>
        {t("name")}
        <input className={inputClass} value={draft.name} required maxLength={200} onChange={(e) => onChange({ name: e.target.value })} data-testid="product-name" />
      </label>
      <label className={labelClass}>
        {t("brand")}
        <input className={inputClass} value={draft.brand} maxLength={100} onChange={(e) => onChange({ brand: e.target.value })} data-testid="product-brand" />
      </label>
      <label className={`${labelClass} sm:col-span-2`}>
        {t("description")}
        <textarea className={inputClass} rows={3} value={draft.description} maxLength={2000} onChange={(e) => onChange({ description: e.target.value })} data-testid="product-description" />
      </label>
    </div>
  );
}

/** The sentence for a SKU field the form could not read (a price that is no amount, a size that is no whole number). */
export function useDraftProblem() {
  const t = useTranslations("products");
  return (field: DraftField, sku?: Pick<SkuDraft, "code">): string => {
    const text = field === "price" ? t("problems.price") : t("problems.number", { field: t(`fields.${field}`) });
    return sku?.code ? t("problems.forSku", { code: sku.code, problem: text }) : text;
  };
}

export const problemClass = "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800";
