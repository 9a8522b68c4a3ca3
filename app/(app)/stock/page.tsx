import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { StockFilterBar } from "@/components/forms/stock-filter-bar";
import { DryRunAllocationForm } from "@/components/forms/dry-run-allocation-form";
import { StockGridTable } from "@/components/tables/stock-grid-table";
import { parseStockGridQuery, STOCK_GRID_PAGE_SIZE, stockGridHref, stockGridQueryString } from "@/server/services/stock/stock-grid-query";

const TOOL_LINK = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100";

/** The CSV export of exactly what the grid shows (its filters, all pages). */
function exportHref(q: { filter?: string; warehouseId?: string; search?: string }): string {
  const p = new URLSearchParams();
  if (q.filter) p.set("filter", q.filter);
  if (q.warehouseId) p.set("warehouseId", q.warehouseId);
  if (q.search) p.set("search", q.search);
  const qs = p.toString();
  return qs ? `/api/stock/export?${qs}` : "/api/stock/export";
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StockPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.stock.roles);
  const canWrite = user.role === "WAREHOUSE" || user.role === "ADMIN";
  const { query, invalid } = parseStockGridQuery(await searchParams);
  const [t, caller] = await Promise.all([getTranslations("stock"), serverCaller()]);
  const [grid, locations] = await Promise.all([
    caller.stock.grid({ filter: query.filter, limit: STOCK_GRID_PAGE_SIZE, ...(query.warehouseId ? { warehouseId: query.warehouseId } : {}), ...(query.search ? { search: query.search } : {}), ...(query.after ? { after: query.after } : {}) }),
    caller.stock.locations(),
  ]);
  const warehouses = locations.map((w) => ({ id: w.id, code: w.code, name: w.name }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("subtitle")}</p>
        </div>
        <nav className="flex flex-wrap gap-2 text-sm">
          <Link href="/stock/purchase-orders" className={TOOL_LINK} data-testid="stock-purchase-orders-link">{t("links.purchaseOrders")}</Link>
          {canWrite && <Link href="/stock/import" className={TOOL_LINK} data-testid="stock-import-link">{t("links.importCounts")}</Link>}
          <a href={exportHref(query)} className={TOOL_LINK} data-testid="stock-export-link" download>{t("links.exportCsv")}</a>
          <Link href="/stock/reconcile" className={TOOL_LINK} data-testid="stock-reconcile-link">
            {t("reconcileLink")}
          </Link>
        </nav>
      </div>
      {invalid.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="stock-ignored-filters">{t("filters.ignored", { names: invalid.join(", ") })}</p>
      )}
      <StockFilterBar key={stockGridQueryString({ ...query, after: undefined })} warehouses={warehouses} query={query} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="text-slate-500" data-testid="stock-rows-shown">{t("grid.shown", { count: grid.rows.length })}</span>
        <div className="flex gap-3">
          {query.after && (
            <Link href={stockGridHref({ ...query, after: undefined })} className="text-brand-600 hover:underline" data-testid="stock-first-page">{t("grid.first")}</Link>
          )}
          {grid.nextCursor && (
            <Link href={stockGridHref({ ...query, after: grid.nextCursor })} className="text-brand-600 hover:underline" data-testid="stock-next-page">{t("grid.next")}</Link>
          )}
        </div>
      </div>
      <StockGridTable grid={grid} />
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-semibold">{t("dryRun.title")}</h2>
        <DryRunAllocationForm />
      </section>
    </div>
  );
}
