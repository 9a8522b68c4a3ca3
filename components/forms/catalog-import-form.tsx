"use client";
/**
 * Upload a catalogue CSV to POST /api/products/import and follow its NDJSON
 * answer: a progress bar while the rows are written, then the report. The
 * template is made here from the same column list the server reads.
 */
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CsvFileField, ImportProgress, useNdjsonImport } from "@/components/forms/ndjson-import";
import { CatalogImportReportTable } from "@/components/tables/catalog-import-report-table";
import { downloadCsv } from "@/components/ui/download-csv";
import { isLocale } from "@/server/i18n/locales";
import { catalogTemplateCsv } from "@/server/services/catalog/catalog-csv-columns";
import type { CatalogImportReport } from "@/server/services/catalog/catalog-import-report";

export function CatalogImportForm() {
  const t = useTranslations("productImport.form");
  const tf = useTranslations("purchasing.fileProblems");
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const { busy, progress, report, failure, run } = useNdjsonImport<CatalogImportReport>("/api/products/import", (detail) => t("failed", { detail }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    const body = new FormData();
    body.set("file", file);
    await run(body);
    // The product list behind this page now has the new products.
    router.refresh();
  }

  const problem = report?.problem;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="catalog-import-form">
        <CsvFileField label={t("file")} onFile={setFile} testId="catalog-file" />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={!file || busy}
            className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            data-testid="catalog-import-submit"
          >
            {busy ? t("importing") : t("submit")}
          </button>
          <button
            type="button"
            onClick={() => downloadCsv(catalogTemplateCsv(locale), locale === "pt-BR" ? "modelo-produtos.csv" : "products-template.csv")}
            className="text-sm text-brand-600 hover:underline"
            data-testid="catalog-template"
          >
            {t("template")}
          </button>
        </div>
        {progress && (busy || !report) && (
          <ImportProgress progress={progress} text={t("progress", { processed: progress.processed, total: progress.total })} testId="catalog-import-progress" />
        )}
        {failure && <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="catalog-import-failure">{failure}</p>}
        {problem && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="catalog-file-problem">
            {tf.has(problem.code) ? tf(problem.code as "empty_file", problem.params) : problem.code}
          </p>
        )}
      </form>
      {report && !problem && <CatalogImportReportTable report={report} />}
    </div>
  );
}
