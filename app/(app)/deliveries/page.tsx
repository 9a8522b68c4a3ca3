import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/server/services/channels/list-deliveries";
import { AWAITING_DOCUMENT } from "@/components/ui/delivery-status-badge";
import { DeliveriesFilterForm } from "@/components/forms/deliveries-filter-form";
import { DeliveriesTable } from "@/components/tables/deliveries-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export default async function DeliveriesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole(...AREAS.deliveries.roles);
  const sp = await searchParams;
  const channelId = one(sp, "channelId");
  const status = one(sp, "status");
  const filter = {
    ...(channelId && UUID.test(channelId) ? { channelId } : {}),
    ...(status && (DELIVERY_STATUSES as readonly string[]).includes(status) ? { status: status as DeliveryStatus } : {}),
    ...(one(sp, "topic") ? { topic: one(sp, "topic")?.slice(0, 200) } : {}),
  };
  // "Waiting for the order document" is picked in the status list but is a filter of its own (stored PROCESSED).
  const awaitingDocument = status === AWAITING_DOCUMENT;
  const cursor = one(sp, "cursor");
  const [t, caller] = await Promise.all([getTranslations("channels.deliveries"), serverCaller()]);
  const load = (c?: string) => caller.channel.deliveries({ ...filter, ...(awaitingDocument ? { awaitingDocument } : {}), ...(c ? { cursor: c } : {}), limit: 50 });
  // A stale or edited cursor in the URL falls back to the first page instead of an error page.
  const page = await load(cursor).catch((e: unknown) => {
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
    throw e;
  });
  const channels = await caller.channel.options();
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(filter as Record<string, string>), ...(awaitingDocument ? { status: AWAITING_DOCUMENT } : {}), ...extra }).toString();
  const filtered = Object.keys(filter).length > 0 || awaitingDocument || cursor !== undefined;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <DeliveriesFilterForm channels={channels} value={{ ...filter, ...(awaitingDocument ? { status: AWAITING_DOCUMENT } : {}) }} />
      <DeliveriesTable items={page.items} filtered={filtered} />
      <div className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`/deliveries?${params({})}`} className="text-brand-700 hover:underline">{t("newest")}</Link>
        )}
        {page.nextCursor && (
          <Link href={`/deliveries?${params({ cursor: page.nextCursor })}`} className="text-brand-700 hover:underline" data-testid="deliveries-older">
            {t("older")}
          </Link>
        )}
      </div>
    </div>
  );
}
