/** The pick lists, newest first (one keyset page, rendered on the server). Server- and client-safe. */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { PickListRow } from "@/server/services/picking/list-pick-lists";

const BADGE: Record<PickListRow["status"], string> = {
  OPEN: "bg-amber-100 text-amber-800",
  COMPLETED: "bg-emerald-100 text-emerald-800",
  CANCELLED: "bg-slate-100 text-slate-600",
};

export function PickListsTable({ items }: { items: PickListRow[] }) {
  const t = useTranslations("picking");
  const format = useFormatter();
  if (items.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="pick-lists-empty">{t("list.empty")}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="pick-lists-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("list.number")}</th>
            <th className="px-3 py-2">{t("list.status")}</th>
            <th className="px-3 py-2">{t("list.warehouse")}</th>
            <th className="px-3 py-2">{t("list.createdAt")}</th>
            <th className="px-3 py-2">{t("list.createdBy")}</th>
            <th className="px-3 py-2">{t("list.assignedTo")}</th>
            <th className="px-3 py-2 text-right">{t("list.orders")}</th>
            <th className="px-3 py-2">{t("list.progress")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((l) => (
            <tr key={l.id} data-testid="pick-list-row" data-status={l.status} className="hover:bg-slate-50">
              <td className="px-3 py-2">
                <Link href={`/picking/${l.id}`} className="font-medium text-brand-700 hover:underline" data-testid="pick-list-link">#{l.number}</Link>
              </td>
              <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 text-xs ${BADGE[l.status]}`}>{t(`status.${l.status}`)}</span></td>
              <td className="px-3 py-2">{l.warehouseCode}</td>
              <td className="whitespace-nowrap px-3 py-2">{format.dateTime(l.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="px-3 py-2">{l.createdBy ?? "—"}</td>
              <td className="px-3 py-2">{l.assignedTo ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.orders}</td>
              <td className="px-3 py-2 tabular-nums">{t("list.progressValue", { picked: l.pickedUnits, units: l.units })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
