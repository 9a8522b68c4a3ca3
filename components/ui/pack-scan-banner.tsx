"use client";
/**
 * What the last scan did, impossible to miss: an accepted unit flashes green;
 * a wrong, extra or unreadable item fills the width in red, saying what was
 * scanned and what is still expected. Errors (order not found, close refused)
 * use the same red banner.
 */
import { useTranslations } from "next-intl";

export interface ScanParams {
  scanned: string;
  sku?: string;
  productName?: string;
  lineScanned?: number;
  lineQuantity?: number;
  expectedSkus: string;
  remainingUnits: number;
}

export type Feedback =
  | { kind: "accepted"; params: ScanParams; key: number }
  | { kind: "refused"; result: "WRONG_ITEM" | "OVER_SCAN" | "UNKNOWN_CODE"; params: ScanParams; key: number }
  | { kind: "error"; text: string; key: number };

export function PackScanBanner({ feedback }: { feedback: Feedback | null }) {
  const t = useTranslations("packing.scan");
  if (!feedback) return null;
  if (feedback.kind === "accepted") {
    const p = feedback.params;
    return (
      <div
        key={feedback.key}
        role="status"
        data-testid="pack-accepted"
        className="rounded-lg border-4 border-green-600 bg-green-100 px-6 py-4 text-2xl font-semibold text-green-900"
      >
        ✓ {t("ACCEPTED", { sku: p.sku ?? "", productName: p.productName ?? "", lineScanned: p.lineScanned ?? 0, lineQuantity: p.lineQuantity ?? 0 })}
      </div>
    );
  }
  if (feedback.kind === "error") {
    return (
      <div
        key={feedback.key}
        role="alert"
        data-testid="pack-error"
        className="rounded-lg bg-red-600 px-6 py-5 text-2xl font-bold text-white shadow-lg"
      >
        {feedback.text}
      </div>
    );
  }
  const p = feedback.params;
  return (
    <div
      key={feedback.key}
      role="alert"
      data-testid="pack-banner"
      data-result={feedback.result}
      className="animate-pulse rounded-lg bg-red-600 px-6 py-5 text-white shadow-lg [animation-iteration-count:3]"
    >
      <p className="text-3xl font-black tracking-tight" data-testid="pack-banner-message">
        ✕ {t(feedback.result, { scanned: p.scanned, sku: p.sku ?? "", lineQuantity: p.lineQuantity ?? 0 })}
      </p>
      <p className="mt-2 text-xl font-semibold" data-testid="pack-banner-expected">
        {p.remainingUnits > 0 ? t("stillExpected", { expectedSkus: p.expectedSkus, remaining: p.remainingUnits }) : t("nothingExpected")}
      </p>
      <p className="mt-1 text-sm opacity-90">{t("logged")}</p>
    </div>
  );
}
