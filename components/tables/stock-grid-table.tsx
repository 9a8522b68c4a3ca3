/**
 * The 360° stock grid: one row per SKU, the total and (when several
 * warehouses are shown) each warehouse's figures. Server- and client-safe.
 * Below `md` (a phone) each SKU is a card, the whole card a tap target to the
 * SKU page, with the figures that decide a move (on hand, reserved, available,
 * incoming) for the total and each warehouse shown; the table shows from `md` up.
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StockHealthBadge } from "@/components/ui/stock-health-badge";
import type { StockGrid } from "@/server/services/stock/get-stock-grid";

const COLUMNS = ["onHand", "reserved", "available", "incoming", "unavailable", "sold30d"] as const;
/** The figures a phone card shows (unavailable and 30-day sales stay on the desk table). */
const CARD_COLUMNS = ["onHand", "reserved", "available", "incoming"] as const;
type Levels = Record<(typeof COLUMNS)[number], number>;

/** A figure as the grid shows it: a negative available (oversold) counts as none; a warehouse without the SKU as 0. */
function level(levels: Levels | undefined, c: (typeof COLUMNS)[number]): number {
  if (!levels) return 0;
  return c === "available" ? Math.max(0, levels.available) : levels[c];
}

type Row = StockGrid["rows"][number];

export function StockGridTable({ grid }: { grid: StockGrid }) {
  const t = useTranslations("stock");
  const format = useFormatter();
  const perWarehouse = grid.warehouses.length > 1 ? grid.warehouses : [];
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });

  const cells = (levels: Levels | undefined, group: string) =>
    COLUMNS.map((c, i) => {
      const value = level(levels, c);
      const tone = c === "available" ? "font-semibold" : value === 0 ? "text-slate-300" : "";
      return (
        <td key={`${group}-${c}`} className={`px-2 py-2 text-right tabular-nums ${i === 0 ? "border-l border-slate-100" : ""} ${tone}`} data-testid={`${group}-${c}`}>
          {n(value)}
        </td>
      );
    });

  const badges = (r: Row) => (
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
  );
  // The card's figure rows: the total (or the only warehouse, by its code), then each warehouse when several are shown.
  const cardRows = (r: Row) => [
    { key: "total", label: grid.warehouses.length === 1 ? (grid.warehouses[0]?.code ?? t("grid.total")) : t("grid.total"), levels: r.total },
    ...perWarehouse.map((w) => ({ key: `wh-${w.code}`, label: w.code, levels: r.warehouses.find((x) => x.warehouseId === w.id) })),
  ];

  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="stock-grid-scroll">
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
                  {badges(r)}
                </td>
                {cells(r.total, "total")}
                {perWarehouse.map((w) => cells(r.warehouses.find((x) => x.warehouseId === w.id), `wh-${w.code}`))}
              </tr>
            ))}
          </tbody>
        </table>
        {grid.rows.length === 0 && <p className="p-6 text-center text-slate-500" data-testid="stock-empty">{t("grid.empty")}</p>}
      </div>
      {/* On a phone: one card per SKU; the code's link covers the whole card. */}
      <ul className="space-y-2 md:hidden" aria-label={t("grid.label")} data-testid="stock-cards">
        {grid.rows.map((r) => (
          <li key={r.skuId} className="relative rounded-xl border border-slate-200 bg-white p-3 text-sm active:bg-slate-50" data-testid="stock-card" data-sku={r.code} data-health={r.health}>
            <Link
              href={`/stock/${r.skuId}`}
              className="break-all font-mono font-medium text-brand-600 after:absolute after:inset-0 after:rounded-xl hover:underline"
              data-testid={`stock-card-link-${r.code}`}
            >
              {r.code}
            </Link>
            <div className="truncate text-xs text-slate-600" title={r.name}>{r.name}</div>
            {badges(r)}
            <table className="mt-2 w-full table-fixed text-xs">
              <thead className="text-slate-500">
                <tr>
                  <th className="w-14 py-1 text-left font-medium">
                    <span className="sr-only">{t("filters.warehouse")}</span>
                  </th>
                  {CARD_COLUMNS.map((c) => (
                    <th key={c} className="px-1 py-1 text-right font-medium leading-tight">{t(`levels.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {cardRows(r).map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className="truncate py-1 text-left font-mono font-medium text-slate-600">{row.label}</th>
                    {CARD_COLUMNS.map((c) => {
                      const value = level(row.levels, c);
                      return (
                        <td key={c} className={`px-1 py-1 text-right tabular-nums ${c === "available" ? "font-semibold" : value === 0 ? "text-slate-400" : ""}`} data-testid={`stock-card-${row.key}-${c}`}>
                          {n(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      {grid.rows.length === 0 && <p className="rounded-xl border border-slate-200 bg-white p-6 text-center text-slate-500 md:hidden" data-testid="stock-cards-empty">{t("grid.empty")}</p>}
    </>
  );
}
