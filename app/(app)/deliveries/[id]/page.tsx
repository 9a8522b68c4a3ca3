import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { REPROCESS_ROLES } from "@/server/services/channels/reprocess-delivery";
import { ReprocessDeliveryButton } from "@/components/forms/reprocess-delivery-button";
import { DeliveryNoteText } from "@/components/ui/delivery-note";
import { DeliveryStatusBadge } from "@/components/ui/delivery-status-badge";
import { formatMoney } from "@/components/ui/format";

const ERROR_STATUSES = new Set(["FAILED", "REJECTED"]);

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...AREAS.deliveries.roles);
  const { id } = await params;
  const [t, tp, format, locale, caller] = await Promise.all([
    getTranslations("channels.delivery"),
    getTranslations("platform"),
    getFormatter(),
    getLocale(),
    serverCaller(),
  ]);
  const d = await caller.channel.delivery({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const isError = ERROR_STATUSES.has(d.status);

  return (
    <div className="space-y-6" data-testid="delivery-detail" data-status={d.status}>
      <div>
        <Link href="/deliveries" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold">
          <span className="font-mono text-xl">{t("title", { topic: d.topic === "unknown" ? t("unknownTopic") : d.topic })}</span>
          <DeliveryStatusBadge status={d.status} />
        </h1>
        <p className="text-sm text-slate-500">
          {d.channel.name} · {tp(d.channel.platform as "SHOPIFY")}
        </p>
      </div>

      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 text-sm sm:grid-cols-4">
        <Fact label={t("key")} value={<span className="break-all font-mono text-xs">{d.deliveryKey}</span>} />
        <Fact label={t("receivedAt")} value={when(d.receivedAt)} />
        <Fact label={t("processedAt")} value={when(d.processedAt)} />
        <Fact label={t("attempts")} value={String(d.attempts)} />
      </section>

      {d.error && (
        <section className={`rounded-xl border p-4 text-sm ${isError ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50 text-slate-700"}`}>
          <h2 className="mb-1 font-semibold">{isError ? t("error") : t("note")}</h2>
          <p className="whitespace-pre-wrap break-words" data-testid="delivery-error"><DeliveryNoteText delivery={d} /></p>
        </section>
      )}

      {d.reprocessable && (REPROCESS_ROLES as readonly string[]).includes(user.role) && (
        <section className="rounded-xl border border-slate-200 bg-white p-4">
          {d.channel.active ? <ReprocessDeliveryButton deliveryId={d.id} /> : <p className="text-sm text-amber-700">{t("channelInactive")}</p>}
        </section>
      )}

      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-semibold">{t("orders")}</h2>
        {d.orders.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noOrders")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="delivery-orders">
            {d.orders.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 hover:underline" data-testid="delivery-open-order">
                  {t("openOrder", { number: o.number })}
                </Link>
                <span className="text-slate-600">{o.customerName} · <span className="font-mono text-xs">{o.externalId}</span></span>
                <span className="tabular-nums">{formatMoney(o.totalCents, o.currency, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-semibold">{t("headers")}</h2>
        {d.headers.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noHeaders")}</p>
        ) : (
          <table className="text-sm" data-testid="delivery-headers">
            <tbody>
              {d.headers.map((h) => (
                <tr key={h.name}>
                  <td className="py-0.5 pr-4 align-top font-mono text-xs text-slate-500">{h.name}</td>
                  <td className="break-all py-0.5 font-mono text-xs">{h.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-semibold">{t("body")}</h2>
        {!d.bodyIsJson && <p className="mb-2 text-xs text-slate-500">{t("bodyNotJson")}</p>}
        <pre className="max-h-[36rem] overflow-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100" data-testid="delivery-body">{d.body}</pre>
      </section>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="mt-0.5">{value}</div>
    </div>
  );
}
