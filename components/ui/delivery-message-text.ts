/**
 * A delivery's note or error as a sentence in the reader's language, pure (a
 * next-intl translator in, text out) so both languages are tested: the message
 * the read model found in it (server/services/channels/delivery-message.ts),
 * else the text as stored (one written before messages had rules).
 */
import type { Translate } from "@/components/ui/error-text";
import { orderErrorText } from "@/components/ui/order-error-sentence";
import type { DeliveryMessage } from "@/server/services/channels/delivery-message";
import { refusalMessage } from "@/server/services/channels/delivery-refusals";
import { isOrderStatus } from "@/server/services/order/order-dimensions";
import { readAddressSource } from "@/server/channels/address-sources";
import { readVerifyReason } from "@/server/channels/verify-reasons";

/** A delivery as the read model (get-delivery, list-deliveries) returns it. */
export interface DeliveryTextSource {
  error: string | null;
  message: DeliveryMessage | null;
}

export function deliveryMessageText(t: Translate, { error, message }: DeliveryTextSource): string {
  if (!message) return error ?? "";
  if (message.kind === "parseError") return t(`channelErrors.${message.key}`, message.params);
  // A service refused the change: its DomainError, worded as the order pages word it (a sentence that names a
  // detail the error did not give shows the service's own message there).
  if (message.kind === "refusal") {
    const params = { detail: refusalMessage(error) ?? "", ...message.params };
    return t("channels.deliveries.refused", { reason: orderErrorText(t, { code: message.key, message: error ?? "", params }) ?? "" });
  }
  const params: Record<string, string> = { ...message.params };
  // Why a signature was refused is a text of its own (server/channels/verify-reasons.ts).
  const reason = message.key === "signatureFailed" ? readVerifyReason(params.reason) : null;
  if (reason) params.reason = t(`channels.deliveries.verify.${reason.key}`, reason.params);
  // So is the document an address came from (server/channels/address-sources.ts).
  const source = message.key === "addressBeforeOrder" ? readAddressSource(params.source) : null;
  if (source) params.source = t(`channels.deliveries.sources.${source.key}`, source.params);
  const status = message.orderStatusParam ? params[message.orderStatusParam] : undefined;
  if (message.orderStatusParam && isOrderStatus(status)) params[message.orderStatusParam] = t(`orderStatus.${status}`);
  return t(`channels.deliveries.notes.${message.key}`, params);
}
