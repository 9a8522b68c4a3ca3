import Link from "next/link";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Role } from "@/server/lib/roles";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { OrderFilterBar } from "@/components/forms/order-filter-bar";
import { OrdersTable } from "@/components/tables/orders-table";
import { OrderStatusTabs } from "@/components/ui/order-status-tabs";
import { EXPORT_MAX_ROWS } from "@/server/services/order/export-orders";
import type { OrderStatus } from "@/server/services/order/order-dimensions";
import { isInvertedDateRange, LIST_LIMIT_DEFAULT, orderQueryString, parseOrderQuery } from "@/server/services/order/order-filters";

/** Who may open /orders/new and /orders/import (their pages check it; this only hides the links). */
const ORDER_ENTRY_ROLES: readonly Role[] = ["OPERATOR", "ADMIN"];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(...AREAS.orders.roles);
  const { filter, sort, invalid } = parseOrderQuery(await searchParams);
  const [t, caller, format] = await Promise.all([getTranslations("orders"), serverCaller(), getFormatter()]);
  // Calendar days from the URL, shown as the user writes dates (noon UTC: the same day in any zone).
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  const list = Promise.all([caller.order.list({ filter, sort, limit: LIST_LIMIT_DEFAULT }), caller.order.channels()]);
  // The tab counts can take a while on a large store: asked for after the list (the embedded database runs one
  // query at a time), they stream in when ready (Suspense below) and never hold the list back.
  const counts = caller.order.counts({ filter });
  const [page, channels] = await list;
  const query = orderQueryString(filter, sort);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {ORDER_ENTRY_ROLES.includes(user.role) && (
          <div className="flex gap-2">
            <Link href="/orders/import" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" data-testid="orders-import-link">
              {t("importCsv")}
            </Link>
            <Link href="/orders/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700" data-testid="orders-new-link">
              {t("newOrder")}
            </Link>
          </div>
        )}
      </div>
      {invalid.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="ignored-filters">
          {t("filters.ignored", { names: invalid.join(", ") })}
        </p>
      )}
      {isInvertedDateRange(filter) && filter.from && filter.to && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="inverted-range">
          {t("filters.rangeInverted", { from: day(filter.from), to: day(filter.to) })}
        </p>
      )}
      <Suspense fallback={<OrderStatusTabs counts={null} filter={filter} sort={sort} />}>
        <CountedStatusTabs counts={counts} filter={filter} sort={sort} />
      </Suspense>
      <OrderFilterBar key={`filters-${query}`} channels={channels} filter={filter} sort={sort} />
      <OrdersTable
        key={`table-${query}`}
        filter={filter}
        sort={sort}
        limit={LIST_LIMIT_DEFAULT}
        initialPage={page}
        exportHref={query ? `/api/orders/export?${query}` : "/api/orders/export"}
        exportNote={
          <Suspense fallback={null}>
            <ExportCapNote counts={counts} status={filter.status} />
          </Suspense>
        }
      />
    </div>
  );
}

type Counts = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["order"]["counts"]>>;

async function CountedStatusTabs({ counts, ...rest }: { counts: Promise<Counts> } & Omit<Parameters<typeof OrderStatusTabs>[0], "counts">) {
  return <OrderStatusTabs counts={await counts} {...rest} />;
}

/** Beside the export link: the filter matches more orders than one file holds (the file says where it stopped). */
async function ExportCapNote({ counts, status }: { counts: Promise<Counts>; status: OrderStatus | undefined }) {
  const c = await counts;
  const matching = (status ? c.byStatus.find((s) => s.status === status) : c.total) ?? { count: 0, capped: false };
  if (!matching.capped && matching.count <= EXPORT_MAX_ROWS) return null;
  const [t, format] = await Promise.all([getTranslations("orders"), getFormatter()]);
  return <span className="text-xs text-amber-700" data-testid="export-cap-note">{t("export.capNote", { max: format.number(EXPORT_MAX_ROWS) })}</span>;
}
