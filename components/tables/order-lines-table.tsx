/** An order's lines with per-line fulfilment quantities, and the order totals (money in the viewer's locale). */
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";

interface Line {
  id: string;
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  reservedQty: number;
  backorderedQty: number;
  shippedQty: number;
}

interface Totals {
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function OrderLinesTable({ lines, totals }: { lines: Line[]; totals: Totals }) {
  const t = useTranslations("orders.detail");
  const locale = useLocale();
  const money = (c: number) => formatMoney(c, totals.currency, locale);
  // Discount and tax columns only when some line has them: the table stays readable in two thirds of a page.
  const showDiscount = lines.some((l) => l.discountCents !== 0);
  const showTax = lines.some((l) => l.taxCents !== 0);
  const before = 3 + (showDiscount ? 1 : 0) + (showTax ? 1 : 0);
  const totalRow = (label: string, cents: number, strong = false, testId?: string) => (
    <tr className={strong ? "font-semibold" : "text-slate-600"}>
      <td colSpan={before} className="px-3 py-1 text-right">{label}</td>
      <td className="px-3 py-1 text-right tabular-nums whitespace-nowrap" data-testid={testId}>{money(cents)}</td>
      <td />
    </tr>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="order-lines">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("product")}</th>
            <th className="px-3 py-2 text-right">{t("quantity")}</th>
            <th className="px-3 py-2 text-right">{t("unitPrice")}</th>
            {showDiscount && <th className="px-3 py-2 text-right">{t("discount")}</th>}
            {showTax && <th className="px-3 py-2 text-right">{t("tax")}</th>}
            <th className="px-3 py-2 text-right">{t("lineTotal")}</th>
            <th className="px-3 py-2 text-right">{t("stock")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={l.id} data-testid="order-line" data-sku={l.sku}>
              <td className="px-3 py-2">
                <div>{l.name}</div>
                <div className="whitespace-nowrap font-mono text-xs text-slate-500">{l.sku}</div>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.quantity}</td>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{money(l.unitPriceCents)}</td>
              {showDiscount && <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{l.discountCents ? money(-l.discountCents) : "—"}</td>}
              {showTax && <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{l.taxCents ? money(l.taxCents) : "—"}</td>}
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{money(l.totalCents)}</td>
              <td className="px-3 py-2 text-right text-xs text-slate-600 whitespace-nowrap">
                <div>{t("reservedCount", { count: l.reservedQty })}</div>
                {l.backorderedQty > 0 && <div className="text-orange-700">{t("backorderedQty", { count: l.backorderedQty })}</div>}
                {l.shippedQty > 0 && <div>{t("shippedCount", { count: l.shippedQty })}</div>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200">
          {totalRow(t("subtotal"), totals.subtotalCents)}
          {totals.discountCents !== 0 && totalRow(t("discount"), -totals.discountCents)}
          {totalRow(t("shipping"), totals.shippingCents)}
          {totals.taxCents !== 0 && totalRow(t("tax"), totals.taxCents)}
          {totalRow(t("total"), totals.totalCents, true, "order-total")}
        </tfoot>
      </table>
    </div>
  );
}
