/**
 * Why the order cannot be approved for fulfilment: its delivery address lacks
 * what a carrier needs (shipping-address.ts missingAddressFields; the state
 * machine's SHIPPING_ADDRESS_COMPLETE guard refuses APPROVE meanwhile).
 */
import { useTranslations } from "next-intl";
import type { CarrierAddressField } from "@/server/services/shipping/shipping-address";

export function AddressIncompleteNotice({ missing, noAddress, canEdit }: { missing: CarrierAddressField[]; noAddress: boolean; canEdit: boolean }) {
  const t = useTranslations();
  if (missing.length === 0) return null;
  const fields = missing.map((f) => t(`errors.field.${f}`)).join(", ");
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="address-incomplete">
      <p className="font-semibold">{t("orderAddress.incomplete.title")}</p>
      <p>{noAddress ? t("orderAddress.incomplete.noAddress") : t("orderAddress.incomplete.body", { fields })}</p>
      {canEdit && <p className="mt-1 text-amber-800">{t("orderAddress.incomplete.whoCan")}</p>}
    </div>
  );
}
