"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toCsv } from "@/server/lib/csv";
import { CSV_COLUMNS } from "@/server/services/order/csv-order-columns";
import { ImportReportTable, type ImportReportData } from "@/components/tables/import-report-table";

type StreamLine =
  | { type: "progress"; processed: number; total: number }
  | ({ type: "report" } & ImportReportData)
  | { type: "error"; code: string; message: string };

/** Reads the NDJSON answer of POST /api/orders/import line by line as it arrives. */
async function readLines(res: Response, onLine: (line: StreamLine) => void): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const text = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (text) onLine(JSON.parse(text) as StreamLine);
      nl = buffer.indexOf("\n");
    }
    if (done) break;
  }
  if (buffer.trim()) onLine(JSON.parse(buffer) as StreamLine);
}

export function OrderImportForm({ channels }: { channels: { id: string; name: string }[] }) {
  const t = useTranslations("orderEntry.import");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [channelId, setChannelId] = useState("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setReport(null);
    setFailure(null);
    setProgress(null);
    try {
      const body = new FormData();
      body.set("file", file);
      if (channelId) body.set("channelId", channelId);
      const res = await fetch("/api/orders/import", { method: "POST", body });
      if (!res.ok) {
        const err = (await res.json().catch(() => null)) as { message?: string } | null;
        setFailure(t("failed", { detail: err?.message ?? `HTTP ${res.status}` }));
        return;
      }
      await readLines(res, (line) => {
        if (line.type === "progress") setProgress({ processed: line.processed, total: line.total });
        else if (line.type === "report") setReport(line);
        else setFailure(t("failed", { detail: line.message }));
      });
    } catch (err) {
      setFailure(t("failed", { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  function downloadTemplate() {
    const pt = locale === "pt-BR";
    const csv = toCsv([CSV_COLUMNS.map((c) => (pt ? c.alias : c.name))], { delimiter: pt ? ";" : ",", bom: true });
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = pt ? "modelo-pedidos.csv" : "orders-template.csv";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;
  const names = (required: boolean) => CSV_COLUMNS.filter((c) => c.required === required).map((c) => c.name).join(", ");

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <label className="block">
          <span className="text-sm font-medium">{t("file")}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700"
            data-testid="import-file"
          />
        </label>
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
          <p className="mt-2">{t("columnsHelp", { required: names(true), optional: names(false) })}</p>
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
          <div>
            <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full rounded bg-slate-100">
              <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${pct}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-500" data-testid="import-progress">{t("progress", { processed: progress.processed, total: progress.total })}</p>
          </div>
        )}
        {failure && <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-failure">{failure}</p>}
      </form>
      {report && <ImportReportTable report={report} />}
    </div>
  );
}
