import { useTranslations } from "next-intl";

type Status = "OPEN" | "PARTIALLY_RECEIVED" | "RECEIVED" | "CANCELLED";

const TONE: Record<Status, string> = {
  OPEN: "bg-blue-50 text-blue-700",
  PARTIALLY_RECEIVED: "bg-amber-50 text-amber-800",
  RECEIVED: "bg-green-50 text-green-700",
  CANCELLED: "bg-slate-100 text-slate-600",
};

export function PurchaseOrderStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("purchasing.status");
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`} data-testid="po-status">
      {t(status)}
    </span>
  );
}
