import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { PurchaseOrderActions } from "@/components/forms/purchase-order-actions";
import { ReceivePurchaseOrderForm } from "@/components/forms/receive-purchase-order-form";
import { PurchaseOrderLinesTable, PurchaseOrderReceiptsTable } from "@/components/tables/purchase-order-detail-tables";
import { PurchaseOrderHistory } from "@/components/tables/purchase-order-history";
import { PurchaseOrderStatusBadge } from "@/components/ui/purchase-order-status-badge";

const WRITE_ROLES: readonly string[] = ["WAREHOUSE", "ADMIN"];

export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...AREAS.stock.roles);
  const { id } = await params;
  if (!z.guid().safeParse(id).success) notFound();
  const [t, ts, format, caller] = await Promise.all([getTranslations("purchasing.detail"), getTranslations("purchasing"), getFormatter(), serverCaller()]);
  const po = await caller.purchasing.purchaseOrder({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  // The buttons follow the state and the role; the procedures check both again.
  const canWrite = WRITE_ROLES.includes(user.role);
  const openLines = po.lines.filter((l) => l.open > 0);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short" }) : "—");

  return (
    <div className="space-y-5">
      <Link href="/stock/purchase-orders" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="po-title">{t("title", { number: po.number })}</h1>
        <PurchaseOrderStatusBadge status={po.state} />
      </div>
      <dl className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-5">
        <Item label={t("supplier")} value={po.supplier} />
        <Item label={t("warehouse")} value={`${po.warehouse.code} — ${po.warehouse.name}`} />
        <Item label={t("expected")} value={day(po.expectedAt)} />
        <Item label={t("created")} value={format.dateTime(po.createdAt, { dateStyle: "short", timeStyle: "short" })} />
        <Item label={t("createdBy")} value={po.createdBy ?? "—"} />
      </dl>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("lines")}</h2>
        <PurchaseOrderLinesTable po={po} />
      </section>
      {canWrite && po.actions.receive && openLines.length > 0 && (
        <ReceivePurchaseOrderForm purchaseOrderId={po.id} lines={openLines} bins={po.bins} />
      )}
      {!po.actions.receive && po.state !== "RECEIVED" && (
        <p className="text-sm text-slate-500" data-testid="po-closed-note">{ts("receive.closed", { status: ts(`status.${po.state}`) })}</p>
      )}
      {canWrite && (
        <PurchaseOrderActions
          purchaseOrderId={po.id}
          actions={po.actions}
          openUnits={po.lines.reduce((n, l) => n + l.open, 0)}
          expectedDay={po.expectedDay}
        />
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">{t("receipts")}</h2>
        <PurchaseOrderReceiptsTable receipts={po.receipts} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("history")}</h2>
        <PurchaseOrderHistory history={po.history} />
      </section>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5">{value}</dd>
    </div>
  );
}
