"use client";
/** A product's SKUs with every field and their stock; each links to its stock page; writers edit a SKU in place. */
import Link from "next/link";
import { Fragment, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { SkuDeleteButton } from "@/components/forms/catalog-delete-buttons";
import { SkuEditForm } from "@/components/forms/sku-edit-form";
import { formatMoney } from "@/components/ui/format";
import { enteredDimensions, enteredWeight, orNotEntered } from "@/components/ui/sku-measures";
import type { ProductSku } from "@/server/services/catalog/get-product";
import { formatNcm } from "@/server/services/catalog/sku-rules";

const th = "px-2 py-2 font-medium";
const num = "px-2 py-2 text-right tabular-nums";

export function ProductSkusTable({ skus, currency, canEdit }: { skus: ProductSku[]; currency: string; canEdit: boolean }) {
  const t = useTranslations("products");
  const format = useFormatter();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const columns = canEdit ? 11 : 10;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="product-skus">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("fields.code")}</th>
            <th className={th}>{t("fields.variant")}</th>
            <th className={th}>{t("fields.ean")}</th>
            <th className={th}>{t("fields.ncm")}</th>
            <th className={`${th} text-right`}>{t("fields.price")}</th>
            <th className={`${th} text-right`}>{t("fields.weight")}</th>
            <th className={`${th} text-right`}>{t("detail.dimensions")}</th>
            <th className={`${th} text-right`}>{t("list.onHand")}</th>
            <th className={`${th} text-right`}>{t("list.available")}</th>
            <th className={th}>{t("detail.status")}</th>
            {canEdit && <th className={th} />}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {skus.map((s) => (
            <Fragment key={s.id}>
              <tr data-testid="product-sku" data-sku={s.code}>
                <td className="px-2 py-2">
                  <Link href={`/stock/${s.id}`} className="font-mono text-brand-700 hover:underline" title={t("detail.stockLink")}>{s.code}</Link>
                  <span className="block text-xs text-slate-500">{s.name}</span>
                </td>
                <td className="px-2 py-2">{s.variant ?? "—"}</td>
                <td className="px-2 py-2 font-mono text-xs">{s.ean ?? "—"}</td>
                <td className="px-2 py-2 font-mono text-xs">{s.ncm ? formatNcm(s.ncm) : "—"}</td>
                <td className={num} data-testid="sku-price">{formatMoney(s.priceCents, currency, locale)}</td>
                <td className={num} data-testid="sku-weight">{orNotEntered(enteredWeight(s), n)}</td>
                <td className={num} data-testid="sku-dimensions">{orNotEntered(enteredDimensions(s), (d) => t("detail.dims", d))}</td>
                <td className={num}>{n(s.stock.onHand)}</td>
                <td className={num}>{n(s.stock.available)}</td>
                <td className="px-2 py-2">
                  {s.active ? t("detail.active") : <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">{t("detail.inactive")}</span>}
                </td>
                {canEdit && (
                  <td className="px-2 py-2 text-right">
                    <div className="flex justify-end gap-3">
                      <button type="button" className="text-brand-700 hover:underline" onClick={() => setEditing(editing === s.id ? null : s.id)} data-testid="sku-edit">
                        {t("detail.edit")}
                      </button>
                      {skus.length > 1 && <SkuDeleteButton skuId={s.id} code={s.code} />}
                    </div>
                  </td>
                )}
              </tr>
              {editing === s.id && (
                <tr>
                  <td colSpan={columns} className="bg-slate-50 px-3 py-4">
                    <h3 className="mb-3 font-medium">{t("detail.editSku", { code: s.code })}</h3>
                    <SkuEditForm sku={s} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
