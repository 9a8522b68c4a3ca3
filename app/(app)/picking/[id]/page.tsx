import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { PickListWork } from "@/components/forms/pick-list-work";
import { toteLabel } from "@/server/services/packing/parse-pack-code";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PickListPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(...AREAS.picking.roles);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [t, ts, format, caller] = await Promise.all([getTranslations("picking"), getTranslations("orderStatus"), getFormatter(), serverCaller()]);
  const view = await caller.picking.get({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!view) notFound();
  const open = view.status === "OPEN";

  return (
    <div className="space-y-4">
      <Link href="/picking" className="text-sm text-brand-700 hover:underline">← {t("detail.back")}</Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="pick-list-title">
            {t("detail.title", { number: view.number })}{" "}
            <span className="align-middle text-sm font-normal text-slate-500">{t(`status.${view.status}`)}</span>
          </h1>
          <p className="text-sm text-slate-600">
            {t("detail.summary", { warehouse: view.warehouse.code, orders: view.totals.orders, lines: view.totals.lines, units: view.totals.units })}
          </p>
          <p className="text-sm text-slate-500">
            {view.createdBy ? t("detail.createdBy", { name: view.createdBy }) : null} · {format.dateTime(view.createdAt, { dateStyle: "short", timeStyle: "short" })} ·{" "}
            {view.assignedTo ? t("detail.assignedTo", { name: view.assignedTo }) : t("detail.unassigned")}
          </p>
        </div>
        <div className="flex gap-2">
          <Link href={`/picking/${view.id}/print`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" data-testid="pick-list-print">
            {t("detail.print")}
          </Link>
          <a href={`/api/picking/${view.id}/pdf`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" data-testid="pick-list-pdf">
            {t("detail.pdf")}
          </a>
        </div>
      </div>
      <PickListWork pickListId={view.id} open={open} lines={view.lines} pendingLines={view.totals.pendingLines} />
      <section className="space-y-2">
        <h2 className="font-semibold">{t("detail.totes")}</h2>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="pick-list-totes">
          {view.orders.map((o) => (
            <li key={o.orderId} className="rounded border border-slate-200 bg-white px-2 py-1" data-testid="pick-list-tote" data-code={toteLabel(view.number, o.tote)}>
              <span className="font-semibold">{t("detail.toteName", { tote: o.tote })}</span> ·{" "}
              <span className="whitespace-nowrap font-mono">{toteLabel(view.number, o.tote)}</span> · #{o.number} ·{" "}
              <span className="text-slate-500">{ts(o.status as "PICKING")}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
