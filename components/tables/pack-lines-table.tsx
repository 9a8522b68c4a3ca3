"use client";
/** Expected vs scanned per line at the pack station, counting down; the line just scanned is highlighted. */
import { useTranslations } from "next-intl";

export interface PackLine {
  lineId: string;
  sku: string;
  ean: string | null;
  productName: string;
  quantity: number;
  scanned: number;
}

export function PackLinesTable({ lines, highlight }: { lines: PackLine[]; highlight: { lineId: string; ok: boolean; key: number } | null }) {
  const t = useTranslations("packing.table");
  return (
    <table className="w-full border-collapse text-left" data-testid="pack-lines">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="bg-slate-100 text-sm uppercase tracking-wide text-slate-600">
        <tr>
          <th className="whitespace-nowrap px-3 py-2">{t("sku")}</th>
          <th className="whitespace-nowrap px-3 py-2">{t("ean")}</th>
          <th className="whitespace-nowrap px-3 py-2">{t("product")}</th>
          <th className="whitespace-nowrap px-3 py-2 text-right">{t("expected")}</th>
          <th className="whitespace-nowrap px-3 py-2 text-right">{t("scanned")}</th>
          <th className="whitespace-nowrap px-3 py-2 text-right">{t("remaining")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const left = Math.max(0, l.quantity - l.scanned);
          const done = left === 0;
          const lit = highlight?.lineId === l.lineId;
          const tone = lit ? (highlight?.ok ? "bg-green-200" : "bg-red-200") : done ? "bg-green-50 text-slate-500" : "bg-white";
          return (
            <tr
              key={`${l.lineId}-${lit ? highlight?.key : 0}`}
              data-testid="pack-row"
              data-sku={l.sku}
              data-ean={l.ean ?? ""}
              data-remaining={left}
              className={`border-b border-slate-200 text-lg transition-colors duration-700 ${tone}`}
            >
              <td className="whitespace-nowrap px-3 py-3 font-mono font-semibold">{l.sku}</td>
              <td className="whitespace-nowrap px-3 py-3 font-mono" data-testid="pack-row-ean">
                {l.ean ?? <span className="text-sm italic text-slate-500">{t("noEan")}</span>}
              </td>
              <td className="min-w-40 px-3 py-3">{l.productName}</td>
              <td className="px-3 py-3 text-right tabular-nums">{l.quantity}</td>
              <td className="px-3 py-3 text-right tabular-nums" data-testid="pack-row-scanned">
                {l.scanned}
              </td>
              <td className="px-3 py-3 text-right text-2xl font-bold tabular-nums" data-testid="pack-row-remaining">
                {done ? <span className="text-base font-semibold text-green-700">✓ {t("done")}</span> : left}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
