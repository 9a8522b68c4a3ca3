import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { serverCaller } from "@/server/api/caller";
import type { Role } from "@/server/lib/roles";
import { OrderImportForm } from "@/components/forms/order-import-form";

/** Not a sidebar area (reached from the orders list), so its roles live here; they match POST /api/orders/import. */
const ORDER_IMPORT_ROLES: readonly Role[] = ["OPERATOR", "ADMIN"];

export default async function ImportOrdersPage() {
  await requireRole(...ORDER_IMPORT_ROLES);
  const [t, caller] = await Promise.all([getTranslations("orderEntry.import"), serverCaller()]);
  const channels = await caller.orderEntry.importChannels();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-500">{t("intro")}</p>
        </div>
        <Link href="/orders/new" className="text-sm text-brand-600 hover:underline">
          {t("newOrderLink")}
        </Link>
      </div>
      <OrderImportForm channels={channels.map((c) => ({ id: c.id, name: c.name }))} />
    </div>
  );
}
