import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { PurchaseOrdersFilterForm } from "@/components/forms/purchase-orders-filter-form";
import { PurchaseOrdersTable } from "@/components/tables/purchase-orders-table";
import { PO_STATES, type PoState } from "@/server/services/stock/purchase-order-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITE_ROLES = ["WAREHOUSE", "ADMIN"] as const;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.stock.roles);
  const sp = await searchParams;
  const statusParam = one(sp, "status");
  const warehouseParam = one(sp, "warehouseId");
  const beforeParam = Number(one(sp, "before"));
  // Invalid values in the address are dropped rather than answered with an error page.
  const status = PO_STATES.find((s) => s === statusParam) as PoState | undefined;
  const warehouseId = warehouseParam && UUID.test(warehouseParam) ? warehouseParam : undefined;
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;

  const [t, caller] = await Promise.all([getTranslations("purchasing.list"), serverCaller()]);
  const [page, locations, settings] = await Promise.all([
    caller.stock.purchaseOrders({ status, warehouseId, before, limit: 50 }),
    caller.stock.locations(),
    caller.settings.get(),
  ]);
  const filter: Record<string, string> = { ...(status ? { status } : {}), ...(warehouseId ? { warehouseId } : {}) };
  const href = (extra: Record<string, string>) => `/stock/purchase-orders?${new URLSearchParams({ ...filter, ...extra }).toString()}`;
  const canWrite = (WRITE_ROLES as readonly string[]).includes(user.role);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("intro")}</p>
        </div>
        {canWrite && (
          <div className="flex gap-3">
            <Link href="/stock/import" className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50" data-testid="import-counts-link">
              {t("importCounts")}
            </Link>
            <Link href="/stock/purchase-orders/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="create-po-link">
              {t("create")}
            </Link>
          </div>
        )}
      </div>
      <PurchaseOrdersFilterForm warehouses={locations} value={filter} />
      <PurchaseOrdersTable rows={page.rows} currency={settings.currency} />
      <div className="flex gap-4 text-sm">
        {before && <Link href={href({})} className="text-brand-700 hover:underline">{t("newest")}</Link>}
        {page.nextCursor !== null && (
          <Link href={href({ before: String(page.nextCursor) })} className="text-brand-700 hover:underline" data-testid="po-older">
            {t("older")}
          </Link>
        )}
      </div>
    </div>
  );
}
