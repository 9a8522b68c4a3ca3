"use client";
/** Result of a cycle-count import: counts, then every data row (applied / unchanged / error with why), also as a CSV download. */
import { useLocale, useTranslations } from "next-intl";
import { downloadReportCsv } from "@/components/ui/download-csv";

export interface StockCountReportData {
  total: number;
  applied: number;
  unchanged: number;
  errors: number;
  rows: {
    row: number; sku: string; warehouse: string; bin: string; counted: string; status: "APPLIED" | "UNCHANGED" | "ERROR";
    before: number | null; after: number | null; column: string; code: string | null; params: Record<string, string | number>; message: string;
  }[];
}

const TONE = { APPLIED: "text-green-700", UNCHANGED: "text-slate-500", ERROR: "text-red-700" } as const;

export function StockCountReportTable({ report }: { report: StockCountReportData }) {
  const t = useTranslations("purchasing.report");
  const ti = useTranslations("purchasing.rowIssues");
  const locale = useLocale();
  const detail = (r: StockCountReportData["rows"][number]) => {
    if (r.status === "ERROR") return r.code && ti.has(r.code) ? ti(r.code as "required", r.params) : r.message;
    if (r.status === "APPLIED") return t("change", { before: r.before ?? 0, after: r.after ?? 0 });
    return t("same", { after: r.after ?? 0 });
  };

  function download() {
    downloadReportCsv(
      [
        [t("row"), t("sku"), t("warehouse"), t("bin"), t("counted"), t("result"), t("detail")],
        ...report.rows.map((r) => [r.row, r.sku, r.warehouse, r.bin, r.counted, t(`status${r.status}`), detail(r)]),
      ],
      "stock-count-report.csv",
      locale,
    );
  }

  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="count-report">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-semibold">{t("title")}</h2>
        <button type="button" onClick={download} className="text-sm text-brand-700 hover:underline">{t("download")}</button>
      </div>
      <dl className="grid gap-3 sm:grid-cols-4">
        <Count label={t("total")} value={report.total} testId="count-total" />
        <Count label={t("applied")} value={report.applied} testId="count-applied" />
        <Count label={t("unchanged")} value={report.unchanged} testId="count-unchanged" />
        <Count label={t("errors")} value={report.errors} testId="count-errors" />
      </dl>
      <div className="max-h-[32rem] overflow-auto">
        <table className="w-full text-sm" data-testid="count-rows">
          <thead className="sticky top-0 bg-white text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-3">{t("row")}</th>
              <th className="py-2 pr-3">{t("sku")}</th>
              <th className="py-2 pr-3">{t("warehouse")}</th>
              <th className="py-2 pr-3">{t("bin")}</th>
              <th className="py-2 pr-3 text-right">{t("counted")}</th>
              <th className="py-2 pr-3">{t("result")}</th>
              <th className="py-2">{t("detail")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.rows.map((r) => (
              <tr key={r.row} data-testid="count-row" data-row={r.row} data-status={r.status} data-code={r.code ?? ""}>
                <td className="py-1.5 pr-3 tabular-nums">{r.row}</td>
                <td className="whitespace-nowrap py-1.5 pr-3 font-mono">{r.sku}</td>
                <td className="py-1.5 pr-3 font-mono">{r.warehouse}</td>
                <td className="whitespace-nowrap py-1.5 pr-3 font-mono">{r.bin}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{r.counted}</td>
                <td className={`py-1.5 pr-3 font-medium ${TONE[r.status]}`}>{t(`status${r.status}`)}</td>
                <td className="py-1.5">{detail(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}
