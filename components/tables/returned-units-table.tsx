/** What a completed return booked back into stock (its RETURN movements), on the return's page. */
import { useFormatter, useTranslations } from "next-intl";
import { useActorLabel } from "@/components/ui/actor-label";

export interface ReturnedUnit {
  id: string;
  sku: string;
  binCode: string | null;
  quantity: number;
  condition: "SELLABLE" | "DAMAGED" | "QUARANTINE" | "QC";
  actorLabel: string;
  createdAt: Date;
}

export function ReturnedUnitsTable({ items }: { items: ReturnedUnit[] }) {
  const t = useTranslations("returns.booked");
  const format = useFormatter();
  const actor = useActorLabel();
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">{t("title")}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <table className="min-w-full text-sm" data-testid="returned-units">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-2 py-1">{t("sku")}</th>
              <th className="px-2 py-1">{t("quantity")}</th>
              <th className="px-2 py-1">{t("condition")}</th>
              <th className="px-2 py-1">{t("bin")}</th>
              <th className="px-2 py-1">{t("by")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((m) => (
              <tr key={m.id} data-testid="returned-unit" data-condition={m.condition}>
                <td className="px-2 py-1 font-mono text-xs">{m.sku}</td>
                <td className="px-2 py-1">{m.quantity}</td>
                <td className="px-2 py-1">{t(`conditions.${m.condition}`)}</td>
                <td className="px-2 py-1">{m.binCode ?? "—"}</td>
                <td className="px-2 py-1 text-slate-600">{actor(m.actorLabel)} · {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
