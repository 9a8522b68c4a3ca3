/**
 * The Shipments list (one keyset page, rendered on the server). The order
 * link is shown only to roles that may open orders. Server- and client-safe.
 * Below `md` (a phone) each shipment is a card, the whole card a tap target to
 * the shipment page; the table shows from `md` up.
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ShipmentStatusBadge } from "@/components/ui/shipment-status-badge";
import type { ShipmentRow } from "@/server/services/shipping/list-shipments";

export function ShipmentsTable({ items, canOpenOrders, canPrintLabels }: { items: ShipmentRow[]; canOpenOrders: boolean; canPrintLabels: boolean }) {
  const t = useTranslations("shipping");
  const format = useFormatter();
  // Date over time: two short lines instead of one wide column (the list must fit 1280 px).
  const when = (d: Date) => (
    <>
      <span className="block">{format.dateTime(d, { dateStyle: "short" })}</span>
      <span className="block text-xs text-slate-500">{format.dateTime(d, { timeStyle: "short" })}</span>
    </>
  );
  if (items.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="shipments-empty">{t("list.empty")}</p>;
  }
  const order = (s: ShipmentRow) =>
    canOpenOrders ? (
      <Link href={`/orders/${s.order.id}`} className="text-brand-700 hover:underline">#{s.order.number}</Link>
    ) : (
      <span>#{s.order.number}</span>
    );
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="shipments-table-scroll">
        <table className="min-w-full text-sm" data-testid="shipments-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-2 py-2 align-bottom">{t("columns.createdAt")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.tracking")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.carrier")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.status")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.order")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.package")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.destination")}</th>
              <th className="px-2 py-2 align-bottom">{t("columns.lastEvent")}</th>
              {canPrintLabels && <th className="px-2 py-2 align-bottom">{t("columns.label")}</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((s) => (
              <tr key={s.id} data-testid="shipment-row" data-id={s.id} data-status={s.status} className="align-top hover:bg-slate-50">
                <td className="whitespace-nowrap px-2 py-2">{when(s.createdAt)}</td>
                <td className="whitespace-nowrap px-2 py-2">
                  <Link href={`/shipments/${s.id}`} className="font-mono text-brand-700 hover:underline" data-testid="shipment-link">
                    {s.trackingNumber}
                  </Link>
                </td>
                <td className="px-2 py-2">
                  {s.carrier.name}
                  <span className="block whitespace-nowrap text-xs text-slate-500">{s.service}</span>
                </td>
                <td className="px-2 py-2">
                  <ShipmentStatusBadge status={s.status} />
                  {s.openExceptions > 0 && (
                    <span className="ml-2 whitespace-nowrap text-xs font-medium text-red-700" data-testid="shipment-exceptions">
                      {t("list.openExceptions", { count: s.openExceptions })}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  {order(s)}
                  {s.order.externalNumber && <span className="block text-xs text-slate-500">{s.order.externalNumber}</span>}
                </td>
                <td className="whitespace-nowrap px-2 py-2">#{s.packageNumber}</td>
                <td className="px-2 py-2">{s.destination}</td>
                <td className="whitespace-nowrap px-2 py-2 text-slate-600" data-testid="shipment-last-event">{s.lastEventAt ? when(s.lastEventAt) : "—"}</td>
                {canPrintLabels && (
                  <td className="whitespace-nowrap px-2 py-2">
                    <a href={`/api/shipments/${s.id}/label`} target="_blank" rel="noopener" className="text-brand-700 hover:underline" data-testid="shipment-label-link">{t("list.label")}</a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone: one card per shipment; the tracking number's link covers the card (the order and label links sit above it). */}
      <ul className="space-y-2 md:hidden" data-testid="shipments-cards">
        {items.map((s) => (
          <li key={s.id} className="relative space-y-1 rounded-xl border border-slate-200 bg-white p-3 text-sm active:bg-slate-50" data-testid="shipment-card" data-id={s.id} data-status={s.status}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/shipments/${s.id}`} className="min-w-0 break-all font-mono font-medium text-brand-700 after:absolute after:inset-0 after:rounded-xl hover:underline" data-testid="shipment-card-link">
                {s.trackingNumber}
              </Link>
              <ShipmentStatusBadge status={s.status} />
            </div>
            {s.openExceptions > 0 && (
              <div className="text-xs font-medium text-red-700">{t("list.openExceptions", { count: s.openExceptions })}</div>
            )}
            <div>
              {s.carrier.name} <span className="text-xs text-slate-500">· {s.service}</span>
            </div>
            <div className="text-slate-600">
              {t("columns.order")} <span className="relative">{order(s)}</span>
              {s.order.externalNumber && <span className="text-xs text-slate-500"> · {s.order.externalNumber}</span>}
              <span className="text-xs text-slate-500"> · {t("columns.package")} #{s.packageNumber}</span>
            </div>
            <div className="break-words text-slate-600">{s.destination}</div>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs text-slate-500">
              <span>
                {t("columns.createdAt")}: {format.dateTime(s.createdAt, { dateStyle: "short", timeStyle: "short" })}
              </span>
              <span>
                {t("columns.lastEvent")}: {s.lastEventAt ? format.dateTime(s.lastEventAt, { dateStyle: "short", timeStyle: "short" }) : "—"}
              </span>
              {canPrintLabels && (
                <a href={`/api/shipments/${s.id}/label`} target="_blank" rel="noopener" className="relative inline-block py-1 text-sm text-brand-700 hover:underline">
                  {t("columns.label")} ({t("list.label")})
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
