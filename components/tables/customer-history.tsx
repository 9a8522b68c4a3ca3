/**
 * A customer's history, newest first (customer-history.ts): who and when, then each corrected field from → to,
 * or a corrected field handed back to the channels (restored from an order at once, or left to the next order).
 */
import { useFormatter, useTranslations } from "next-intl";
import { useActorLabel } from "@/components/ui/actor-label";
import { formatDocument } from "@/server/lib/br-documents";
import type { CustomerEdit } from "@/server/services/customer/customer-history";

export function CustomerHistory({ history }: { history: CustomerEdit[] }) {
  const t = useTranslations("customers.history");
  const format = useFormatter();
  const actor = useActorLabel();
  if (history.length === 0) return <p className="text-sm text-slate-500" data-testid="customer-history-empty">{t("empty")}</p>;
  const value = (field: string, v: string | null) => (v === null ? t("emptyValue") : field === "document" ? formatDocument(v) : v);
  return (
    <ol className="space-y-2 text-sm" data-testid="customer-history">
      {history.map((h) => {
        const follows = h.followsChannel;
        return (
          <li key={h.id} className="rounded-md border border-slate-100 p-3" data-testid="customer-history-entry" data-kind={follows ? "followsChannel" : "corrected"}>
            <span className="block text-xs text-slate-500">{t("entry", { who: actor(h.by) || "—", when: format.dateTime(h.at, { dateStyle: "short", timeStyle: "short" }) })}</span>
            {follows && (
              <span className="block" data-testid="customer-history-follows">
                {follows.restored && follows.orderNumber !== null
                  ? t("followsChannel.restored", { field: t(`field.${follows.field}`), order: follows.orderNumber })
                  : t("followsChannel.nextOrder", { field: t(`field.${follows.field}`) })}
              </span>
            )}
            {h.changes.map((c) => (
              <span key={c.field} className="block" data-testid="customer-history-change">
                {t("change", { field: t(`field.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })}
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
