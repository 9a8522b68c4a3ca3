/**
 * The lines (ordered / received / open / not delivered once cancelled or
 * closed short / cost) and the receipts of a purchase order. Server- and client-safe.
 */
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import type { PurchaseOrderDetail } from "@/server/services/stock/get-purchase-order-detail";
import { useActorLabel } from "@/components/ui/actor-label";

const th = "px-3 py-2";

export function PurchaseOrderLinesTable({ po }: { po: PurchaseOrderDetail }) {
  const t = useTranslations("purchasing.detail");
  const locale = useLocale();
  const money = (c: number | null) => (c === null ? t("noCost") : formatMoney(c, po.currency, locale));
  const short = po.lines.some((l) => l.notDelivered > 0);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="po-detail-lines">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("sku")}</th>
            <th className={th}>{t("product")}</th>
            <th className={`${th} text-right`}>{t("ordered")}</th>
            <th className={`${th} text-right`}>{t("received")}</th>
            <th className={`${th} text-right`}>{t("open")}</th>
            {short && <th className={`${th} text-right`}>{t("notDelivered")}</th>}
            <th className={`${th} text-right`}>{t("unitCost")}</th>
            <th className={`${th} text-right`}>{t("lineTotal")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {po.lines.map((l) => (
            <tr key={l.id} data-testid="po-detail-line" data-sku={l.skuCode}>
              <td className="whitespace-nowrap px-3 py-2 font-mono">
                <Link href={`/stock/${l.skuId}`} className="text-brand-700 hover:underline" title={t("openSku", { sku: l.skuCode })}>{l.skuCode}</Link>
              </td>
              <td className="px-3 py-2">{l.skuName}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.quantityOrdered}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="po-line-received">{l.quantityReceived}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="po-line-open">{l.open}</td>
              {short && <td className="px-3 py-2 text-right tabular-nums text-orange-800" data-testid="po-line-not-delivered">{l.notDelivered}</td>}
              <td className="px-3 py-2 text-right tabular-nums">{money(l.unitCostCents)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{money(l.totalCostCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200">
            <td colSpan={short ? 7 : 6} className="px-3 py-2 text-right font-medium">{t("total")}</td>
            <td className="px-3 py-2 text-right font-medium tabular-nums" data-testid="po-detail-total">{money(po.totalCostCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function PurchaseOrderReceiptsTable({ receipts }: { receipts: PurchaseOrderDetail["receipts"] }) {
  const t = useTranslations("purchasing.detail");
  const actor = useActorLabel();
  const format = useFormatter();
  if (receipts.length === 0) return <p className="text-sm text-slate-500" data-testid="po-no-receipts">{t("noReceipts")}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="po-receipts">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("when")}</th>
            <th className={th}>{t("sku")}</th>
            <th className={th}>{t("bin")}</th>
            <th className={`${th} text-right`}>{t("quantity")}</th>
            <th className={th}>{t("who")}</th>
            <th className={th}>{t("note")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {receipts.map((r) => (
            <tr key={r.id} data-testid="po-receipt">
              <td className="whitespace-nowrap px-3 py-2">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono">{r.skuCode}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono">{r.binCode ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.quantity}</td>
              <td className="px-3 py-2">{actor(r.actorLabel)}</td>
              <td className="px-3 py-2 text-slate-500">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
