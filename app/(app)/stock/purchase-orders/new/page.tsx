import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/server/api/caller";
import { requireRole } from "@/server/auth/session";
import { PurchaseOrderForm } from "@/components/forms/purchase-order-form";

export default async function NewPurchaseOrderPage() {
  await requireRole("WAREHOUSE", "ADMIN");
  const [t, caller] = await Promise.all([getTranslations("purchasing.new"), serverCaller()]);
  const [locations, settings] = await Promise.all([caller.stock.locations(), caller.settings.get()]);
  const warehouses = locations.filter((w) => w.active).map((w) => ({ id: w.id, code: w.code, name: w.name }));
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/stock/purchase-orders" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <PurchaseOrderForm warehouses={warehouses} currency={settings.currency} />
    </div>
  );
}
