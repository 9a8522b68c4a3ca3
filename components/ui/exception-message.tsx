/**
 * An exception's sentence in the reader's language when its data allows it
 * (server/services/exceptions/exception-text.ts), else the English text stored
 * when it was raised. Used by the Exceptions list and the shipment page.
 */
import { useFormatter, useTranslations } from "next-intl";
import type { ExceptionText } from "@/server/services/exceptions/exception-text";
import { isOrderStatus } from "@/server/services/order/order-dimensions";
import { useChangeText } from "@/components/ui/change-piece";

export function ExceptionMessage({ message, text }: { message: string; text: ExceptionText | null }) {
  const t = useTranslations();
  const format = useFormatter();
  const change = useChangeText();
  if (!text) return <>{message}</>;
  const params = { ...text.params };
  for (const name of text.money?.params ?? []) {
    const v = params[name];
    if (typeof v === "number" && text.money) params[name] = format.number(v, { style: "currency", currency: text.money.currency });
  }
  const status = text.orderStatusParam ? params[text.orderStatusParam] : undefined;
  if (text.orderStatusParam && typeof status === "string" && isOrderStatus(status)) params[text.orderStatusParam] = t(`orderStatus.${status}`);
  if (text.changes) params.changes = text.changes.map(change).join("; ");
  const fields = text.addressFieldsParam ? params[text.addressFieldsParam] : undefined;
  if (text.addressFieldsParam && typeof fields === "string") {
    params[text.addressFieldsParam] = fields.split(",").map((f) => t(`errors.field.${f}`)).join(", ");
  }
  return <>{t(`exceptions.messages.${text.key}`, params)}</>;
}
