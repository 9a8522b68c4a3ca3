/**
 * The 360° stock grid: one row per SKU, the total and (when several
 * warehouses are shown) each warehouse's figures. Server- and client-safe.
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StockHealthBadge } from "@/components/ui/stock-health-badge";
import type { StockGrid } from "@/server/services/stock/get-stock-grid";

const COLUMNS = ["onHand", "reserved", "available", "incoming", "unavailable", "sold30d"] as const;
type Levels = Record<(typeof COLUMNS)[number], number>;

export function StockGridTable({ grid }: { grid: StockGrid }) {
  const t = useTranslations("stock");
  const format = useFormatter();
  const perWarehouse = grid.warehouses.length > 1 ? grid.warehouses : [];
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });

  const cells = (levels: Levels | undefined, group: string) =>
    COLUMNS.map((c, i) => {
      const value = levels ? (c === "available" ? Math.max(0, levels.available) : levels[c]) : 0;
      const tone = c === "available" ? "font-semibold" : value === 0 ? "text-slate-300" : "";
      return (
        <td key={`${group}-${c}`} className={`px-2 py-2 text-right tabular-nums ${i === 0 ? "border-l border-slate-100" : ""} ${tone}`} data-testid={`${group}-${c}`}>
          {n(value)}
        </td>
      );
    });

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label={t("grid.label")} data-testid="stock-grid">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th rowSpan={2} className="px-3 py-2 text-left align-bottom">{t("grid.sku")}</th>
            <th colSpan={COLUMNS.length} className="border-l border-slate-200 px-2 pt-2 text-center">{grid.warehouses.length === 1 ? grid.warehouses[0]?.code : t("grid.total")}</th>
            {perWarehouse.map((w) => (
              <th key={w.id} colSpan={COLUMNS.length} className="border-l border-slate-200 px-2 pt-2 text-center" title={w.name}>{w.code}</th>
            ))}
          </tr>
          <tr>
            {[null, ...perWarehouse].flatMap((w) =>
              COLUMNS.map((c, i) => (
                <th key={`${w?.id ?? "total"}-${c}`} className={`whitespace-nowrap px-2 py-2 text-right font-medium ${i === 0 ? "border-l border-slate-200" : ""}`}>{t(`levels.${c}`)}</th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {grid.rows.map((r) => (
            <tr key={r.skuId} className="hover:bg-slate-50" data-testid="stock-row" data-sku={r.code} data-health={r.health}>
              <td className="px-3 py-2">
                <Link href={`/stock/${r.skuId}`} className="whitespace-nowrap font-mono font-medium text-brand-600 hover:underline" data-testid={`stock-sku-link-${r.code}`}>
                  {r.code}
                </Link>
                <div className="max-w-xs truncate text-xs text-slate-600" title={r.name}>{r.name}</div>
                <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                  <StockHealthBadge health={r.health} />
                  {r.backorderedUnits > 0 && (
                    <span className="rounded-full bg-orange-100 px-2 py-0.5 font-medium text-orange-800" data-testid="stock-backordered">
                      {t("grid.backordered", { count: n(r.backorderedUnits) })}
                    </span>
                  )}
                  {!r.active && <span className="rounded-full bg-slate-200 px-2 py-0.5">{t("grid.inactive")}</span>}
                  {r.ean && <span className="whitespace-nowrap font-mono">{r.ean}</span>}
                </div>
              </td>
              {cells(r.total, "total")}
              {perWarehouse.map((w) => cells(r.warehouses.find((x) => x.warehouseId === w.id), `wh-${w.code}`))}
            </tr>
          ))}
        </tbody>
      </table>
      {grid.rows.length === 0 && <p className="p-6 text-center text-slate-500" data-testid="stock-empty">{t("grid.empty")}</p>}
    </div>
  );
}
