import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { serverCaller } from "@/server/api/caller";
import { BRAZIL_UFS } from "@/server/lib/br-documents";
import type { Role } from "@/server/lib/roles";
import { ManualOrderForm } from "@/components/forms/manual-order-form";

/** Not a sidebar area (reached from the orders list), so its roles live here; they match the orderEntry procedures. */
const ORDER_ENTRY_ROLES: readonly Role[] = ["OPERATOR", "ADMIN"];

export default async function NewOrderPage() {
  await requireRole(...ORDER_ENTRY_ROLES);
  const [t, caller] = await Promise.all([getTranslations("orderEntry.new"), serverCaller()]);
  const channels = await caller.orderEntry.manualChannels();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-500">{t("subtitle")}</p>
        </div>
        <Link href="/orders/import" className="text-sm text-brand-600 hover:underline">
          {t("importLink")}
        </Link>
      </div>
      {channels.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-4 py-3 text-amber-800" data-testid="no-manual-channel">{t("noChannels")}</p>
      ) : (
        <ManualOrderForm channels={channels} ufs={BRAZIL_UFS} />
      )}
    </div>
  );
}
