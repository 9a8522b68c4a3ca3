import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import type { Role } from "@/server/lib/roles";
import { mayViewOrders } from "@/server/services/order/order-access";
import { OnHandChart } from "@/components/charts/on-hand-chart";
import { StockAdjustForm } from "@/components/forms/stock-adjust-form";
import type { BinOption, WarehouseOption } from "@/components/forms/stock-bin-options";
import { StockThresholdsForm } from "@/components/forms/stock-thresholds-form";
import { StockTransferForm } from "@/components/forms/stock-transfer-form";
import { StockUnavailableForm } from "@/components/forms/stock-unavailable-form";
import { StockLedgerTable } from "@/components/tables/stock-ledger-table";
import { StockHealthBadge } from "@/components/ui/stock-health-badge";
import { BinsTable, IncomingTable, OrderRefsTable, ProductFacts, WarehouseLevelsTable } from "@/components/ui/sku-stock-panels";

/** Who may change stock levels (the stock router's write procedures enforce the same; this only hides the forms). */
const STOCK_WRITE_ROLES: readonly Role[] = ["WAREHOUSE", "ADMIN"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const card = "min-w-0 rounded-xl border border-slate-200 bg-white p-5";

export default async function SkuStockPage({ params }: { params: Promise<{ skuId: string }> }) {
  const user = await requireRole(...AREAS.stock.roles);
  const { skuId } = await params;
  if (!UUID.test(skuId)) notFound();
  const [t, caller] = await Promise.all([getTranslations("stock"), serverCaller()]);
  const canWrite = STOCK_WRITE_ROLES.includes(user.role);
  const [d, locations] = await Promise.all([
    caller.stock.sku({ skuId }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    canWrite ? caller.stock.locations() : Promise.resolve([]),
  ]);
  const linkOrders = mayViewOrders(user.role);

  // Every bin of the active warehouses, with this SKU's units in it: a count may find units in an empty bin.
  const level = new Map(d.bins.map((b) => [b.binId, b]));
  const warehouseOptions: WarehouseOption[] = locations
    .filter((w) => w.active)
    .map((w) => ({
      id: w.id, code: w.code, name: w.name,
      bins: [...w.bins].sort((a, b) => a.pickSequence - b.pickSequence || a.code.localeCompare(b.code)).map((b): BinOption => {
        const l = level.get(b.id);
        return {
          binId: b.id, code: b.code, zone: b.zone, warehouseId: w.id, warehouseCode: w.code, onHand: l?.onHand ?? 0, unavailable: l?.unavailable ?? 0,
          damaged: l?.damaged ?? 0, quarantine: l?.quarantine ?? 0, qc: l?.qc ?? 0,
        };
      }),
    }))
    .filter((w) => w.bins.length > 0);
  const binOptions = warehouseOptions.flatMap((w) => w.bins);

  const safetyOf = new Map(d.levels.warehouses.map((w) => [w.warehouseId, w.safety]));
  const thresholdWarehouses = locations.filter((w) => w.active).map((w) => ({ id: w.id, code: w.code, name: w.name, safety: safetyOf.get(w.id) ?? 0 }));

  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <Link href="/stock" className="text-sm text-brand-700 hover:underline">← {t("detail.back")}</Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          <span className="font-mono" data-testid="sku-heading">{d.sku.code}</span>
          <StockHealthBadge health={d.health} />
          {!d.sku.active && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">{t("detail.inactive")}</span>}
        </h1>
        <p className="text-slate-600" data-testid="sku-name">{d.sku.name}</p>
        <p className="text-sm text-slate-500" data-testid="sku-product">
          {t("detail.productOf")}{" "}
          <Link href={`/products/${d.sku.product.id}`} className="text-brand-700 hover:underline">{d.sku.product.name}</Link>
          {d.sku.variant && <> · {t("detail.variant", { variant: d.sku.variant })}</>}
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <section className={card}>
          <h2 className="mb-3 font-semibold">{t("detail.product")}</h2>
          <ProductFacts sku={d.sku} />
        </section>
        <section className={`${card} lg:col-span-2`}>
          <h2 className="mb-3 font-semibold">{t("detail.chart")}</h2>
          {d.series.length > 0 ? <OnHandChart data={d.series} label={t("levels.onHand")} /> : <p className="text-sm text-slate-500">{t("detail.chartEmpty")}</p>}
        </section>
      </div>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.levels")}</h2>
        <WarehouseLevelsTable levels={d.levels} />
      </section>

      <div className="grid gap-4 lg:grid-cols-5">
        <section className={`${card} lg:col-span-2`}>
          <h2 className="mb-3 font-semibold">{t("detail.bins")}</h2>
          <BinsTable bins={d.bins} />
        </section>
        <section className={`${card} lg:col-span-3`}>
          <h2 className="mb-3 font-semibold">{t("detail.incoming")}</h2>
          <IncomingTable rows={d.incoming} />
        </section>
      </div>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.reservations")}</h2>
        {d.reservations.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noReservations")}</p>
        ) : (
          <OrderRefsTable rows={d.reservations} linkOrders={linkOrders} testId="sku-reservations" />
        )}
        {d.backorders.length > 0 && (
          <>
            <h3 className="mb-2 mt-5 font-medium text-orange-800">{t("detail.backorders")}</h3>
            <OrderRefsTable rows={d.backorders} linkOrders={linkOrders} testId="sku-backorders" />
          </>
        )}
      </section>

      {canWrite && (
        <section className={card} data-testid="stock-forms">
          <h2 className="mb-3 font-semibold">{t("forms.title")}</h2>
          {binOptions.length === 0 ? (
            <p className="text-sm text-slate-500">{t("forms.noBins")}</p>
          ) : (
            <div className="grid gap-6 lg:grid-cols-3">
              <StockAdjustForm skuId={d.sku.id} warehouses={warehouseOptions} />
              <StockTransferForm skuId={d.sku.id} warehouses={warehouseOptions} />
              <StockUnavailableForm skuId={d.sku.id} bins={binOptions} />
            </div>
          )}
        </section>
      )}

      {canWrite && (
        <section className={card}>
          <h2 className="mb-3 font-semibold">{t("forms.thresholds.title")}</h2>
          <StockThresholdsForm skuId={d.sku.id} reorderPoint={d.sku.reorderPoint} warehouses={thresholdWarehouses} />
        </section>
      )}

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("ledger.title")}</h2>
        <StockLedgerTable key={d.ledger.rows[0]?.id ?? "empty"} skuId={d.sku.id} initialPage={d.ledger} linkOrders={linkOrders} />
      </section>
    </div>
  );
}
