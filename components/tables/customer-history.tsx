/** A customer's corrections, newest first (customer-history.ts): who and when, then each field from → to. */
import { useFormatter, useTranslations } from "next-intl";
import { formatDocument } from "@/server/lib/br-documents";
import type { CustomerEdit } from "@/server/services/customer/customer-history";

export function CustomerHistory({ history }: { history: CustomerEdit[] }) {
  const t = useTranslations("customers.history");
  const format = useFormatter();
  if (history.length === 0) return <p className="text-sm text-slate-500" data-testid="customer-history-empty">{t("empty")}</p>;
  const value = (field: string, v: string | null) => (v === null ? t("emptyValue") : field === "document" ? formatDocument(v) : v);
  return (
    <ol className="space-y-2 text-sm" data-testid="customer-history">
      {history.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-100 p-3" data-testid="customer-history-entry">
          <span className="block text-xs text-slate-500">{t("entry", { who: h.by, when: format.dateTime(h.at, { dateStyle: "short", timeStyle: "short" }) })}</span>
          {h.changes.map((c) => (
            <span key={c.field} className="block" data-testid="customer-history-change">
              {t("change", { field: t(`field.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })}
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}
