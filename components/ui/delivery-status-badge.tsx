/** A channel delivery's status as a badge. Server- and client-safe. */
import { useTranslations } from "next-intl";
import type { DeliveryStatus } from "@/server/services/channels/list-deliveries";

const TONE: Record<DeliveryStatus, string> = {
  RECEIVED: "bg-sky-100 text-sky-800",
  PROCESSED: "bg-green-100 text-green-800",
  DUPLICATE: "bg-slate-100 text-slate-700",
  IGNORED: "bg-amber-100 text-amber-800",
  REJECTED: "bg-red-100 text-red-800",
  FAILED: "bg-red-100 text-red-800",
};

/** The status-filter value (and badge) of a notification whose order document has not been delivered: stored PROCESSED, no order. */
export const AWAITING_DOCUMENT = "AWAITING_DOCUMENT";

export function DeliveryStatusBadge({ status, awaitingDocument = false }: { status: DeliveryStatus; awaitingDocument?: boolean }) {
  const t = useTranslations("channels.deliveryStatus");
  if (awaitingDocument) {
    return (
      <span
        className="inline-flex items-center whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800"
        data-testid="delivery-status"
        data-value={AWAITING_DOCUMENT}
        title={t(status)}
      >
        {t(AWAITING_DOCUMENT)}
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status]}`}
      data-testid="delivery-status"
      data-value={status}
    >
      {t(status)}
    </span>
  );
}
