import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { ListSearchForm } from "@/components/forms/list-search-form";
import { CustomersTable } from "@/components/tables/customers-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 50;

function param(sp: Record<string, string | string[] | undefined>, key: string, max: number): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, max) : undefined;
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole(...AREAS.customers.roles);
  const sp = await searchParams;
  const search = param(sp, "search", 100);
  const cursor = param(sp, "cursor", 400);
  const [t, caller] = await Promise.all([getTranslations("customers"), serverCaller()]);
  const load = (c?: string) => caller.customer.list({ limit: PAGE_SIZE, ...(search ? { search } : {}), ...(c ? { cursor: c } : {}) });
  // A stale or edited cursor in the address starts again at page 1 rather than answering with an error page.
  const page = await load(cursor).catch((e: unknown) => {
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
    throw e;
  });
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...(search ? { search } : {}), ...extra }).toString();
    return qs ? `/customers?${qs}` : "/customers";
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("subtitle")}</p>
      </div>
      <ListSearchForm key={search ?? ""} action="/customers" search={search} messages="customers.search" testId="customer-search" />
      <CustomersTable rows={page.rows} search={search} />
      <div className="flex gap-4 text-sm">
        {cursor && <Link href={href({})} className="text-brand-700 hover:underline" data-testid="customers-first-page">{t("list.first")}</Link>}
        {page.nextCursor && (
          <Link href={href({ cursor: page.nextCursor })} className="text-brand-700 hover:underline" data-testid="customers-next-page">{t("list.next")}</Link>
        )}
      </div>
    </div>
  );
}
