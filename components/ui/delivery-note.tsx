/**
 * A channel delivery's note or error in the reader's language when Fluxo wrote
 * it (server/services/channels/delivery-notes.ts), else as stored (a
 * connector's parse error names the platform's own fields).
 */
import { useTranslations } from "next-intl";
import { readDeliveryNote } from "@/server/services/channels/delivery-notes";
import { isOrderStatus } from "@/server/services/order/order-dimensions";

export function useDeliveryNote(): (text: string | null) => string {
  const t = useTranslations();
  return (text) => {
    const note = readDeliveryNote(text);
    if (!note) return text ?? "";
    const params: Record<string, string> = { ...note.params };
    const status = note.orderStatusParam ? params[note.orderStatusParam] : undefined;
    if (note.orderStatusParam && isOrderStatus(status)) params[note.orderStatusParam] = t(`orderStatus.${status}`);
    return t(`channels.deliveries.notes.${note.key}`, params);
  };
}

/** For server pages (an async component cannot call the hook itself). */
export function DeliveryNoteText({ text }: { text: string }) {
  return <>{useDeliveryNote()(text)}</>;
}
