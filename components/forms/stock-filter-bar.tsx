"use client";
/** The stock grid's filters and search. Every change is a new URL (shareable; the back button undoes it) and starts at page 1. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { STOCK_GRID_FILTERS, stockGridHref, type StockGridFilter, type StockGridQuery } from "@/server/services/stock/stock-grid-query";

interface Props {
  warehouses: { id: string; code: string; name: string }[];
  query: StockGridQuery;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function StockFilterBar({ warehouses, query }: Props) {
  const t = useTranslations("stock.filters");
  const router = useRouter();
  const [search, setSearch] = useState(query.search ?? "");

  function go(next: Partial<StockGridQuery>) {
    const merged: StockGridQuery = { ...query, ...next };
    delete merged.after;
    router.push(stockGridHref(merged));
  }
  function onSearch(e: FormEvent) {
    e.preventDefault();
    go({ search: search.trim() === "" ? undefined : search.trim() });
  }

  return (
    <section aria-label={t("label")} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="stock-filters">
      <form onSubmit={onSearch} className="flex gap-2" role="search">
        <label className="sr-only" htmlFor="stock-search">{t("search")}</label>
        <input
          id="stock-search"
          data-testid="stock-search"
          type="search"
          value={search}
          maxLength={100}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("searchPlaceholder")}
          className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" data-testid="stock-search-submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
          {t("searchSubmit")}
        </button>
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-48 text-xs font-medium text-slate-600">
          {t("warehouse")}
          <select data-testid="stock-filter-warehouse" className={field} value={query.warehouseId ?? ""} onChange={(e) => go({ warehouseId: e.target.value || undefined })}>
            <option value="">{t("allWarehouses")}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>{w.code} · {w.name}</option>
            ))}
          </select>
        </label>
        <label className="min-w-64 text-xs font-medium text-slate-600">
          {t("show")}
          <select data-testid="stock-filter" className={field} value={query.filter} onChange={(e) => go({ filter: e.target.value as StockGridFilter })}>
            {STOCK_GRID_FILTERS.map((f) => (
              <option key={f} value={f}>{t(`filter.${f}`)}</option>
            ))}
          </select>
        </label>
        <Link href="/stock" className="pb-2 text-sm text-brand-600 hover:underline" data-testid="stock-filters-clear">
          {t("clear")}
        </Link>
      </div>
    </section>
  );
}
