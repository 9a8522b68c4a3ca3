import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { mayViewOrders } from "@/server/services/order/order-access";
import { isShipmentStatus, type ShipmentStatus } from "@/server/services/shipping/shipment-status";
import { DELAY_CHECK_ROLES, hasRole, LABEL_ROLES, SHIPMENT_CREATE_ROLES } from "@/server/services/shipping/shipping-roles";
import { CheckDelaysButton } from "@/components/forms/check-delays-button";
import { ShipmentsFilterForm, type ShipmentFilterValue } from "@/components/forms/shipments-filter-form";
import { ShipmentsTable } from "@/components/tables/shipments-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export default async function ShipmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.shipments.roles);
  const sp = await searchParams;
  const status = one(sp, "status");
  const carrierId = one(sp, "carrierId");
  const exception = one(sp, "exception");
  const from = one(sp, "from");
  const to = one(sp, "to");
  // Invalid values in the address are dropped rather than answered with an error page.
  const value: ShipmentFilterValue = {
    ...(status && isShipmentStatus(status) ? { status } : {}),
    ...(carrierId && UUID.test(carrierId) ? { carrierId } : {}),
    ...(exception === "yes" || exception === "no" ? { exception } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
  const filter = {
    ...(value.status ? { status: value.status as ShipmentStatus } : {}),
    ...(value.carrierId ? { carrierId: value.carrierId } : {}),
    ...(value.exception ? { hasException: value.exception === "yes" } : {}),
    ...(value.from ? { from: value.from } : {}),
    ...(value.to ? { to: value.to } : {}),
  };
  const cursor = one(sp, "cursor");
  const [t, caller] = await Promise.all([getTranslations("shipping"), serverCaller()]);
  const load = (c?: string) => caller.shipping.list({ ...filter, ...(c ? { cursor: c } : {}), limit: 50 });
  const page = await load(cursor).catch((e: unknown) => {
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
    throw e;
  });
  const carriers = await caller.shipping.carrierOptions({ includeInactive: true });
  const params = (extra: Record<string, string>) => new URLSearchParams({ ...(value as Record<string, string>), ...extra }).toString();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("intro")}</p>
        </div>
        <div className="flex items-start gap-3">
          {hasRole(DELAY_CHECK_ROLES, user) && <CheckDelaysButton />}
          {hasRole(SHIPMENT_CREATE_ROLES, user) && (
            <Link href="/shipments/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="create-shipment-link">
              {t("list.create")}
            </Link>
          )}
        </div>
      </div>
      <ShipmentsFilterForm carriers={carriers} value={value} />
      <ShipmentsTable items={page.items} canOpenOrders={mayViewOrders(user.role)} canPrintLabels={hasRole(LABEL_ROLES, user)} />
      <div className="flex gap-4 text-sm">
        {cursor && <Link href={`/shipments?${params({})}`} className="text-brand-700 hover:underline">{t("list.newest")}</Link>}
        {page.nextCursor && (
          <Link href={`/shipments?${params({ cursor: page.nextCursor })}`} className="text-brand-700 hover:underline" data-testid="shipments-older">
            {t("list.older")}
          </Link>
        )}
      </div>
    </div>
  );
}
