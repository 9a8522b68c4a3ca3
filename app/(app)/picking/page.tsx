import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { PICK_LIST_STATUSES } from "@/server/services/picking/list-pick-lists";
import { PickWaveForm } from "@/components/forms/pick-wave-form";
import { PickSelectionForm } from "@/components/forms/pick-selection-form";
import { PickListsTable } from "@/components/tables/pick-lists-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export default async function PickingPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole(...AREAS.picking.roles);
  const sp = await searchParams;
  const [t, caller] = await Promise.all([getTranslations("picking"), serverCaller()]);
  const warehouses = await caller.picking.warehouses();
  const wanted = one(sp, "wh");
  const warehouse = warehouses.find((w) => w.id === wanted) ?? warehouses.find((w) => w.waitingOrders > 0) ?? warehouses[0];
  const rawStatus = one(sp, "status");
  const status = PICK_LIST_STATUSES.find((s) => s === rawStatus);
  const cursor = one(sp, "cursor");
  const load = (c?: string) => caller.picking.list({ ...(status ? { status } : {}), ...(c ? { cursor: c } : {}), limit: 25 });
  // A stale or edited cursor falls back to the first page instead of an error page.
  const [page, pickable] = await Promise.all([
    load(cursor).catch((e: unknown) => {
      if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
      throw e;
    }),
    warehouse ? caller.picking.pickableOrders({ warehouseId: warehouse.id, limit: 100 }) : Promise.resolve([]),
  ]);
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(warehouse ? { wh: warehouse.id } : {}), ...(status ? { status } : {}), ...extra }).toString();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      {warehouse && <PickWaveForm warehouses={warehouses} warehouseId={warehouse.id} />}
      {warehouses.length > 1 && (
        <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("wave.warehouse")}>
          {warehouses.map((w) => (
            <Link
              key={w.id}
              href={`/picking?${new URLSearchParams({ wh: w.id }).toString()}`}
              className={`rounded-full border px-3 py-1 ${w.id === warehouse?.id ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50"}`}
            >
              {t("wave.waiting", { code: w.code, name: w.name, count: w.waitingOrders })}
            </Link>
          ))}
        </nav>
      )}
      {warehouse && <PickSelectionForm key={`sel-${warehouse.id}`} orders={pickable} />}
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{t("list.title")}</h2>
          <div className="flex gap-2 text-sm">
            <Link href={`/picking?${new URLSearchParams(warehouse ? { wh: warehouse.id } : {}).toString()}`} className={!status ? "font-semibold text-brand-700" : "text-slate-600 hover:underline"}>
              {t("list.allStatuses")}
            </Link>
            {PICK_LIST_STATUSES.map((s) => (
              <Link key={s} href={`/picking?${params({ status: s })}`} className={status === s ? "font-semibold text-brand-700" : "text-slate-600 hover:underline"}>
                {t(`status.${s}`)}
              </Link>
            ))}
          </div>
        </div>
        <PickListsTable items={page.items} />
        <div className="flex gap-4 text-sm">
          {cursor && <Link href={`/picking?${params({})}`} className="text-brand-700 hover:underline">{t("list.newest")}</Link>}
          {page.nextCursor && (
            <Link href={`/picking?${params({ cursor: page.nextCursor })}`} className="text-brand-700 hover:underline" data-testid="pick-lists-older">
              {t("list.older")}
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
