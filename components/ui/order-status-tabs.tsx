/**
 * Status tabs of the orders list: one link per pipeline stage with its (capped) count for the rest of the filter.
 * The counts may take a while on a large store (up to 100,000 per status are counted): the page streams them in,
 * showing the same links without numbers meanwhile (`counts` null), so the list is never kept waiting.
 */
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/components/ui/format";
import { ORDER_STATUSES, type OrderStatus } from "@/server/services/order/order-dimensions";
import { orderQueryString, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";

type Count = { count: number; capped: boolean };

interface Props {
  counts: { byStatus: ({ status: OrderStatus } & Count)[]; total: Count } | null;
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
  const tab = (key: string, label: string, count: Count | null, status: OrderStatus | undefined) => {
    const active = filter.status === status;
    const tone = active ? "bg-brand-600 text-white" : count?.count === 0 ? "text-slate-400 hover:bg-slate-100" : "text-slate-700 hover:bg-slate-100";
    return (
      <li key={key}>
        <Link
          href={href(status)}
          data-testid={`tab-${key}`}
          aria-current={active ? "page" : undefined}
          className={`flex items-center gap-2 whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${tone}`}
        >
          {label}
          {count ? (
            <span className={`tabular-nums text-xs ${active ? "text-brand-100" : "text-slate-500"}`} data-testid={`tab-count-${key}`}>
              {formatCount(count.count, locale, count.capped)}
            </span>
          ) : (
            <span aria-hidden className={`h-2 w-5 animate-pulse rounded ${active ? "bg-brand-400" : "bg-slate-200"}`} />
          )}
        </Link>
      </li>
    );
  };
  const byStatus = new Map(counts?.byStatus.map((s) => [s.status, s]));
  return (
    <nav aria-label={t("orders.tabs.label")} aria-busy={counts ? undefined : true} className="overflow-x-auto" data-testid={counts ? "status-tabs-counted" : undefined}>
      <ul className="flex flex-wrap gap-1 pb-1" data-testid="status-tabs">
        {tab("ALL", t("orders.tabs.all"), counts?.total ?? null, undefined)}
        {ORDER_STATUSES.map((status) => tab(status, t(`orderStatus.${status}`), counts ? (byStatus.get(status) ?? { count: 0, capped: false }) : null, status))}
      </ul>
    </nav>
  );
}
