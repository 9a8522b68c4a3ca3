import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { SettingsForm } from "@/components/forms/settings-form";
import { ExpireUnpaidButton } from "@/components/forms/expire-unpaid-button";
import { timeZoneOptions } from "@/server/lib/time-zone-options";
import { WarehouseAddressForm } from "@/components/forms/warehouse-address-form";

export default async function SettingsPage() {
  await requireRole(...AREAS.settings.roles);
  const [t, tc, caller] = await Promise.all([getTranslations("settings"), getTranslations("channels.manage"), serverCaller()]);
  const [settings, warehouses, tw] = await Promise.all([caller.settings.get(), caller.settings.warehouses(), getTranslations("warehouses")]);
  const tCarriers = await getTranslations("shipping.carriers");
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-4 font-semibold">{t("merchant")}</h2>
        <SettingsForm initial={settings} timeZones={zones(settings.timeZone)} />
        <div className="mt-6 border-t border-slate-100 pt-4">
          <ExpireUnpaidButton enabled={settings.unpaidReservationHours !== null} />
        </div>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6" data-testid="warehouse-addresses">
        <h2 className="font-semibold">{tw("title")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-500">{tw("help")}</p>
        {warehouses.length === 0 ? <p className="text-sm text-slate-500">{tw("none")}</p> : warehouses.map((w) => <WarehouseAddressForm key={w.id} warehouse={w} />)}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <Link href="/settings/channels" className="font-semibold text-brand-700 hover:underline" data-testid="settings-channels-link">
          {tc("link")}
        </Link>
        <p className="mt-1 text-sm text-slate-500">{tc("linkHelp")}</p>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <Link href="/settings/carriers" className="font-semibold text-brand-700 hover:underline" data-testid="settings-carriers-link">
          {tCarriers("link")}
        </Link>
        <p className="mt-1 text-sm text-slate-500">{tCarriers("linkHelp")}</p>
      </section>
    </div>
  );
}

/** Every zone the runtime knows, labelled; the saved one kept even if the runtime no longer lists it. */
function zones(current: string) {
  const ids = Intl.supportedValuesOf("timeZone");
  return timeZoneOptions(ids.includes(current) ? ids : [current, ...ids]);
}
