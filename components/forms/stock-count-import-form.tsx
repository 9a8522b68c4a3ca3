"use client";
/** Upload a cycle-count CSV; the file is decoded here (UTF-8 or Windows-1252) and applied row by row on the server. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { StockCountReportTable } from "@/components/tables/stock-count-report-table";
import { decodeCsvBytes } from "@/server/lib/csv";

export function StockCountImportForm() {
  const t = useTranslations("purchasing.import");
  const tf = useTranslations("purchasing.fileProblems");
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation(trpc.purchasing.importCounts.mutationOptions({ onSuccess: () => router.refresh() }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setProblem(t("chooseFile"));
    setProblem(null);
    const csv = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    run.mutate({ csv, fileName: file.name });
  }

  const report = run.data;
  const fileProblem = report?.problem;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="count-import-form">
        <label className="block">
          <span className="text-sm font-medium">{t("file")}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className="mt-1 block text-sm"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="count-file"
          />
        </label>
        <button type="submit" disabled={run.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-50" data-testid="count-submit">
          {run.isPending ? t("submitting") : t("submit")}
        </button>
      </form>
      {problem && <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem}</p>}
      <ErrorMessage error={run.error} />
      {fileProblem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="count-file-problem">
          {tf.has(fileProblem.code) ? tf(fileProblem.code as "empty_file", fileProblem.params) : fileProblem.code}
        </p>
      )}
      {report && !fileProblem && <StockCountReportTable report={report} />}
    </div>
  );
}
