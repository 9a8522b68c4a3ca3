/** The purchase orders list (one keyset page, rendered on the server): received vs ordered and total cost per purchase order. */
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import { PurchaseOrderStatusBadge } from "@/components/ui/purchase-order-status-badge";
import type { PurchaseOrderSummary } from "@/server/services/stock/list-purchase-orders";

export function PurchaseOrdersTable({ rows, currency }: { rows: PurchaseOrderSummary[]; currency: string }) {
  const t = useTranslations("purchasing.list");
  const format = useFormatter();
  const locale = useLocale();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short" }) : t("noDate"));
  if (rows.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="purchase-orders-empty">{t("empty")}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="purchase-orders-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("number")}</th>
            <th className="px-3 py-2">{t("supplier")}</th>
            <th className="px-3 py-2">{t("warehouse")}</th>
            <th className="px-3 py-2">{t("status")}</th>
            <th className="px-3 py-2">{t("expected")}</th>
            <th className="px-3 py-2 text-right">{t("received")}</th>
            <th className="px-3 py-2 text-right">{t("totalCost")}</th>
            <th className="px-3 py-2">{t("created")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((po) => {
            const pct = po.unitsOrdered > 0 ? Math.round((po.unitsReceived / po.unitsOrdered) * 100) : 0;
            return (
              <tr key={po.id} data-testid="purchase-order-row" data-number={po.number} data-status={po.state} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-3 py-2">
                  <Link href={`/stock/purchase-orders/${po.id}`} className="font-mono text-brand-700 hover:underline">#{po.number}</Link>
                </td>
                <td className="px-3 py-2">{po.supplier}</td>
                <td className="whitespace-nowrap px-3 py-2 font-mono">{po.warehouseCode}</td>
                <td className="px-3 py-2"><PurchaseOrderStatusBadge status={po.state} /></td>
                <td className="whitespace-nowrap px-3 py-2">{day(po.expectedAt)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {format.number(po.unitsReceived)} / {format.number(po.unitsOrdered)}
                  <span className="ml-2 inline-block h-1.5 w-16 overflow-hidden rounded bg-slate-100 align-middle" aria-hidden>
                    <span className="block h-full bg-brand-600" style={{ width: `${pct}%` }} />
                  </span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums" data-testid="po-total-cost">
                  {po.totalCostCents === null ? t("noCost") : formatMoney(po.totalCostCents, currency, locale)}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-slate-500">{day(po.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
