/**
 * A purchase order's history, newest first (purchase-order-history.ts): who
 * and when, what happened (created, received, cancelled, closed short,
 * expected date changed) and why. Server- and client-safe.
 */
import { useFormatter, useTranslations } from "next-intl";
import { useActorLabel } from "@/components/ui/actor-label";
import type { PoHistoryEntry } from "@/server/services/stock/purchase-order-history";

export function PurchaseOrderHistory({ history }: { history: PoHistoryEntry[] }) {
  const t = useTranslations("purchasing.history");
  const td = useTranslations("purchasing.detail");
  const ts = useTranslations("purchasing.status");
  const actor = useActorLabel();
  const format = useFormatter();
  if (history.length === 0) return <p className="text-sm text-slate-500" data-testid="po-history-empty">{td("noHistory")}</p>;
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short" }) : t("noDate"));

  function what(h: PoHistoryEntry): string {
    const units = h.units ?? 0;
    switch (h.kind) {
      case "created": {
        const made = h.units === null ? t("created") : t("createdUnits", { units });
        return h.to ? `${made}, ${t("createdExpected", { date: day(h.to) })}` : made;
      }
      case "received":
        return t("received", { units, status: h.status ? ts(h.status) : "—" });
      case "cancelled":
        return t("cancelled", { units });
      case "closedShort":
        return t("closedShort", { units });
      case "expectedDateChanged":
        return t("expectedDateChanged", { from: day(h.from), to: day(h.to) });
    }
  }

  return (
    <ol className="space-y-2 text-sm" data-testid="po-history">
      {history.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 bg-white p-3" data-testid="po-history-entry" data-kind={h.kind}>
          <span className="block text-xs text-slate-500">{t("entry", { who: actor(h.by) || "—", when: format.dateTime(h.at, { dateStyle: "short", timeStyle: "short" }) })}</span>
          <span className="block font-medium">{what(h)}</span>
          {h.reason && (
            <span className="block text-slate-600" data-testid="po-history-reason">{t(h.kind === "received" ? "note" : "reason", { reason: h.reason })}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
