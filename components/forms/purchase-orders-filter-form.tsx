/** Filters of the purchase orders list: a plain GET form (works without JavaScript; the URL is shareable). */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PO_STATES } from "@/server/services/stock/purchase-order-state";

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function PurchaseOrdersFilterForm({ warehouses, value }: { warehouses: { id: string; code: string; name: string }[]; value: { status?: string; warehouseId?: string } }) {
  const t = useTranslations("purchasing");
  return (
    <form method="get" action="/stock/purchase-orders" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="po-filters">
      <label className="min-w-48">
        <span className="text-xs font-medium text-slate-600">{t("list.status")}</span>
        <select name="status" defaultValue={value.status ?? ""} className={field} data-testid="po-filter-status">
          <option value="">{t("list.allStatuses")}</option>
          {PO_STATES.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="min-w-48">
        <span className="text-xs font-medium text-slate-600">{t("list.warehouse")}</span>
        <select name="warehouseId" defaultValue={value.warehouseId ?? ""} className={field} data-testid="po-filter-warehouse">
          <option value="">{t("list.allWarehouses")}</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>{w.code} — {w.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">{t("list.filter")}</button>
      <Link href="/stock/purchase-orders" className="px-2 py-2 text-sm text-slate-600 hover:underline">{t("list.clear")}</Link>
    </form>
  );
}
