import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { ReceivePurchaseOrderForm } from "@/components/forms/receive-purchase-order-form";
import { PurchaseOrderLinesTable, PurchaseOrderReceiptsTable } from "@/components/tables/purchase-order-detail-tables";
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
  const receivable = po.status === "OPEN" || po.status === "PARTIALLY_RECEIVED";
  const openLines = po.lines.filter((l) => l.open > 0);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short" }) : "—");

  return (
    <div className="space-y-5">
      <Link href="/stock/purchase-orders" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="po-title">{t("title", { number: po.number })}</h1>
        <PurchaseOrderStatusBadge status={po.status} />
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
      {WRITE_ROLES.includes(user.role) && receivable && openLines.length > 0 && (
        <ReceivePurchaseOrderForm purchaseOrderId={po.id} lines={openLines} bins={po.bins} />
      )}
      {!receivable && po.status !== "RECEIVED" && (
        <p className="text-sm text-slate-500">{ts("receive.closed", { status: ts(`status.${po.status}`) })}</p>
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">{t("receipts")}</h2>
        <PurchaseOrderReceiptsTable receipts={po.receipts} />
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
