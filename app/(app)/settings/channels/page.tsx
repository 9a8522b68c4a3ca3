import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { PASTED_SECRET_PLATFORMS } from "@/server/services/channels/channel-setup";
import { ChannelCreateForm } from "@/components/forms/channel-create-form";
import { ChannelCard } from "@/components/tables/channel-card";

/** The public origin platforms must call: NEXTAUTH_URL when configured (the public URL behind a proxy), else this request's host. */
async function publicOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ChannelSettingsPage() {
  await requireRole(...AREAS.settings.roles);
  const [t, caller, origin] = await Promise.all([getTranslations("channels.manage"), serverCaller(), publicOrigin()]);
  const [channels, settings] = await Promise.all([caller.channel.list(), caller.settings.get()]);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/settings" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-4 font-semibold">{t("add")}</h2>
        <ChannelCreateForm pastedSecretPlatforms={PASTED_SECRET_PLATFORMS} defaultCurrency={settings.currency} />
      </section>
      {channels.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <div className="space-y-4" data-testid="channel-list">
          {channels.map((c) => (
            <ChannelCard key={c.id} channel={c} origin={origin} />
          ))}
        </div>
      )}
    </div>
  );
}
