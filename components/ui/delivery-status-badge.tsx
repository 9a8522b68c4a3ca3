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

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("channels.deliveryStatus");
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
