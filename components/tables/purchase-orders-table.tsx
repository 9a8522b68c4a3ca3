/**
 * The purchase orders list (one keyset page, rendered on the server): received vs ordered and total cost per purchase
 * order. Below `md` (a phone) each purchase order is a card, the whole card a tap target to its page; the table shows
 * from `md` up.
 */
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
  const pctOf = (po: PurchaseOrderSummary) => (po.unitsOrdered > 0 ? Math.round((po.unitsReceived / po.unitsOrdered) * 100) : 0);
  const cost = (po: PurchaseOrderSummary) => (po.totalCostCents === null ? t("noCost") : formatMoney(po.totalCostCents, currency, locale));
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="purchase-orders-table-scroll">
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
              const pct = pctOf(po);
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
                    {cost(po)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-500">{day(po.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {/* On a phone: one card per purchase order; the number's link covers the card. */}
      <ul className="space-y-2 md:hidden" data-testid="purchase-orders-cards">
        {rows.map((po) => (
          <li key={po.id} className="relative space-y-1 rounded-xl border border-slate-200 bg-white p-3 text-sm active:bg-slate-50" data-testid="purchase-order-card" data-number={po.number} data-status={po.state}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/stock/purchase-orders/${po.id}`} className="font-mono font-medium text-brand-700 after:absolute after:inset-0 after:rounded-xl hover:underline" data-testid="purchase-order-card-link">
                #{po.number}
              </Link>
              <PurchaseOrderStatusBadge status={po.state} />
            </div>
            <div className="break-words">
              {po.supplier} <span className="font-mono text-xs text-slate-500">· {po.warehouseCode}</span>
            </div>
            <div className="flex items-center justify-between gap-2 tabular-nums">
              <span className="text-xs text-slate-500">{t("received")}</span>
              <span className="whitespace-nowrap">
                {format.number(po.unitsReceived)} / {format.number(po.unitsOrdered)}
                <span className="ml-2 inline-block h-1.5 w-16 overflow-hidden rounded bg-slate-100 align-middle" aria-hidden>
                  <span className="block h-full bg-brand-600" style={{ width: `${pctOf(po)}%` }} />
                </span>
              </span>
            </div>
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs text-slate-500">{t("totalCost")}</span>
              <span className="font-medium tabular-nums" data-testid="purchase-order-card-cost">{cost(po)}</span>
            </div>
            <div className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-500">
              <span>{t("expected")}: {day(po.expectedAt)}</span>
              <span>{t("created")}: {day(po.createdAt)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
