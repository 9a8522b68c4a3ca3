"use client";
/**
 * Shipping errors in the user's language: the rules the shipping services name
 * in params.rule (NF-e missing, package already shipped, box not matching the
 * reservation…) and fields (service, tracking number) get their own texts;
 * everything else falls back to the order error texts.
 */
import { useTranslations } from "next-intl";
import { useOrderErrorText } from "@/components/ui/order-error-text";
import type { TrpcErrorLike } from "@/components/ui/error-text";

export function useShippingErrorText() {
  const t = useTranslations();
  const orderText = useOrderErrorText();
  return (error: TrpcErrorLike | null | undefined): string | null => {
    if (!error) return null;
    const params = { ...(error.data?.params ?? {}) };
    const rule = typeof params.rule === "string" ? `shipping.errors.rule.${params.rule}` : null;
    if (rule && t.has(rule)) return t(rule, params);
    const field = typeof params.field === "string" ? `shipping.errors.field.${params.field}` : null;
    if (error.data?.domainCode === "VALIDATION" && field && t.has(field)) return t(field);
    const issue = error.data?.zodIssues?.[0]?.path.split(".")[0];
    if (issue && t.has(`shipping.errors.field.${issue}`)) return t(`shipping.errors.field.${issue}`);
    return orderText(error);
  };
}

export function ShippingErrorMessage({ error }: { error: TrpcErrorLike | null | undefined }) {
  const text = useShippingErrorText()(error);
  if (!text) return null;
  return (
    <p role="status" data-testid="error-message" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {text}
    </p>
  );
}
