/**
 * Read-only panels of the SKU stock page: product facts, levels per
 * warehouse, bins, open reservations, waiting orders and incoming purchase
 * orders. Server- and client-safe (no hooks beyond next-intl).
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { SkuDetail } from "@/server/services/stock/get-sku-detail";
import { formatNcm } from "@/server/services/catalog/sku-rules";
import { enteredDimensions, enteredWeight } from "@/components/ui/sku-measures";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";

const th = "px-2 py-2 font-medium";
const num = "px-2 py-1.5 text-right tabular-nums";
const KIND_FIELD = { DAMAGED: "damaged", QUARANTINE: "quarantine", QC: "qc" } as const;

function useNumbers() {
  const format = useFormatter();
  return {
    n: (v: number) => format.number(v, { maximumFractionDigits: 0 }),
    when: (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" }),
    day: (d: Date) => format.dateTime(d, { dateStyle: "short" }),
  };
}

export function ProductFacts({ sku }: { sku: SkuDetail["sku"] }) {
  const t = useTranslations("stock.detail");
  const { n } = useNumbers();
  const none = t("none");
  const weight = enteredWeight(sku);
  const dims = enteredDimensions(sku);
  const facts: [string, string, string][] = [
    ["ean", t("ean"), sku.ean ?? none],
    ["ncm", t("ncm"), sku.ncm ? formatNcm(sku.ncm) : none],
    ["weight", t("weight"), weight === null ? none : t("grams", { grams: n(weight) })],
    ["dimensions", t("dimensions"), dims === null ? none : t("mm", { length: n(dims.l), width: n(dims.w), height: n(dims.h) })],
    ["reorder", t("reorderPoint"), n(sku.reorderPoint)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm" data-testid="sku-facts">
      {facts.map(([key, label, value]) => (
        <div key={key}>
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="font-mono" data-testid={`sku-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const LEVELS = ["onHand", "reserved", "unavailable", "safety", "available", "incoming", "sold30d"] as const;

export function WarehouseLevelsTable({ levels }: { levels: SkuDetail["levels"] }) {
  const t = useTranslations("stock");
  const { n } = useNumbers();
  if (levels.warehouses.length === 0 && levels.total.incoming === 0) return <p className="text-sm text-slate-500">{t("detail.noLevels")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="sku-levels">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("detail.warehouse")}</th>
            {LEVELS.map((c) => <th key={c} className={`${th} text-right`}>{t(`levels.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {levels.warehouses.map((w) => (
            <tr key={w.warehouseId} data-testid="sku-level-row" data-warehouse={w.code}>
              <td className="px-2 py-1.5" title={w.name}>{w.code}</td>
              {LEVELS.map((c) => <td key={c} className={`${num} ${c === "available" ? "font-semibold" : ""}`} data-testid={`level-${c}`}>{n(c === "available" ? Math.max(0, w[c]) : w[c])}</td>)}
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold" data-testid="sku-level-total">
            <td className="px-2 py-1.5">{t("detail.total")}</td>
            {LEVELS.map((c) => <td key={c} className={num} data-testid={`total-${c}`}>{n(c === "available" ? Math.max(0, levels.total[c]) : levels.total[c])}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function BinsTable({ bins }: { bins: SkuDetail["bins"] }) {
  const t = useTranslations("stock");
  const { n } = useNumbers();
  if (bins.length === 0) return <p className="text-sm text-slate-500">{t("detail.noBins")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="sku-bins">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("detail.warehouse")}</th>
            <th className={th}>{t("detail.bin")}</th>
            <th className={`${th} text-right`}>{t("levels.onHand")}</th>
            <th className={`${th} text-right`}>{t("levels.unavailable")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bins.map((b) => (
            <tr key={b.binId} data-testid="sku-bin-row" data-bin={b.code}>
              <td className="px-2 py-1.5">{b.warehouseCode}</td>
              <td className="whitespace-nowrap px-2 py-1.5 font-mono">{b.code}</td>
              <td className={num}>{n(b.onHand)}</td>
              <td className={num}>
                {n(b.unavailable)}
                {b.unavailable > 0 && (
                  <span className="block text-xs text-slate-500" data-testid="sku-bin-unavailable-kinds">
                    {UNAVAILABLE_KINDS.filter((k) => b[KIND_FIELD[k]] > 0).map((k) => t(`unavailableCount.${k}`, { count: b[KIND_FIELD[k]] })).join(" · ")}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type OrderRef = { orderId: string; orderNumber: number; orderStatus: string; customerName: string; placedAt: Date; quantity: number };

/** Open reservations (with warehouse) or waiting backorders of the SKU, linking to the orders when the role may open them. */
export function OrderRefsTable({ rows, linkOrders, testId }: { rows: (OrderRef & { warehouseCode?: string; createdAt?: Date })[]; linkOrders: boolean; testId: string }) {
  const t = useTranslations("stock.detail");
  const to = useTranslations("orderStatus");
  const { n, when } = useNumbers();
  const withWarehouse = rows.some((r) => r.warehouseCode !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("orderColumn")}</th>
            <th className={th}>{t("customer")}</th>
            <th className={th}>{t("placedAt")}</th>
            {withWarehouse && <th className={th}>{t("warehouse")}</th>}
            <th className={`${th} text-right`}>{t("quantity")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={`${r.orderId}-${i}`} data-testid={`${testId}-row`} data-order={r.orderNumber}>
              <td className="px-2 py-1.5">
                {linkOrders ? (
                  <Link href={`/orders/${r.orderId}`} className="font-medium text-brand-600 hover:underline">{t("order", { number: r.orderNumber })}</Link>
                ) : (
                  <span className="font-medium">{t("order", { number: r.orderNumber })}</span>
                )}
                <span className="ml-2 text-xs text-slate-500">{to.has(r.orderStatus as "RECEIVED") ? to(r.orderStatus as "RECEIVED") : r.orderStatus}</span>
              </td>
              <td className="px-2 py-1.5">{r.customerName}</td>
              <td className="whitespace-nowrap px-2 py-1.5">{when(r.placedAt)}</td>
              {withWarehouse && <td className="px-2 py-1.5">{r.warehouseCode}</td>}
              <td className={num}>{n(r.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncomingTable({ rows }: { rows: SkuDetail["incoming"] }) {
  const t = useTranslations("stock");
  const { n, day } = useNumbers();
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("detail.noIncoming")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="sku-incoming">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("detail.poColumn")}</th>
            <th className={th}>{t("detail.supplier")}</th>
            <th className={th}>{t("detail.warehouse")}</th>
            <th className={th}>{t("detail.expectedAt")}</th>
            <th className={`${th} text-right`}>{t("detail.ordered")}</th>
            <th className={`${th} text-right`}>{t("detail.received")}</th>
            <th className={`${th} text-right`}>{t("detail.open")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.purchaseOrderId}-${r.warehouseCode}-${r.ordered}`} data-testid="sku-incoming-row">
              <td className="whitespace-nowrap px-2 py-1.5">
                <Link href={`/stock/purchase-orders/${r.purchaseOrderId}`} className="font-medium text-brand-600 hover:underline">{t("detail.purchaseOrder", { number: r.number })}</Link>
                <span className="ml-2 text-xs text-slate-500">{t.has(`poStatus.${r.status}` as "poStatus.OPEN") ? t(`poStatus.${r.status}` as "poStatus.OPEN") : r.status}</span>
              </td>
              <td className="px-2 py-1.5">{r.supplier}</td>
              <td className="px-2 py-1.5">{r.warehouseCode}</td>
              <td className="whitespace-nowrap px-2 py-1.5">{r.expectedAt ? day(r.expectedAt) : "—"}</td>
              <td className={num}>{n(r.ordered)}</td>
              <td className={num}>{n(r.received)}</td>
              <td className={`${num} font-semibold`}>{n(r.open)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
