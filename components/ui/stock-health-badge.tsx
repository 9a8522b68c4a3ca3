/** A SKU's stock health (out / low / ok). Server- and client-safe. */
import { useTranslations } from "next-intl";

export type StockHealth = "OUT" | "LOW" | "OK";

const TONE: Record<StockHealth, string> = {
  OUT: "bg-red-100 text-red-700",
  LOW: "bg-amber-100 text-amber-800",
  OK: "bg-green-100 text-green-800",
};

export function StockHealthBadge({ health }: { health: StockHealth }) {
  const t = useTranslations("stock.health");
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[health]}`} data-testid="stock-health" data-value={health}>
      {t(health)}
    </span>
  );
}
