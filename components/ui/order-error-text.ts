"use client";
/**
 * Order errors in the user's language: the generic DomainError texts
 * (errors.<code>) with the order's stage translated, and the state machine's
 * rule ids (params.rule) and invalid fields (params.field) spelled out.
 */
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/error-message";
import { isOrderStatus } from "@/server/services/order/order-dimensions";
import type { TrpcErrorLike } from "@/components/ui/error-text";

export interface DomainErrorLike {
  code: string;
  message: string;
  params?: Record<string, string | number> | null;
}

export function useOrderErrorText() {
  const t = useTranslations();
  const generic = useErrorText();
  return (error: TrpcErrorLike | DomainErrorLike | null | undefined): string | null => {
    if (!error) return null;
    const trpc: TrpcErrorLike = "code" in error ? { message: error.message, data: { domainCode: error.code, params: error.params ?? null } } : error;
    const code = trpc.data?.domainCode ?? null;
    const params = { ...(trpc.data?.params ?? {}) };
    const current = typeof params.current === "string" && isOrderStatus(params.current) ? t(`orderStatus.${params.current}`) : (params.current ?? "");
    const rule = typeof params.rule === "string" ? `orders.errors.rule.${params.rule}` : null;
    if ((code === "GUARD_FAILED" || code === "INVALID_TRANSITION") && rule && t.has(rule)) {
      return t("orders.errors.notPossible", { current: String(current), rule: t(rule) });
    }
    const field = typeof params.field === "string" ? `orders.errors.field.${params.field}` : null;
    if (code === "VALIDATION" && field && t.has(field)) return t(field);
    if (typeof params.holds === "string") params.holds = params.holds.split(",").map((h) => (t.has(`holdReason.${h}`) ? t(`holdReason.${h}`) : h)).join(", ");
    return generic({ ...trpc, data: { ...trpc.data, domainCode: code, params: { ...params, current: String(current) } } });
  };
}
