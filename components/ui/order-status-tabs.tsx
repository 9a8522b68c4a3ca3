/** Status tabs of the orders list: one link per pipeline stage with its (capped) count for the rest of the filter. */
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/components/ui/format";
import type { OrderStatus } from "@/server/services/order/order-dimensions";
import { orderQueryString, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";

interface Props {
  counts: { byStatus: { status: OrderStatus; count: number; capped: boolean }[]; total: { count: number; capped: boolean } };
  filter: OrderFilter;
  sort: OrderSort;
}

export function OrderStatusTabs({ counts, filter, sort }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const href = (status: OrderStatus | undefined) => {
    const qs = orderQueryString({ ...filter, status }, sort);
    return qs ? `/orders?${qs}` : "/orders";
  };
  const tab = (key: string, label: string, count: { count: number; capped: boolean }, status: OrderStatus | undefined) => {
    const active = filter.status === status;
    return (
      <li key={key}>
        <Link
          href={href(status)}
          data-testid={`tab-${key}`}
          aria-current={active ? "page" : undefined}
          className={`flex items-center gap-2 whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${
            active ? "bg-brand-600 text-white" : count.count === 0 ? "text-slate-400 hover:bg-slate-100" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {label}
          <span className={`tabular-nums text-xs ${active ? "text-brand-100" : "text-slate-500"}`} data-testid={`tab-count-${key}`}>
            {formatCount(count.count, locale, count.capped)}
          </span>
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label={t("orders.tabs.label")} className="overflow-x-auto">
      <ul className="flex flex-wrap gap-1 pb-1" data-testid="status-tabs">
        {tab("ALL", t("orders.tabs.all"), counts.total, undefined)}
        {counts.byStatus.map((s) => tab(s.status, t(`orderStatus.${s.status}`), s, s.status))}
      </ul>
    </nav>
  );
}
