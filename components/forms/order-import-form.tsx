"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toCsv } from "@/server/lib/csv";
import { CSV_COLUMNS, otherLanguageHeader, templateHeader } from "@/server/services/order/csv-order-columns";
import { ImportReportTable, type ImportReportData } from "@/components/tables/import-report-table";
import { CsvFileField, ImportProgress, useNdjsonImport } from "@/components/forms/ndjson-import";
import { downloadCsv } from "@/components/ui/download-csv";

export function OrderImportForm({ channels }: { channels: { id: string; name: string }[] }) {
  const t = useTranslations("orderEntry.import");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [channelId, setChannelId] = useState("");
  const { busy, progress, report, failure, run } = useNdjsonImport<ImportReportData>("/api/orders/import", (detail) => t("failed", { detail }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    const body = new FormData();
    body.set("file", file);
    if (channelId) body.set("channelId", channelId);
    await run(body);
  }

  function downloadTemplate() {
    const pt = locale === "pt-BR";
    const csv = toCsv([CSV_COLUMNS.map((c) => templateHeader(c, locale))], { delimiter: pt ? ";" : ",", bom: true });
    downloadCsv(csv, pt ? "modelo-pedidos.csv" : "orders-template.csv");
  }

  // The headers of the template this language downloads; the other language's are accepted too.
  const names = (required: boolean) => CSV_COLUMNS.filter((c) => c.required === required).map((c) => templateHeader(c, locale)).join(", ");
  const others = CSV_COLUMNS.filter((c) => c.required).slice(0, 3).map((c) => otherLanguageHeader(c, locale)).join(", ");

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <CsvFileField label={t("file")} onFile={setFile} testId="import-file" />
        <label className="block">
          <span className="text-sm font-medium">{t("channel")}</span>
          <select value={channelId} onChange={(e) => setChannelId(e.target.value)} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
            <option value="">{t("channelDefault")}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer font-medium">{t("columns")}</summary>
          <p className="mt-2" data-testid="import-columns-help">{t("columnsHelpTemplate", { required: names(true), optional: names(false), others })}</p>
        </details>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={!file || busy} className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {busy ? t("importing") : t("submit")}
          </button>
          <button type="button" onClick={downloadTemplate} className="text-sm text-brand-600 hover:underline">
            {t("template")}
          </button>
        </div>
        {progress && (busy || !report) && (
          <ImportProgress progress={progress} text={t("progress", { processed: progress.processed, total: progress.total })} testId="import-progress" />
        )}
        {failure && <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-failure">{failure}</p>}
      </form>
      {report && <ImportReportTable report={report} />}
    </div>
  );
}
