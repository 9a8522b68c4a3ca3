/**
 * A channel delivery's note or error in the reader's language when Fluxo can
 * read it (a note it wrote, a connector's parse error), else as stored
 * (delivery-message-text.ts).
 */
import { useTranslations } from "next-intl";
import { deliveryMessageText, type DeliveryTextSource } from "@/components/ui/delivery-message-text";

export function useDeliveryNote(): (delivery: DeliveryTextSource) => string {
  const t = useTranslations();
  return (delivery) => deliveryMessageText(t, delivery);
}

/** For server pages (an async component cannot call the hook itself). */
export function DeliveryNoteText({ delivery }: { delivery: DeliveryTextSource }) {
  return <>{useDeliveryNote()(delivery)}</>;
}
