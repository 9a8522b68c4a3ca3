import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { serverCaller } from "@/server/api/caller";
import { mayViewOrders } from "@/server/services/order/order-access";
import { SHIPMENT_CREATE_ROLES } from "@/server/services/shipping/shipping-roles";
import { CreateShipmentForm } from "@/components/forms/create-shipment-form";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewShipmentPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...SHIPMENT_CREATE_ROLES);
  const raw = (await searchParams).packageId;
  const packageId = typeof raw === "string" && UUID.test(raw) ? raw : undefined;
  const [t, format, caller] = await Promise.all([getTranslations("shipping.create"), getFormatter(), serverCaller()]);
  const [packages, carriers] = await Promise.all([caller.shipping.readyPackages(packageId ? { packageId } : {}), caller.shipping.carrierOptions()]);
  const canOpenOrders = mayViewOrders(user.role);

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/shipments" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-4 font-semibold">{t("ready")}</h2>
        {packages.ready.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="ready-empty">{t("readyEmpty")}</p>
        ) : (
          <CreateShipmentForm packages={packages.ready} carriers={carriers} {...(packageId ? { selected: packageId } : {})} />
        )}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="font-semibold">{t("awaiting")}</h2>
        <p className="mb-3 text-sm text-slate-500">{t("awaitingHelp")}</p>
        {packages.awaitingInvoice.length === 0 ? (
          <p className="text-sm text-slate-500">{t("awaitingEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="awaiting-invoice">
            {packages.awaitingInvoice.map((p) => (
              <li
                key={p.id}
                className={`flex flex-wrap items-center justify-between gap-2 py-2 ${p.id === packageId ? "bg-amber-50" : ""}`}
                data-testid="awaiting-package"
                data-package-id={p.id}
                data-order-id={p.order.id}
              >
                <span>
                  <span className="font-medium">{t("package", { number: p.number })}</span> · {t("order", { number: p.order.number })}
                  {p.order.externalNumber && <span className="text-slate-500"> ({t("channelNumber", { number: p.order.externalNumber })})</span>}
                  <span className="text-slate-500"> · {p.destination}</span>
                  {p.order.shipBy && <span className="text-slate-500"> · {t("shipBy", { date: format.dateTime(p.order.shipBy, { dateStyle: "short" }) })}</span>}
                </span>
                {canOpenOrders && (
                  <Link href={`/orders/${p.order.id}`} className="text-brand-700 hover:underline" data-testid="awaiting-order-link">{t("openOrder")}</Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
