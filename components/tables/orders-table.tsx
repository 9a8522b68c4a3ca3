"use client";
/**
 * The orders list: the first page comes from the server (page.tsx), further
 * pages load by keyset cursor ("Load more"). Checkboxes select orders for the
 * bulk bar; "Export CSV" downloads the same filter and sort. Every column fits
 * a 1280 px screen in either language (dates over two lines, long channel
 * numbers and names cut short with the whole text as a tooltip); narrower
 * screens scroll the table in its own box.
 */
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { BulkOrderAction } from "@/components/dialogs/bulk-order-action";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format";
import { FulfillmentStatusBadge, HoldBadge, OrderStatusBadge, PaymentStatusBadge } from "@/components/ui/order-badges";
import type { AppRouter } from "@/server/api/root";
import { SHIPPED_OR_CLOSED, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";

type ListPage = inferRouterOutputs<AppRouter>["order"]["list"];
export type OrderListItem = ListPage["items"][number];

interface Props {
  filter: OrderFilter;
  sort: OrderSort;
  limit: number;
  initialPage: ListPage;
  exportHref: string;
  /** The filter matches more rows than an export holds. */
  /** Said beside the export link when the filter matches more orders than one file holds (streamed in with the counts). */
  exportNote?: ReactNode;
}

const CLOSED = new Set<string>(SHIPPED_OR_CLOSED);

export function OrdersTable({ filter, sort, limit, initialPage, exportHref, exportNote }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [now] = useState(() => Date.now());

  const list = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(
      { filter, sort, limit },
      {
        initialData: { pages: [initialPage], pageParams: [null] },
        getNextPageParam: (last) => last.nextCursor,
      },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  function toggle(id: string, number: number) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, number);
      return next;
    });
  }
  function toggleAll() {
    setSelected(allSelected ? new Map() : new Map(rows.map((r) => [r.id, r.number])));
  }
  async function afterBulk() {
    setSelected(new Map());
    await queryClient.invalidateQueries({ queryKey: trpc.order.list.infiniteQueryKey() });
    router.refresh();
  }
  /** Date above, time below: two short lines instead of one long one. */
  const dt = (d: Date) => (
    <>
      <div>{format.dateTime(d, { dateStyle: "short" })}</div>
      <div className="text-xs text-slate-500">{format.dateTime(d, { timeStyle: "short" })}</div>
    </>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="text-sm text-slate-500" data-testid="rows-shown">{t("orders.list.shown", { count: rows.length })}</span>
        <div className="flex items-center gap-3">
          {exportNote}
          <a href={exportHref} download data-testid="export-csv" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            {t("orders.export.link")}
          </a>
        </div>
      </div>
      <BulkOrderAction selected={selected} onDone={afterBulk} onClear={() => setSelected(new Map())} />
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="orders-table-scroll">
        <table className="w-full text-sm" data-testid="orders-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-10 px-3 py-2">
                <input type="checkbox" aria-label={t("orders.columns.selectAll")} data-testid="select-all" checked={allSelected} onChange={toggleAll} />
              </th>
              <th className="px-2 py-2">{t("orders.columns.number")}</th>
              <th className="px-2 py-2">{t("orders.columns.channel")}</th>
              <th className="px-2 py-2">{t("orders.columns.customer")}</th>
              <th className="px-2 py-2">{t("orders.columns.status")}</th>
              <th className="px-2 py-2 text-right">{t("orders.columns.total")}</th>
              <th className="px-2 py-2">{t("orders.columns.placedAt")}</th>
              <th className="px-2 py-2">{t("orders.columns.shipBy")}</th>
              <th className="px-3 py-2 text-right">{t("orders.columns.lines")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((o) => {
              const overdue = o.shipBy !== null && o.shipBy.getTime() < now && !CLOSED.has(o.status);
              return (
                <tr key={o.id} data-testid="order-row" data-number={o.number} data-status={o.status} className={selected.has(o.id) ? "bg-brand-50" : "hover:bg-slate-50"}>
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t("orders.columns.select", { number: o.number })}
                      data-testid={`select-${o.number}`}
                      checked={selected.has(o.id)}
                      onChange={() => toggle(o.id, o.number)}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <Link href={`/orders/${o.id}`} className="font-medium text-brand-600 hover:underline" data-testid={`order-link-${o.number}`}>
                      #{o.number}
                    </Link>
                    {o.externalNumber && (
                      <div className="max-w-[6rem] truncate text-xs text-slate-500" title={o.externalNumber}>
                        {o.externalNumber}
                      </div>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    {o.channel.name}
                    <div className="text-xs text-slate-500">{t(`platform.${o.channel.platform}`)}</div>
                  </td>
                  <td className="px-2 py-2">
                    <span className="line-clamp-2 min-w-[8rem] break-words" title={o.customerName}>
                      {o.customerName}
                    </span>
                  </td>
                  <td className="px-2 py-2">
                    <div className="flex flex-wrap gap-1">
                      <OrderStatusBadge status={o.status} />
                      <PaymentStatusBadge status={o.paymentStatus} />
                      <FulfillmentStatusBadge status={o.fulfillmentStatus} besideStatus={o.status} />
                      {o.onHold && <HoldBadge />}
                    </div>
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatMoney(o.totalCents, o.currency, locale)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">{dt(o.placedAt)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">
                    {o.shipBy ? dt(o.shipBy) : "—"}
                    {overdue && <span className="inline-block rounded bg-red-100 px-1 text-xs text-red-700" data-testid="overdue">{t("orders.list.overdue")}</span>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{o.lineCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {/* On a phone: one card per order with what decides the next step (bulk selection stays a desk task). */}
      <ul className="space-y-2 md:hidden" data-testid="orders-cards">
        {rows.map((o) => {
          const overdue = o.shipBy !== null && o.shipBy.getTime() < now && !CLOSED.has(o.status);
          return (
            <li key={o.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="order-card" data-number={o.number}>
              <div className="flex items-baseline justify-between gap-2">
                <Link href={`/orders/${o.id}`} className="font-medium text-brand-600 hover:underline" data-testid={`order-card-link-${o.number}`}>
                  #{o.number}
                </Link>
                <span className="font-medium tabular-nums" data-testid="order-card-total">{formatMoney(o.totalCents, o.currency, locale)}</span>
              </div>
              <div className="truncate" title={o.customerName}>{o.customerName}</div>
              <div className="text-xs text-slate-500">
                {o.channel.name} · {dt(o.placedAt)}
              </div>
              <div className="mt-1 flex flex-wrap gap-1">
                <OrderStatusBadge status={o.status} />
                <PaymentStatusBadge status={o.paymentStatus} />
                <FulfillmentStatusBadge status={o.fulfillmentStatus} besideStatus={o.status} />
                {o.onHold && <HoldBadge />}
                {overdue && <span className="inline-block rounded bg-red-100 px-1 text-xs text-red-700">{t("orders.list.overdue")}</span>}
              </div>
            </li>
          );
        })}
      </ul>
      {rows.length === 0 && <p className="rounded-xl border border-slate-200 bg-white p-6 text-center text-slate-500" data-testid="orders-empty">{t("orders.list.empty")}</p>}
      <ErrorMessage error={list.error} />
      <div className="flex justify-center">
        {list.hasNextPage ? (
          <button
            type="button"
            data-testid="load-more"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-60"
          >
            {list.isFetchingNextPage ? t("orders.list.loading") : t("orders.list.loadMore")}
          </button>
        ) : (
          rows.length > 0 && <span className="text-sm text-slate-400" data-testid="list-end">{t("orders.list.end")}</span>
        )}
      </div>
    </div>
  );
}
