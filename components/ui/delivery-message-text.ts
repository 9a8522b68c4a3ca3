/**
 * A delivery's note or error as a sentence in the reader's language, pure (a
 * next-intl translator in, text out) so both languages are tested: the message
 * the read model found in it (server/services/channels/delivery-message.ts),
 * else the text as stored (one written before messages had rules).
 */
import type { Translate } from "@/components/ui/error-text";
import type { DeliveryMessage } from "@/server/services/channels/delivery-message";
import { isOrderStatus } from "@/server/services/order/order-dimensions";
import { readVerifyReason } from "@/server/channels/verify-reasons";

/** A delivery as the read model (get-delivery, list-deliveries) returns it. */
export interface DeliveryTextSource {
  error: string | null;
  message: DeliveryMessage | null;
}

export function deliveryMessageText(t: Translate, { error, message }: DeliveryTextSource): string {
  if (!message) return error ?? "";
  if (message.kind === "parseError") return t(`channelErrors.${message.key}`, message.params);
  const params: Record<string, string> = { ...message.params };
  // Why a signature was refused is a text of its own (server/channels/verify-reasons.ts).
  const reason = message.key === "signatureFailed" ? readVerifyReason(params.reason) : null;
  if (reason) params.reason = t(`channels.deliveries.verify.${reason.key}`, reason.params);
  const status = message.orderStatusParam ? params[message.orderStatusParam] : undefined;
  if (message.orderStatusParam && isOrderStatus(status)) params[message.orderStatusParam] = t(`orderStatus.${status}`);
  return t(`channels.deliveries.notes.${message.key}`, params);
}
