import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { mayViewOrders } from "@/server/services/order/order-access";
import { mayCompleteReturns } from "@/server/services/returns/return-roles";
import { CompleteReturnForm } from "@/components/forms/complete-return-form";
import { ReturnedUnitsTable } from "@/components/tables/returned-units-table";

async function loadReturn(id: string) {
  const caller = await serverCaller();
  try {
    return await caller.returns.get({ id });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function ReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...AREAS.returns.roles);
  const { id } = await params;
  const [r, t] = await Promise.all([loadReturn(id), getTranslations()]);
  const open = r.status === "RETURN_REQUESTED";
  const otherHolds = r.holds.filter((h) => h !== "AWAITING_RETURN_ITEMS");
  const canReceive = open && mayCompleteReturns(user.role) && r.warehouse !== null;

  return (
    <div className="space-y-4" data-testid="return-detail" data-status={r.status}>
      <Link href="/returns" className="text-sm text-brand-600 hover:underline">← {t("returns.detail.back")}</Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("returns.detail.title", { number: r.number })}</h1>
        <p className="text-sm text-slate-600">{t("returns.detail.customer", { name: r.customerName })}</p>
        <p className="text-sm text-slate-600" data-testid="return-status">{t("returns.detail.status", { status: t(`orderStatus.${r.status}`) })}</p>
        {r.requestReason && <p className="text-sm text-slate-600">{t("returns.detail.reason", { reason: r.requestReason })}</p>}
        {r.warehouse
          ? <p className="text-sm text-slate-600">{t("returns.detail.warehouse", { code: r.warehouse.code, name: r.warehouse.name })}</p>
          : <p className="text-sm text-amber-700">{t("returns.detail.noWarehouse")}</p>}
        {r.holds.length > 0 && (
          <p className="text-sm text-amber-700" data-testid="return-holds">
            {t("returns.detail.holds", { holds: r.holds.map((h) => t(`holdReason.${h}`)).join(", ") })}
            {open && r.holds.includes("AWAITING_RETURN_ITEMS") && <> {t("returns.detail.awaitingHold")}</>}
            {open && otherHolds.length > 0 && <> {t("returns.detail.otherHolds")}</>}
          </p>
        )}
        {mayViewOrders(user.role) && <Link href={`/orders/${r.id}`} className="text-sm text-brand-600 hover:underline">{t("returns.detail.orderLink")}</Link>}
      </div>
      {!open && <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="return-done">{t("returns.detail.done", { status: t(`orderStatus.${r.status}`) })}</p>}
      {open && !mayCompleteReturns(user.role) && <p className="text-sm text-slate-500">{t("returns.detail.readOnly")}</p>}
      {open ? (
        <CompleteReturnForm orderId={r.id} number={r.number} version={r.version} lines={r.lines} bins={r.bins} editable={canReceive} />
      ) : (
        <ReturnedUnitsTable items={r.booked} />
      )}
    </div>
  );
}
