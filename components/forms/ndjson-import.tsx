"use client";
/**
 * The CSV import forms' upload: POST the file to an import route and follow
 * its NDJSON answer ({"type":"progress"} lines, then {"type":"report"} or
 * {"type":"error"}) as it arrives, so a progress bar moves while a large file
 * is written.
 */
import { useState } from "react";

type StreamLine<R> = { type: "progress"; processed: number; total: number } | ({ type: "report" } & R) | { type: "error"; code: string; message: string };

/** Reads an NDJSON answer line by line as it arrives. */
export async function readNdjson<T>(res: Response, onLine: (line: T) => void): Promise<void> {
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
      if (text) onLine(JSON.parse(text) as T);
      nl = buffer.indexOf("\n");
    }
    if (done) break;
  }
  if (buffer.trim()) onLine(JSON.parse(buffer) as T);
}

/** `failed` words a failure (an HTTP refusal, an error line, a dropped connection) in the reader's language. */
export function useNdjsonImport<R>(url: string, failed: (detail: string) => string) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(body: FormData): Promise<void> {
    setBusy(true);
    setReport(null);
    setFailure(null);
    setProgress(null);
    try {
      const res = await fetch(url, { method: "POST", body });
      if (!res.ok) {
        const err = (await res.json().catch(() => null)) as { message?: string } | null;
        setFailure(failed(err?.message ?? `HTTP ${res.status}`));
        return;
      }
      await readNdjson<StreamLine<R>>(res, (line) => {
        if (line.type === "progress") setProgress({ processed: line.processed, total: line.total });
        else if (line.type === "report") setReport(line);
        else setFailure(failed(line.message));
      });
    } catch (err) {
      setFailure(failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  return { busy, progress, report, failure, run };
}

/** The bar and "N of M rows" while an import runs (and until its report arrives). */
export function ImportProgress({ progress, text, testId }: { progress: { processed: number; total: number }; text: string; testId: string }) {
  const pct = progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;
  return (
    <div>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full rounded bg-slate-100">
        <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500" data-testid={testId}>{text}</p>
    </div>
  );
}

/** The file chooser of a CSV import form. */
export function CsvFileField({ label, onFile, testId }: { label: string; onFile: (file: File | null) => void; testId: string }) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700"
        data-testid={testId}
      />
    </label>
  );
}
