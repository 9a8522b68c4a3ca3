"use client";
/** The package's last scans, newest first: what was read, the outcome, who, when (the full log is PackScan). */
import { useFormatter, useTranslations } from "next-intl";

export interface ScanLogRow {
  id: string;
  code: string;
  result: "ACCEPTED" | "WRONG_ITEM" | "OVER_SCAN" | "UNKNOWN_CODE";
  sku: string | null;
  userName: string | null;
  at: Date;
}

export function PackScanLog({ scans }: { scans: ScanLogRow[] }) {
  const t = useTranslations("packing.log");
  const format = useFormatter();
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("title")}</h2>
      {scans.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-1 text-sm" data-testid="pack-log">
          {scans.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline gap-x-2" data-testid="pack-log-row" data-result={s.result}>
              <span className="shrink-0 whitespace-nowrap tabular-nums text-slate-500">{format.dateTime(s.at, { timeStyle: "medium" })}</span>
              <span
                className={`shrink-0 whitespace-nowrap rounded px-1.5 text-xs font-semibold ${s.result === "ACCEPTED" ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}
              >
                {t(`result.${s.result}`)}
              </span>
              {/* Codes are read whole: never cut, never wrapped (a long line moves to the next row instead). */}
              <span className="whitespace-nowrap font-mono" data-testid="pack-log-code">{s.code}</span>
              {s.sku && <span className="whitespace-nowrap font-mono text-slate-500">{s.sku}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
