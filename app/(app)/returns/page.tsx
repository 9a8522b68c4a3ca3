import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { mayCompleteReturns } from "@/server/services/returns/return-roles";
import { ReturnsTable } from "@/components/tables/returns-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 60) : undefined;
}

export default async function ReturnsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.returns.roles);
  const sp = await searchParams;
  const search = one(sp, "search");
  const cursor = one(sp, "cursor");
  const [t, caller] = await Promise.all([getTranslations("returns"), serverCaller()]);
  const load = (c?: string) => caller.returns.list({ ...(search ? { search } : {}), ...(c ? { cursor: c } : {}), limit: 25 });
  // A cursor edited by hand falls back to the first page rather than an error page.
  const page = await load(cursor).catch((e: unknown) => {
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
    throw e;
  });
  const params = (extra: Record<string, string>) => new URLSearchParams({ ...(search ? { search } : {}), ...extra }).toString();

  return (
    <div className="space-y-4" data-testid="returns-page">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <form action="/returns" method="get" role="search" className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-4">
        <label className="sr-only" htmlFor="returns-search">{t("search.label")}</label>
        <input
          id="returns-search"
          name="search"
          type="search"
          defaultValue={search ?? ""}
          maxLength={60}
          placeholder={t("search.placeholder")}
          className="w-full max-w-xs rounded-md border border-slate-300 px-3 py-2 text-sm"
          data-testid="returns-search"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="returns-search-submit">
          {t("search.submit")}
        </button>
        {search && <Link href="/returns" className="text-sm text-brand-600 hover:underline">{t("search.clear")}</Link>}
      </form>
      <ReturnsTable items={page.items} canReceive={mayCompleteReturns(user.role)} emptyText={search ? t("list.emptySearch", { search }) : t("list.empty")} />
      <div className="flex gap-4 text-sm">
        {cursor && <Link href={`/returns?${params({})}`} className="text-brand-700 hover:underline">{t("list.newest")}</Link>}
        {page.nextCursor && (
          <Link href={`/returns?${params({ cursor: page.nextCursor })}`} className="text-brand-700 hover:underline" data-testid="returns-older">
            {t("list.older")}
          </Link>
        )}
      </div>
    </div>
  );
}
