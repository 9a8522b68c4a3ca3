"use client";
/** Which orders a new pick list left out, counted by reason. */
import { useTranslations } from "next-intl";

const REASONS = ["NOT_FOUND", "WRONG_WAREHOUSE", "NOT_ALLOCATED", "ON_HOLD", "IN_OPEN_LIST", "BUSY", "NO_UNITS", "LARGER_THAN_MAX_UNITS", "NO_ROOM", "NO_BIN_STOCK"] as const;
type Reason = (typeof REASONS)[number];

export function PickSkipSummary({ skipped, count }: { skipped: { orderId: string; reason: string }[]; count: number }) {
  const t = useTranslations("picking");
  if (count === 0) return null;
  const byReason = new Map<Reason, number>();
  for (const s of skipped) {
    if ((REASONS as readonly string[]).includes(s.reason)) byReason.set(s.reason as Reason, (byReason.get(s.reason as Reason) ?? 0) + 1);
  }
  return (
    <p className="text-sm text-amber-800" data-testid="pick-skipped">
      {t("wave.skipped", { count })} {[...byReason].map(([r, n]) => `${t(`skipReason.${r}`)} (${n})`).join(", ")}
    </p>
  );
}
