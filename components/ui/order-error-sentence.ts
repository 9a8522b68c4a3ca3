/**
 * An order error as a sentence in the reader's language, pure (a next-intl
 * translator in, text out), so a server page and a unit test can use it as
 * well as a form (order-error-text.ts wraps it in a hook): the generic
 * DomainError texts (errors.<code>, error-text.ts) with the order's stage
 * translated, and the state machine's rule ids (params.rule) and invalid
 * fields (params.field) spelled out (orders.errors.*).
 */
import { errorText, type Translate, type TrpcErrorLike } from "@/components/ui/error-text";
import { isOrderStatus } from "@/server/services/order/order-dimensions";

export interface DomainErrorLike {
  code: string;
  message: string;
  params?: Record<string, string | number> | null;
}

export function orderErrorText(t: Translate, error: TrpcErrorLike | DomainErrorLike | null | undefined): string | null {
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
  return errorText(t, { ...trpc, data: { ...trpc.data, domainCode: code, params: { ...params, current: String(current) } } });
}
