/**
 * The pick lists, newest first (one keyset page, rendered on the server). Server- and client-safe. Below `md` (a
 * phone) each pick list is a card, the whole card a tap target to the list; the table shows from `md` up.
 */
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
  const badge = (l: PickListRow) => <span className={`rounded px-2 py-0.5 text-xs ${BADGE[l.status]}`}>{t(`status.${l.status}`)}</span>;
  const created = (l: PickListRow) => format.dateTime(l.createdAt, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="pick-lists-table-scroll">
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
                <td className="px-3 py-2">{badge(l)}</td>
                <td className="px-3 py-2">{l.warehouseCode}</td>
                <td className="whitespace-nowrap px-3 py-2">{created(l)}</td>
                <td className="px-3 py-2">{l.createdBy ?? "—"}</td>
                <td className="px-3 py-2">{l.assignedTo ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.orders}</td>
                <td className="px-3 py-2 tabular-nums">{t("list.progressValue", { picked: l.pickedUnits, units: l.units })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone: one card per pick list; the number's link covers the card. */}
      <ul className="space-y-2 md:hidden" data-testid="pick-lists-cards">
        {items.map((l) => (
          <li key={l.id} className="relative space-y-1 rounded-xl border border-slate-200 bg-white p-3 text-sm active:bg-slate-50" data-testid="pick-list-card" data-status={l.status}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/picking/${l.id}`} className="font-medium text-brand-700 after:absolute after:inset-0 after:rounded-xl hover:underline" data-testid="pick-list-card-link">
                #{l.number}
              </Link>
              {badge(l)}
            </div>
            <div className="flex flex-wrap justify-between gap-x-3">
              <span>{l.warehouseCode} · {t("list.orders")}: <span className="tabular-nums">{l.orders}</span></span>
              <span className="tabular-nums">{t("list.progress")}: {t("list.progressValue", { picked: l.pickedUnits, units: l.units })}</span>
            </div>
            <div className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-500">
              <span>{created(l)} · {t("list.createdBy")} {l.createdBy ?? "—"}</span>
              <span>{t("list.assignedTo")}: {l.assignedTo ?? "—"}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
