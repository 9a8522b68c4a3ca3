import { useTranslations } from "next-intl";
import type { PoState } from "@/server/services/stock/purchase-order-state";

const TONE: Record<PoState, string> = {
  OPEN: "bg-blue-50 text-blue-700",
  PARTIALLY_RECEIVED: "bg-amber-50 text-amber-800",
  RECEIVED: "bg-green-50 text-green-700",
  CLOSED_SHORT: "bg-orange-50 text-orange-800",
  CANCELLED: "bg-slate-100 text-slate-600",
};

/** What the merchant sees a purchase order as (purchase-order-state.ts): closed short included. */
export function PurchaseOrderStatusBadge({ status }: { status: PoState }) {
  const t = useTranslations("purchasing.status");
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`} data-testid="po-status" data-value={status}>
      {t(status)}
    </span>
  );
}
