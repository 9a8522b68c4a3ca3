"use client";
/** The inputs of one SKU (code, variant, barcode, price, weight and size, NCM, name, active), shared by the product forms. */
import { useTranslations } from "next-intl";
import type { SkuDraft } from "@/components/forms/sku-draft";

export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const labelClass = "block text-xs font-medium text-slate-600";
export const primaryButton = "rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButton = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";

interface Props {
  draft: SkuDraft;
  onChange: (patch: Partial<SkuDraft>) => void;
  /** The code is typed once, when the SKU is created. */
  withCode: boolean;
  /** The name may be left empty on a new SKU (product name + variant). */
  nameRequired: boolean;
}

export function SkuFieldsEditor({ draft, onChange, withCode, nameRequired }: Props) {
  const t = useTranslations("products.fields");
  const text = (key: keyof SkuDraft, label: string, extra: { help?: string; required?: boolean; maxLength: number; inputMode?: "numeric" | "decimal"; placeholder?: string }) => (
    <label className={labelClass}>
      {label}
      <input
        className={inputClass}
        value={draft[key] as string}
        required={extra.required}
        maxLength={extra.maxLength}
        inputMode={extra.inputMode}
        placeholder={extra.placeholder}
        onChange={(e) => onChange({ [key]: e.target.value })}
        data-testid={`sku-${key}`}
      />
      {extra.help && <span className="mt-0.5 block font-normal text-slate-400">{extra.help}</span>}
    </label>
  );
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {withCode && text("code", t("code"), { required: true, maxLength: 60, help: t("codeHelp") })}
        {text("variant", t("variant"), { maxLength: 100, help: t("variantHelp") })}
        {text("ean", t("ean"), { maxLength: 20, inputMode: "numeric", help: t("eanHelp") })}
        {text("price", t("price"), { required: true, maxLength: 20, inputMode: "decimal", help: t("priceHelp") })}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {text("weight", t("weight"), { maxLength: 9, inputMode: "numeric" })}
        {text("length", t("length"), { maxLength: 9, inputMode: "numeric" })}
        {text("width", t("width"), { maxLength: 9, inputMode: "numeric" })}
        {text("height", t("height"), { maxLength: 9, inputMode: "numeric" })}
        {text("ncm", t("ncm"), { maxLength: 20, inputMode: "numeric", help: t("ncmHelp") })}
      </div>
      <div className="grid items-end gap-3 sm:grid-cols-2">
        {text("name", t("skuName"), { required: nameRequired, maxLength: 200, ...(nameRequired ? {} : { help: t("skuNameHelp") }) })}
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={draft.active} onChange={(e) => onChange({ active: e.target.checked })} data-testid="sku-active" />
          {t("active")}
        </label>
      </div>
    </div>
  );
}
