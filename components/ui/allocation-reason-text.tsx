"use client";
/** One allocation reason (server/services/stock/allocation.ts) in the user's language, by code. */
import { useTranslations } from "next-intl";
import { BRAZIL_REGIONS, type BrazilRegion } from "@/server/services/stock/brazil-regions";

export interface AllocationReasonLike {
  code: string;
  params: Record<string, string | number>;
  decisive?: boolean;
}

/** Rules compared between warehouse combinations carry `warehouses` instead of `warehouse`. */
function messageKey(r: AllocationReasonLike): string {
  if ((r.code === "MOST_AVAILABLE" || r.code === "TIE_BREAK_CODE") && r.params.warehouse === undefined) return `${r.code}_COMBO`;
  return r.code;
}

const isRegion = (v: unknown): v is BrazilRegion => (BRAZIL_REGIONS as readonly unknown[]).includes(v);

/**
 * The values of a reason's sentence: the stored params, the region in the reader's language, and whether the
 * warehouse's state is worth repeating after it (not when it is the warehouse's code, "PR (PR)", nor when unknown).
 */
export function sentenceParams(r: AllocationReasonLike, regionLabel: (region: BrazilRegion) => string): Record<string, string | number> {
  const { state, warehouse, region } = r.params;
  return {
    ...r.params,
    ...(isRegion(region) ? { region: regionLabel(region) } : {}),
    stateShown: typeof state === "string" && state !== "" && state !== warehouse ? "yes" : "no",
    // An address abroad or without a UF has no destination state to name.
    destinationKnown: typeof r.params.destinationState === "string" && r.params.destinationState !== "" ? "yes" : "no",
  };
}

export function AllocationReasonText({ reason }: { reason: AllocationReasonLike }) {
  const t = useTranslations("stock");
  const key = `reason.${messageKey(reason)}`;
  const text = t.has(key as "reason.HAS_ALL_LINES")
    ? t(key as "reason.HAS_ALL_LINES", sentenceParams(reason, (r) => t(`regions.${r}`)))
    : `${reason.code} ${JSON.stringify(reason.params)}`;
  return (
    <li className="text-sm" data-testid="dry-run-reason" data-code={reason.code}>
      {text}
      {reason.decisive && <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-brand-700">{t("dryRun.decisive")}</span>}
    </li>
  );
}
