"use client";
/**
 * Pack station errors in the user's language: the packing rules the services
 * name in params.rule (order not found, incomplete package, override refused…)
 * get their own texts; everything else falls back to the order error texts.
 */
import { useTranslations } from "next-intl";
import { useOrderErrorText } from "@/components/ui/order-error-text";
import { isOrderStatus } from "@/server/services/order/order-dimensions";
import type { TrpcErrorLike } from "@/components/ui/error-text";

export function usePackingErrorText() {
  const t = useTranslations();
  const orderText = useOrderErrorText();
  return (error: TrpcErrorLike | null | undefined): string | null => {
    if (!error) return null;
    const params = { ...(error.data?.params ?? {}) };
    if (typeof params.current === "string" && isOrderStatus(params.current)) params.current = t(`orderStatus.${params.current}`);
    if (typeof params.holds === "string")
      params.holds = params.holds
        .split(",")
        .filter(Boolean)
        .map((h) => (t.has(`holdReason.${h}`) ? t(`holdReason.${h}`) : h))
        .join(", ");
    const rule = error.data?.domainCode === "ORDER_ON_HOLD" && params.number !== undefined ? "ON_HOLD" : params.rule;
    const key = typeof rule === "string" ? `packing.errors.${rule}` : null;
    if (key && t.has(key)) return t(key, params);
    return orderText(error);
  };
}
