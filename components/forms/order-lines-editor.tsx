"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import { lineFigures, type DraftLine } from "@/components/forms/manual-order-draft";

const cell = "w-full rounded-md border px-2 py-1 text-right tabular-nums";

/** The order's lines as typed: quantity, optional price override, discount; live line totals. */
export function OrderLinesEditor({
  lines,
  currency,
  issue,
  onChange,
  onRemove,
}: {
  lines: DraftLine[];
  currency: string;
  /** Translated problem of a field path ("lines.0.quantity"), if any. */
  issue: (path: string) => string | null;
  onChange: (index: number, patch: Partial<DraftLine>) => void;
  onRemove: (index: number) => void;
}) {
  const t = useTranslations("orderEntry.new");
  const locale = useLocale();
  if (lines.length === 0) return <p className="py-3 text-sm text-slate-500">{t("noLines")}</p>;
  const border = (path: string) => (issue(path) ? "border-red-500" : "border-slate-300");
  const problem = (path: string) => {
    const text = issue(path);
    return text ? <span className="mt-0.5 block text-left text-xs text-red-700" data-testid={`issue-${path}`}>{text}</span> : null;
  };
  return (
    <table className="mt-3 w-full text-sm" data-testid="order-lines">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="py-1 font-medium">{t("product")}</th>
          <th className="w-20 py-1 font-medium">{t("quantity")}</th>
          <th className="w-32 py-1 font-medium">{t("unitPrice")}</th>
          <th className="w-28 py-1 font-medium">{t("discount")}</th>
          <th className="w-28 py-1 text-right font-medium">{t("lineTotal")}</th>
          <th className="w-10" />
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => {
          const f = lineFigures(line);
          return (
            <tr key={`${line.sku}-${i}`} className="border-t border-slate-100 align-top" data-testid={`line-${line.sku}`}>
              <td className="py-2 pr-2">
                <div className="font-mono text-xs">{line.sku}</div>
                <div>{line.name}</div>
                {problem(`lines.${i}.sku`)}
              </td>
              <td className="py-2 pr-2">
                <input
                  aria-label={`${t("quantity")} ${line.sku}`}
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(e) => onChange(i, { quantity: e.target.value })}
                  className={`${cell} ${border(`lines.${i}.quantity`)}`}
                />
                {problem(`lines.${i}.quantity`)}
              </td>
              <td className="py-2 pr-2">
                <input
                  aria-label={`${t("unitPrice")} ${line.sku}`}
                  inputMode="decimal"
                  value={line.unitPrice}
                  placeholder={formatMoney(line.catalogPriceCents, currency, locale)}
                  onChange={(e) => onChange(i, { unitPrice: e.target.value })}
                  className={`${cell} ${border(`lines.${i}.unitPriceCents`)}`}
                />
                {problem(`lines.${i}.unitPriceCents`)}
              </td>
              <td className="py-2 pr-2">
                <input
                  aria-label={`${t("discount")} ${line.sku}`}
                  inputMode="decimal"
                  value={line.discount}
                  onChange={(e) => onChange(i, { discount: e.target.value })}
                  className={`${cell} ${border(`lines.${i}.discountCents`)}`}
                />
                {problem(`lines.${i}.discountCents`)}
              </td>
              <td className="py-2 text-right tabular-nums" data-testid={`line-total-${line.sku}`}>
                {f.totalCents === null ? "—" : formatMoney(f.totalCents, currency, locale)}
              </td>
              <td className="py-2 text-right">
                <button type="button" onClick={() => onRemove(i)} aria-label={t("removeLine", { sku: line.sku })} className="rounded px-2 text-slate-400 hover:bg-red-50 hover:text-red-700">
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
