/** Status badges of an order's separate dimensions (stage, payment, fulfilment, hold). Server- and client-safe. */
import { useTranslations } from "next-intl";
import { fulfillmentBadgeAddsInformation } from "@/components/ui/order-badge-rules";
import type { FulfillmentStatus, HoldReason, OrderStatus, PaymentStatus } from "@/server/services/order/order-dimensions";

const base = "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium";

const STATUS_TONE: Record<OrderStatus, string> = {
  RECEIVED: "bg-slate-100 text-slate-700",
  PAYMENT_AUTHORIZED: "bg-sky-100 text-sky-800",
  FRAUD_REVIEW: "bg-amber-100 text-amber-800",
  APPROVED: "bg-brand-100 text-brand-700",
  BACKORDERED: "bg-orange-100 text-orange-800",
  ALLOCATED: "bg-indigo-100 text-indigo-800",
  PICKING: "bg-violet-100 text-violet-800",
  PACKED: "bg-violet-100 text-violet-800",
  INVOICED: "bg-cyan-100 text-cyan-800",
  SHIPPED: "bg-teal-100 text-teal-800",
  DELIVERED: "bg-green-100 text-green-800",
  RETURN_REQUESTED: "bg-rose-100 text-rose-800",
  RETURNED: "bg-rose-100 text-rose-800",
  CANCELLED: "bg-slate-200 text-slate-600 line-through decoration-slate-400",
};

const PAYMENT_TONE: Record<PaymentStatus, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  AUTHORIZED: "bg-sky-100 text-sky-800",
  PARTIALLY_PAID: "bg-amber-100 text-amber-800",
  PAID: "bg-green-100 text-green-800",
  PARTIALLY_REFUNDED: "bg-amber-100 text-amber-800",
  REFUNDED: "bg-slate-200 text-slate-700",
  FAILED: "bg-red-100 text-red-800",
  VOIDED: "bg-slate-200 text-slate-700",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("orderStatus");
  return (
    <span className={`${base} ${STATUS_TONE[status]}`} data-testid="badge-status" data-value={status}>
      {t(status)}
    </span>
  );
}

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = useTranslations("paymentStatus");
  return (
    <span className={`${base} ${PAYMENT_TONE[status]}`} data-testid="badge-payment" data-value={status}>
      {t(status)}
    </span>
  );
}

/**
 * The fulfilment badge. Given the order's stage (`besideStatus`, when the
 * badges sit together), nothing is rendered when it would only repeat the
 * stage's label ("Alocado · Pago · Alocado").
 */
export function FulfillmentStatusBadge({ status, besideStatus }: { status: FulfillmentStatus; besideStatus?: OrderStatus }) {
  const t = useTranslations("fulfillmentStatus");
  const tStatus = useTranslations("orderStatus");
  if (besideStatus && !fulfillmentBadgeAddsInformation(tStatus(besideStatus), t(status))) return null;
  const tone = status === "DELIVERED" || status === "SHIPPED" ? "bg-green-100 text-green-800" : status === "BACKORDERED" ? "bg-orange-100 text-orange-800" : "bg-slate-100 text-slate-700";
  return (
    <span className={`${base} ${tone}`} data-testid="badge-fulfillment" data-value={status}>
      {t(status)}
    </span>
  );
}

/** "On hold" — with the active reasons when known (detail page), bare in the list. */
export function HoldBadge({ reasons }: { reasons?: HoldReason[] }) {
  const t = useTranslations();
  const text = reasons && reasons.length > 0 ? t("orders.holds.badge", { reasons: reasons.map((r) => t(`holdReason.${r}`)).join(", ") }) : t("orders.list.held");
  return (
    <span className={`${base} bg-red-100 text-red-800`} data-testid="badge-hold">
      {text}
    </span>
  );
}
