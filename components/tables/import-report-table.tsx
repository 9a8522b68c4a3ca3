"use client";
import { useLocale, useTranslations } from "next-intl";
import { downloadReportCsv } from "@/components/ui/download-csv";

export interface ImportIssue {
  row: number;
  column: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface ImportReportData {
  created: number;
  duplicates: number;
  errors: ImportIssue[];
  duplicateOrders: { row: number; externalId: string }[];
  total: number;
  channel: { id: string; name: string } | null;
}

interface ReportRow {
  row: number;
  column: string;
  status: "error" | "duplicate";
  message: string;
}

function useReportRows(report: ImportReportData): ReportRow[] {
  const t = useTranslations("orderEntry");
  const rows: ReportRow[] = [
    ...report.errors.map((e) => ({
      row: e.row,
      column: e.column,
      status: "error" as const,
      message: t.has(`csvIssues.${e.code}`) ? t(`csvIssues.${e.code}`, e.params) : e.message,
    })),
    ...report.duplicateOrders.map((d) => ({ row: d.row, column: "", status: "duplicate" as const, message: t("import.report.duplicateMessage", { order: d.externalId }) })),
  ];
  return rows.sort((a, b) => a.row - b.row);
}

/** The result of a CSV import: counts, one line per problem or duplicate, and the same as a CSV download. */
export function ImportReportTable({ report }: { report: ImportReportData }) {
  const t = useTranslations("orderEntry.import.report");
  const locale = useLocale();
  const rows = useReportRows(report);
  const statusText = (s: ReportRow["status"]) => (s === "error" ? t("statusError") : t("statusDuplicate"));

  function download() {
    downloadReportCsv([[t("row"), t("column"), t("status"), t("message")], ...rows.map((r) => [r.row, r.column, statusText(r.status), r.message])], "import-report.csv", locale);
  }

  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="import-report">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-semibold">{t("title")}</h2>
        {report.channel && <span className="text-sm text-slate-500">{t("channel", { name: report.channel.name })}</span>}
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Count label={t("created")} value={report.created} testId="report-created" />
        <Count label={t("duplicates")} value={report.duplicates} testId="report-duplicates" />
        <Count label={t("problems")} value={new Set(report.errors.map((e) => e.row)).size} testId="report-problems" />
      </dl>
      {rows.length === 0 ? (
        <p className="text-sm text-green-700">{t("allGood")}</p>
      ) : (
        <>
          <div className="max-h-[28rem] overflow-auto">
            <table className="w-full text-sm" data-testid="report-rows">
              <thead className="sticky top-0 bg-white">
                <tr className="text-left text-slate-500">
                  <th className="w-16 py-1 font-medium">{t("row")}</th>
                  <th className="w-40 py-1 font-medium">{t("column")}</th>
                  <th className="w-36 py-1 font-medium">{t("status")}</th>
                  <th className="py-1 font-medium">{t("message")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.row}-${r.column}-${i}`} className="border-t border-slate-100 align-top" data-row={r.row} data-status={r.status}>
                    <td className="py-1.5 tabular-nums">{r.row}</td>
                    <td className="py-1.5 font-mono text-xs">{r.column}</td>
                    <td className={`py-1.5 ${r.status === "error" ? "text-red-700" : "text-slate-600"}`}>{statusText(r.status)}</td>
                    <td className="py-1.5">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={download} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="report-download">
            {t("download")}
          </button>
        </>
      )}
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
