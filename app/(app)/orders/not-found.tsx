import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** /orders/<id> of an order that does not exist (or not an order id): say so, and lead back to the list. */
export default async function OrderNotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto mt-12 max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm" data-testid="order-not-found">
      <h1 className="text-2xl font-semibold">{t("orderTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("orderBody")}</p>
      <Link href="/orders" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700" data-testid="back-to-orders">
        {t("backToOrders")}
      </Link>
    </div>
  );
}
