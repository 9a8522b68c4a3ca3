"use client";
/**
 * The result of a catalogue import: counts, then every data row (created /
 * updated / unchanged, or one line per problem), filterable to the errors or
 * the changes, and the same as a CSV download. Problems are written in the
 * reader's language from their code and values.
 */
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { downloadReportCsv } from "@/components/ui/download-csv";
import type { CatalogImportReport, CatalogReportRow } from "@/server/services/catalog/catalog-import-report";

type Filter = "all" | "errors" | "changes";
const FILTERS: readonly Filter[] = ["all", "errors", "changes"];
const FILTER_LABEL = { all: "showAll", errors: "showErrors", changes: "showChanges" } as const;
const SHOWN: Record<Filter, (r: CatalogReportRow) => boolean> = {
  all: () => true,
  errors: (r) => r.status === "ERROR",
  changes: (r) => r.status === "CREATED" || r.status === "UPDATED",
};
const TONE = { CREATED: "text-green-700", UPDATED: "text-brand-700", UNCHANGED: "text-slate-500", ERROR: "text-red-700" } as const;

interface Line {
  key: string;
  row: CatalogReportRow;
  column: string;
  detail: string;
}

/** One line per problem of an error row, one line for any other row. */
function useLines() {
  const t = useTranslations("productImport");
  const rules = useTranslations("products.errors");
  return (r: CatalogReportRow): Line[] => {
    if (r.status === "ERROR") {
      return r.issues.map((i, n) => {
        const params = i.params;
        const detail = t.has(`rowIssues.${i.code}`)
          ? t(`rowIssues.${i.code}` as "rowIssues.required", params)
          : rules.has(i.code)
            ? rules(i.code as "EAN_FORMAT", params)
            : i.message;
        return { key: `${r.row}-${n}`, row: r, column: i.column, detail };
      });
    }
    const detail =
      r.status === "CREATED"
        ? t(r.newProduct ? "report.newProduct" : "report.addedToProduct")
        : r.status === "UPDATED"
          ? t("report.changed", { columns: r.changes.map((c) => t(`columnLabels.${c}`)).join(", ") })
          : t("report.same");
    return [{ key: `${r.row}`, row: r, column: "", detail }];
  };
}

export function CatalogImportReportTable({ report }: { report: CatalogImportReport }) {
  const t = useTranslations("productImport.report");
  const locale = useLocale();
  const linesOf = useLines();
  const [filter, setFilter] = useState<Filter>(report.errors > 0 ? "errors" : "all");
  const lines = report.rows.filter(SHOWN[filter]).flatMap(linesOf);
  const status = (r: CatalogReportRow) => t(`status${r.status}`);

  function download() {
    const header = [t("row"), t("sku"), t("product"), t("status"), t("column"), t("message")];
    const rows = report.rows.flatMap(linesOf).map((l) => [l.row.row, l.row.sku, l.row.product, status(l.row), l.column, l.detail]);
    downloadReportCsv([header, ...rows], "catalog-import-report.csv", locale);
  }

  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="catalog-report">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-semibold">{t("title")}</h2>
        <button type="button" onClick={download} className="text-sm text-brand-700 hover:underline" data-testid="catalog-report-download">{t("download")}</button>
      </div>
      <dl className="grid gap-3 sm:grid-cols-5">
        {(["total", "created", "updated", "unchanged", "errors"] as const).map((k) => (
          <div key={k} className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{t(k)}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`catalog-count-${k}`}>{report[k]}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600" data-testid="catalog-report-products">{t("products", { created: report.productsCreated, updated: report.productsUpdated })}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t("show")}>
        <span className="text-slate-500">{t("show")}:</span>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            className={`rounded-md border px-3 py-1 ${filter === f ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 hover:bg-slate-50"}`}
            data-testid={`catalog-filter-${f}`}
          >
            {t(FILTER_LABEL[f])}
          </button>
        ))}
      </div>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto">
          <table className="w-full text-sm" data-testid="catalog-report-rows">
            <thead className="sticky top-0 bg-white text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3">{t("row")}</th>
                <th className="py-2 pr-3">{t("sku")}</th>
                <th className="py-2 pr-3">{t("product")}</th>
                <th className="py-2 pr-3">{t("status")}</th>
                <th className="py-2 pr-3">{t("column")}</th>
                <th className="py-2">{t("message")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((l) => (
                <tr key={l.key} className="align-top" data-testid="catalog-report-row" data-row={l.row.row} data-status={l.row.status} data-sku={l.row.sku}>
                  <td className="py-1.5 pr-3 tabular-nums">{l.row.row}</td>
                  <td className="py-1.5 pr-3 font-mono">{l.row.sku}</td>
                  <td className="py-1.5 pr-3">{l.row.product}</td>
                  <td className={`py-1.5 pr-3 font-medium ${TONE[l.row.status]}`}>{status(l.row)}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{l.column}</td>
                  <td className="py-1.5">{l.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
