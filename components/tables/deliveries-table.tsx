/**
 * The Channel deliveries list (one keyset page, rendered on the server; "Older
 * deliveries" links to the next page). Server- and client-safe.
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useDeliveryNote } from "@/components/ui/delivery-note";
import { DeliveryStatusBadge } from "@/components/ui/delivery-status-badge";
import type { DeliveryRow } from "@/server/services/channels/list-deliveries";

/** The topic stored when a connector could not read one from the delivery (receive-delivery.ts). */
const UNKNOWN_TOPIC = "unknown";

/** `filtered`: a filter (or an older page) is applied, so "none" means "none of these", not "none yet". */
export function DeliveriesTable({ items, filtered = true }: { items: DeliveryRow[]; filtered?: boolean }) {
  const t = useTranslations("channels.deliveries");
  const tp = useTranslations("platform");
  const note = useDeliveryNote();
  const format = useFormatter();
  if (items.length === 0 && filtered) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="deliveries-empty">{t("empty")}</p>;
  }
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6" data-testid="deliveries-none-yet">
        <p className="font-medium">{t("noneYet.title")}</p>
        <p className="mt-1 text-sm text-slate-500">
          {t.rich("noneYet.body", {
            link: (chunks) => (
              <Link href="/settings/channels" className="text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="deliveries-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("receivedAt")}</th>
            <th className="px-3 py-2">{t("channel")}</th>
            <th className="px-3 py-2">{t("topic")}</th>
            <th className="px-3 py-2">{t("status")}</th>
            <th className="px-3 py-2">{t("order")}</th>
            <th className="px-3 py-2 text-right">{t("attempts")}</th>
            <th className="px-3 py-2">{t("errorOrNote")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-status={d.status} data-id={d.id} className="align-top hover:bg-slate-50">
              <td className="whitespace-nowrap px-3 py-2">
                <Link href={`/deliveries/${d.id}`} className="text-brand-700 hover:underline" data-testid="delivery-link">
                  {format.dateTime(d.receivedAt, { dateStyle: "short", timeStyle: "medium" })}
                </Link>
              </td>
              <td className="px-3 py-2">
                {d.channel.name} <span className="text-slate-400">· {tp(d.channel.platform as "SHOPIFY")}</span>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{d.topic === UNKNOWN_TOPIC ? <span className="font-sans italic text-slate-500" data-testid="topic-unknown">{t("unknownTopic")}</span> : d.topic}</td>
              <td className="px-3 py-2"><DeliveryStatusBadge status={d.status} awaitingDocument={d.awaitingDocument} /></td>
              <td className="px-3 py-2">
                {d.order ? (
                  <Link href={`/orders/${d.order.id}`} className="text-brand-700 hover:underline" data-testid="delivery-order-link">
                    #{d.order.number}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{d.attempts}</td>
              <td className="max-w-md px-3 py-2 text-slate-600">
                <span className="line-clamp-2 break-words" title={d.error ? note(d) : undefined}>{note(d)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
