import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { serverCaller } from "@/server/api/caller";
import { CARRIER_ADMIN_ROLES } from "@/server/services/shipping/shipping-roles";
import { CarrierCreateForm } from "@/components/forms/carrier-create-form";
import { CarrierCard } from "@/components/tables/carrier-card";

/** The public origin carriers must call: NEXTAUTH_URL when configured, else this request's host. */
async function publicOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function CarrierSettingsPage() {
  await requireRole(...CARRIER_ADMIN_ROLES);
  const [t, caller, origin] = await Promise.all([getTranslations("shipping.carriers"), serverCaller(), publicOrigin()]);
  const carriers = await caller.carrier.list();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/settings" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-4 font-semibold">{t("add")}</h2>
        <CarrierCreateForm />
      </section>
      {carriers.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <div className="space-y-4" data-testid="carrier-list">
          {carriers.map((c) => (
            <CarrierCard key={c.id} carrier={c} origin={origin} />
          ))}
        </div>
      )}
    </div>
  );
}
