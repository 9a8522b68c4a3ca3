import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";

/** Recomputes every stock level from the ledger on each visit (stock.reconcile) and lists the differences. */
export default async function StockReconcilePage() {
  await requireRole(...AREAS.stock.roles);
  const [t, format, caller] = await Promise.all([getTranslations("stock.reconcile"), getFormatter(), serverCaller()]);
  const report = await caller.stock.reconcile();
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const driftTotal = Object.values(report.driftCount).reduce((a, b) => a + b, 0);
  const dash = <span className="text-slate-300">—</span>;

  return (
    <div className="max-w-6xl space-y-4">
      <div>
        <Link href="/stock" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("help")}</p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        <p className="text-slate-600">
          {t("checkedAt", { date: format.dateTime(report.checkedAt, { dateStyle: "short", timeStyle: "medium" }) })} ·{" "}
          {t("scanned", { balances: n(report.scanned.balances), bins: n(report.scanned.bins), movements: n(report.scanned.movements), reservations: n(report.scanned.activeReservations) })}
        </p>
        {report.ok ? (
          <p className="mt-3 rounded-md bg-green-50 px-3 py-2 font-medium text-green-800" data-testid="reconcile-ok">{t("ok")}</p>
        ) : (
          <p className="mt-3 rounded-md bg-red-50 px-3 py-2 font-medium text-red-700" data-testid="reconcile-drift">{t("driftFound", { count: driftTotal })}
            {driftTotal > report.drift.length && ` ${t("shownFirst", { count: report.drift.length })}`}</p>
        )}
        <Link href="/stock/reconcile" className="mt-3 inline-block text-brand-600 hover:underline">{t("again")}</Link>
      </div>
      {report.drift.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="reconcile-table">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {(["check", "field", "sku", "warehouse", "bin", "order", "stored", "expected"] as const).map((c) => (
                  <th key={c} className={`px-3 py-2 ${c === "stored" || c === "expected" ? "text-right" : ""}`}>{t(`columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.drift.map((d, i) => (
                <tr key={i} data-testid="reconcile-row" data-check={d.check}>
                  <td className="px-3 py-2">{t(`check.${d.check}`)}</td>
                  <td className="px-3 py-2">{t(`field.${d.field}`)}</td>
                  <td className="px-3 py-2"><Link href={`/stock/${d.skuId}`} className="whitespace-nowrap font-mono text-brand-600 hover:underline">{d.sku}</Link></td>
                  <td className="px-3 py-2">{d.warehouse ?? dash}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{d.bin ?? dash}</td>
                  <td className="px-3 py-2">{d.orderNumber !== null ? `#${d.orderNumber}` : dash}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(d.stored)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(d.expected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
