"use client";
/** The orders list's filters, search and sort. Every change is a new URL (shareable; the back button undoes it). */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FULFILLMENT_STATUSES, PAYMENT_STATUSES } from "@/server/services/order/order-dimensions";
import { isInvertedDateRange, ORDER_SORTS, orderQueryString, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";

interface Props {
  channels: { id: string; name: string }[];
  filter: OrderFilter;
  sort: OrderSort;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function OrderFilterBar({ channels, filter, sort }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [q, setQ] = useState(filter.q ?? "");

  function go(next: OrderFilter, nextSort: OrderSort = sort) {
    const qs = orderQueryString(next, nextSort);
    router.push(qs ? `/orders?${qs}` : "/orders");
  }
  function set<K extends keyof OrderFilter>(key: K, value: OrderFilter[K] | undefined) {
    go({ ...filter, [key]: value });
  }
  function onSearch(e: FormEvent) {
    e.preventDefault();
    set("q", q.trim() === "" ? undefined : q.trim());
  }
  const optional = <T extends string>(v: string): T | undefined => (v === "" ? undefined : (v as T));

  return (
    <section aria-label={t("orders.filters.label")} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="order-filters">
      <form onSubmit={onSearch} className="flex gap-2" role="search">
        <label className="sr-only" htmlFor="order-search">{t("orders.filters.search")}</label>
        <input
          id="order-search"
          data-testid="order-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("orders.filters.searchPlaceholder")}
          className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" data-testid="order-search-submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
          {t("orders.filters.searchSubmit")}
        </button>
      </form>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-8">
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.channel")}
          <select data-testid="filter-channel" className={field} value={filter.channelId ?? ""} onChange={(e) => set("channelId", optional(e.target.value))}>
            <option value="">{t("orders.filters.allChannels")}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.payment")}
          <select data-testid="filter-payment" className={field} value={filter.paymentStatus ?? ""} onChange={(e) => set("paymentStatus", optional(e.target.value))}>
            <option value="">{t("orders.filters.anyPayment")}</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`paymentStatus.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.fulfillment")}
          <select data-testid="filter-fulfillment" className={field} value={filter.fulfillmentStatus ?? ""} onChange={(e) => set("fulfillmentStatus", optional(e.target.value))}>
            <option value="">{t("orders.filters.anyFulfillment")}</option>
            {FULFILLMENT_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`fulfillmentStatus.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.hold")}
          <select
            data-testid="filter-hold"
            className={field}
            value={filter.onHold === undefined ? "" : String(filter.onHold)}
            onChange={(e) => set("onHold", e.target.value === "" ? undefined : e.target.value === "true")}
          >
            <option value="">{t("orders.filters.anyHold")}</option>
            <option value="true">{t("orders.filters.onHold")}</option>
            <option value="false">{t("orders.filters.notOnHold")}</option>
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.from")}
          <input
            type="date"
            data-testid="filter-from"
            className={field}
            value={filter.from ?? ""}
            max={filter.to}
            aria-invalid={isInvertedDateRange(filter)}
            onChange={(e) => (e.target.value === "" || DAY.test(e.target.value) ? set("from", optional(e.target.value)) : undefined)}
          />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.to")}
          <input
            type="date"
            data-testid="filter-to"
            className={field}
            value={filter.to ?? ""}
            min={filter.from}
            aria-invalid={isInvertedDateRange(filter)}
            onChange={(e) => (e.target.value === "" || DAY.test(e.target.value) ? set("to", optional(e.target.value)) : undefined)}
          />
        </label>
        <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-700">
          <input type="checkbox" data-testid="filter-overdue" checked={filter.overdue === true} onChange={(e) => set("overdue", e.target.checked ? true : undefined)} />
          {t("orders.filters.overdue")}
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t("orders.filters.sort")}
          <select data-testid="sort" className={field} value={sort} onChange={(e) => go(filter, e.target.value as OrderSort)}>
            {ORDER_SORTS.map((s) => (
              <option key={s} value={s}>{t(`orders.sort.${s}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <Link href="/orders" className="text-sm text-brand-600 hover:underline" data-testid="filters-clear">
        {t("orders.filters.clear")}
      </Link>
    </section>
  );
}
