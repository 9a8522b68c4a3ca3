/** Filters of the Shipments page: a plain GET form (works without JavaScript; the URL is shareable). */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SHIPMENT_STATUSES } from "@/server/services/shipping/shipment-status";

export interface ShipmentFilterValue {
  status?: string;
  carrierId?: string;
  exception?: "yes" | "no";
  from?: string;
  to?: string;
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function ShipmentsFilterForm({ carriers, value }: { carriers: { id: string; name: string }[]; value: ShipmentFilterValue }) {
  const t = useTranslations("shipping");
  return (
    <form method="get" action="/shipments" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="shipments-filters">
      <label className="min-w-44">
        <span className="text-xs font-medium text-slate-600">{t("filters.status")}</span>
        <select name="status" defaultValue={value.status ?? ""} className={field} data-testid="filter-status">
          <option value="">{t("filters.allStatuses")}</option>
          {SHIPMENT_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="min-w-44">
        <span className="text-xs font-medium text-slate-600">{t("filters.carrier")}</span>
        <select name="carrierId" defaultValue={value.carrierId ?? ""} className={field} data-testid="filter-carrier">
          <option value="">{t("filters.allCarriers")}</option>
          {carriers.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <label className="min-w-44">
        <span className="text-xs font-medium text-slate-600">{t("filters.exception")}</span>
        <select name="exception" defaultValue={value.exception ?? ""} className={field} data-testid="filter-exception">
          <option value="">{t("filters.anyException")}</option>
          <option value="yes">{t("filters.withException")}</option>
          <option value="no">{t("filters.withoutException")}</option>
        </select>
      </label>
      <label>
        <span className="text-xs font-medium text-slate-600">{t("filters.from")}</span>
        <input type="date" name="from" defaultValue={value.from ?? ""} className={field} />
      </label>
      <label>
        <span className="text-xs font-medium text-slate-600">{t("filters.to")}</span>
        <input type="date" name="to" defaultValue={value.to ?? ""} className={field} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">{t("filters.filter")}</button>
      <Link href="/shipments" className="px-2 py-2 text-sm text-slate-600 hover:underline">{t("filters.clear")}</Link>
    </form>
  );
}
