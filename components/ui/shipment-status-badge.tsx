/** A shipment's status as a badge. Server- and client-safe. */
import { useTranslations } from "next-intl";
import type { ShipmentStatus } from "@/server/services/shipping/shipment-status";

const TONE: Record<ShipmentStatus, string> = {
  CREATED: "bg-slate-100 text-slate-700",
  IN_TRANSIT: "bg-sky-100 text-sky-800",
  OUT_FOR_DELIVERY: "bg-indigo-100 text-indigo-800",
  DELIVERED: "bg-green-100 text-green-800",
  DELIVERY_FAILED: "bg-amber-100 text-amber-800",
  RETURNED_TO_SENDER: "bg-red-100 text-red-800",
};

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  const t = useTranslations("shipping.status");
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status]}`} data-testid="shipment-status" data-value={status}>
      {t(status)}
    </span>
  );
}
