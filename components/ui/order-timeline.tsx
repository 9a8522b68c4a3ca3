/** The order timeline, newest first: what happened, who, when (merchant time zone), from → to, and why. */
import { useFormatter, useTranslations } from "next-intl";
import { isHoldReason, isOrderStatus, isPaymentStatus, type OrderStatus, type PaymentStatus } from "@/server/services/order/order-dimensions";
import { timelineLabelKeys } from "@/server/services/order/timeline-event-types";
import { changesOf } from "@/server/services/exceptions/exception-text";
import { useActorLabel } from "@/components/ui/actor-label";
import { reasons } from "@/components/ui/allocation-decision";
import { AllocationReasonText, type AllocationReasonLike } from "@/components/ui/allocation-reason-text";
import { useLedgerReason } from "@/components/ui/ledger-reason";
import { useChangeText } from "@/components/ui/change-piece";
import { TimelineAddressChange } from "@/components/ui/timeline-address-change";

export interface TimelineEvent {
  id: string;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorLabel: string;
  reason: string | null;
  data: unknown;
  createdAt: Date;
}

function dataText(data: unknown, key: string): string | null {
  if (typeof data !== "object" || data === null) return null;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/** Allocation reasons (by code) a stock event carries: shown translated instead of its English summary. */
function reasonsOf(type: string, data: unknown): AllocationReasonLike[] | null {
  if (!type.startsWith("stock.") || typeof data !== "object" || data === null) return null;
  const list = reasons((data as { reasons?: unknown }).reasons);
  return list && list.length > 0 ? list : null;
}

/** A payment status change the event carries (refunds, the channel's own status), when it is one. */
function paymentMove(data: unknown): { from: PaymentStatus; to: PaymentStatus } | null {
  if (typeof data !== "object" || data === null) return null;
  const p = (data as { payment?: { from?: unknown; to?: unknown } }).payment;
  if (!p || !isPaymentStatus(p.from) || !isPaymentStatus(p.to) || p.from === p.to) return null;
  return { from: p.from, to: p.to };
}

export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const actor = useActorLabel();
  const stockReason = useLedgerReason();
  const changeText = useChangeText();
  const status = (s: string) => (isOrderStatus(s) ? t(`orderStatus.${s}`) : s);
  const label = (type: string, data: unknown) => {
    const key = timelineLabelKeys(type, data)
      .map((k) => `orders.timeline.events.${k}`)
      .find((k) => t.has(k));
    return key ? t(key) : type;
  };
  if (events.length === 0) return <p className="text-sm text-slate-500">{t("orders.timeline.empty")}</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {events.map((e) => {
        const note = dataText(e.data, "note");
        const invoice = dataText(e.data, "invoiceNumber");
        const invoiceSeries = dataText(e.data, "invoiceSeries");
        const tracking = e.type.startsWith("shipment.") ? dataText(e.data, "trackingNumber") : null;
        const location = e.type === "shipment.tracking" ? dataText(e.data, "location") : null;
        const moved = e.fromStatus !== null && e.toStatus !== null && e.fromStatus !== e.toStatus;
        const payment = paymentMove(e.data);
        // A paid order stopped (CANCEL / REJECT), or money that arrived on a cancelled one: the state machine flagged the refund it owes.
        const refundDue = typeof e.data === "object" && e.data !== null && (e.data as { refundDue?: unknown }).refundDue === true;
        const allocationReasons = reasonsOf(e.type, e.data);
        const changes = e.type === "order.channel_change_not_applied" ? changesOf((e.data as { diff?: unknown } | null)?.diff, (e.data as { currency?: unknown } | null)?.currency) : null;
        const why = allocationReasons || changes ? null : e.reason;
        return (
          <li key={e.id} className="relative" data-testid="timeline-event" data-type={e.type}>
            <span className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-500" aria-hidden />
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium">{label(e.type, e.data)}</span>
              {moved && (
                <span className="text-slate-600" data-testid="timeline-transition">
                  {status(e.fromStatus!)} → {status(e.toStatus!)}
                </span>
              )}
            </div>
            <div className="text-xs text-slate-500">
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short" })}</time>{" "}
              · {t("orders.timeline.by", { actor: actor(e.actorLabel) })}
            </div>
            {why && (
              <div className="text-sm text-slate-700" data-testid="timeline-reason">
                {t("orders.timeline.reason", { reason: isHoldReason(why) ? t(`holdReason.${why}`) : stockReason(why) })}
              </div>
            )}
            {allocationReasons && <ul className="list-disc pl-5 text-slate-700" data-testid="timeline-allocation-reasons">{allocationReasons.map((r, i) => <AllocationReasonText key={i} reason={r} />)}</ul>}
            {changes && (
              <ul className="list-disc pl-5 text-sm text-slate-700" data-testid="timeline-changes">
                {changes.map((c, i) => <li key={i}>{changeText(c)}</li>)}
              </ul>
            )}
            <TimelineAddressChange type={e.type} data={e.data} />
            {note && <div className="text-sm text-slate-700">{t("orders.timeline.note", { note: stockReason(note) })}</div>}
            {invoice && (
              <div className="text-sm text-slate-700" data-testid="timeline-invoice">
                {invoiceSeries ? t("orders.timeline.invoiceWithSeries", { number: invoice, series: invoiceSeries }) : t("orders.timeline.invoice", { number: invoice })}
              </div>
            )}
            {tracking && (
              <div className="text-sm text-slate-700" data-testid="timeline-shipment">
                {t("orders.timeline.shipment", { carrier: dataText(e.data, "carrier") ?? "", trackingNumber: tracking })}
              </div>
            )}
            {location && <div className="text-sm text-slate-700">{t("orders.timeline.location", { location })}</div>}
            {payment && (
              <div className="text-sm text-slate-700" data-testid="timeline-payment">
                {t("orders.timeline.payment", { from: t(`paymentStatus.${payment.from}`), to: t(`paymentStatus.${payment.to}`) })}
              </div>
            )}
            {refundDue && (
              <div className="text-sm font-medium text-red-800" data-testid="timeline-refund-due">
                {t(e.type === "order.paid_after_cancel" ? "orders.timeline.refundDueAfterCancel" : "orders.timeline.refundDue")}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
