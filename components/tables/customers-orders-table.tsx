/** A customer's orders, newest first (one keyset page): number linking to the order page, channel, date, status, total. */
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import { OrderStatusBadge } from "@/components/ui/order-badges";
import type { CustomerOrderRow } from "@/server/services/customer/get-customer";

const th = "px-3 py-2";

export function CustomerOrdersTable({ orders }: { orders: CustomerOrderRow[] }) {
  const t = useTranslations("customers.detail");
  const format = useFormatter();
  const locale = useLocale();
  if (orders.length === 0) return <p className="text-sm text-slate-500" data-testid="customer-no-orders">{t("noOrders")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="customer-orders-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("number")}</th>
            <th className={th}>{t("channel")}</th>
            <th className={th}>{t("placedAt")}</th>
            <th className={th}>{t("status")}</th>
            <th className={`${th} text-right`}>{t("total")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            <tr key={o.id} data-testid="customer-order-row">
              <td className="px-3 py-2">
                <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 hover:underline" data-testid="customer-order-link">#{o.number}</Link>
              </td>
              <td className="px-3 py-2">{o.channelName}</td>
              <td className="px-3 py-2">{format.dateTime(o.placedAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="px-3 py-2"><OrderStatusBadge status={o.status} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(o.totalCents, o.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
