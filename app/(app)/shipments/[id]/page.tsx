import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { mayViewOrders } from "@/server/services/order/order-access";
import { formatCep } from "@/server/services/shipping/shipping-address";
import { hasRole, LABEL_ROLES, TRACKING_ENTRY_ROLES } from "@/server/services/shipping/shipping-roles";
import { TrackingEventForm } from "@/components/forms/tracking-event-form";
import { ExceptionMessage } from "@/components/ui/exception-message";
import { ShipmentStatusBadge } from "@/components/ui/shipment-status-badge";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const card = "rounded-xl border border-slate-200 bg-white p-5";

export default async function ShipmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...AREAS.shipments.roles);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [t, to, format, caller] = await Promise.all([getTranslations("shipping"), getTranslations("orderStatus"), getFormatter(), serverCaller()]);
  const s = await caller.shipping.get({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const r = s.recipient;

  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/shipments" className="text-sm text-brand-700 hover:underline">← {t("detail.back")}</Link>
          <h1 className="mt-1 font-mono text-2xl font-semibold" data-testid="shipment-heading">{t("detail.heading", { tracking: s.trackingNumber })}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <ShipmentStatusBadge status={s.status} />
            <span>{s.carrier.name} · {s.service}</span>
            <span>· {t("detail.createdAt", { date: when(s.createdAt) })} {s.createdBy && t("detail.createdBy", { name: s.createdBy })}</span>
            {s.deliveredAt && <span>· {t("detail.deliveredAt", { date: when(s.deliveredAt) })}</span>}
          </p>
        </div>
        {hasRole(LABEL_ROLES, user) && (
          <a href={`/api/shipments/${s.id}/label`} target="_blank" rel="noopener" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="label-link">
            {t("detail.label")}
          </a>
        )}
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section className={card}>
          <h2 className="mb-2 text-sm font-semibold text-slate-500">{t("columns.order")}</h2>
          <p className="font-medium">
            {mayViewOrders(user.role) ? (
              <Link href={`/orders/${s.order.id}`} className="text-brand-700 hover:underline" data-testid="shipment-order-link">{t("detail.order", { number: s.order.number })}</Link>
            ) : (
              t("detail.order", { number: s.order.number })
            )}
            {s.order.externalNumber && <span className="text-slate-400"> · {s.order.externalNumber}</span>}
          </p>
          <p className="text-sm text-slate-600" data-testid="shipment-order-status">{t("detail.orderStatus")}: {to(s.order.status)}</p>
        </section>
        <section className={card}>
          <h2 className="mb-2 text-sm font-semibold text-slate-500">{t("detail.package", { number: s.pkg.number })}</h2>
          {s.pkg.items.length > 0 && (
            <ul className="text-sm">
              {s.pkg.items.map((i) => (
                <li key={i.sku}><span className="whitespace-nowrap font-mono">{i.sku}</span> × {i.quantity}</li>
              ))}
            </ul>
          )}
          {s.pkg.weightGrams && <p className="text-sm text-slate-600">{t("create.weight", { kg: format.number(s.pkg.weightGrams / 1000, { maximumFractionDigits: 3 }) })}</p>}
        </section>
        <section className={card}>
          <h2 className="mb-2 text-sm font-semibold text-slate-500">{t("detail.recipient")}</h2>
          <address className="text-sm not-italic">
            <div className="font-medium">{r.name}</div>
            {[r.line1, r.line2, r.district].filter(Boolean).map((l) => <div key={l}>{l}</div>)}
            <div>{[r.city, r.state].filter(Boolean).join(" - ")}</div>
            {r.postalCode && <div>CEP {formatCep(r.postalCode)}</div>}
          </address>
        </section>
      </div>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.exceptions")}</h2>
        {s.exceptions.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noExceptions")}</p>
        ) : (
          <ul className="space-y-2" data-testid="shipment-exceptions-list">
            {s.exceptions.map((e) => (
              <li key={e.id} className="text-sm" data-testid="shipment-exception" data-type={e.type} data-status={e.status}>
                <span className={`font-medium ${e.status === "OPEN" ? "text-red-700" : "text-slate-500"}`}>
                  {t.has(`exceptionType.${e.type}`) ? t(`exceptionType.${e.type}` as "exceptionType.SHIPMENT_LATE") : e.type}
                </span>{" "}
                · {e.status === "OPEN" ? t("detail.exceptionOpen") : t("detail.exceptionResolved", { date: when(e.resolvedAt ?? e.createdAt) })}
                <div className="text-slate-600"><ExceptionMessage message={e.message} text={e.text} /></div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.events")}</h2>
        {s.events.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noEvents")}</p>
        ) : (
          <ol className="relative space-y-3 border-l border-slate-200 pl-5" data-testid="tracking-events">
            {s.events.map((e) => {
              const history = !e.applied;
              return (
                <li key={e.id} className="relative text-sm" data-testid="tracking-event" data-status={e.status}>
                  <span className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-500" aria-hidden />
                  <div className="flex flex-wrap items-center gap-2">
                    <ShipmentStatusBadge status={e.status} />
                    <time dateTime={e.occurredAt.toISOString()} className="text-slate-600">{when(e.occurredAt)}</time>
                    {e.location && <span className="text-slate-600">· {e.location}</span>}
                    <span className="text-xs text-slate-400">· {t(`detail.source.${e.source === "manual" ? "manual" : "carrier"}`)}</span>
                    {history && <span className="text-xs text-slate-400">· {t("detail.historyOnly")}</span>}
                  </div>
                  {e.description && <div className="text-slate-700">{e.description}</div>}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {hasRole(TRACKING_ENTRY_ROLES, user) && (
        <section className={card}>
          <h2 className="mb-3 font-semibold">{t("event.title")}</h2>
          <TrackingEventForm shipmentId={s.id} />
        </section>
      )}
    </div>
  );
}
