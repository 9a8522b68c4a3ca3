import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { mayEditCatalog } from "@/server/services/catalog/catalog-roles";
import { ListSearchForm } from "@/components/forms/list-search-form";
import { ProductsTable } from "@/components/tables/products-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 50;
const TOOL_LINK = "rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100";

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 400) : undefined;
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.products.roles);
  const sp = await searchParams;
  const search = one(sp, "search")?.slice(0, 100);
  const cursor = one(sp, "cursor");
  const [t, tl, caller] = await Promise.all([getTranslations("products"), getTranslations("productImport.links"), serverCaller()]);
  const load = (c?: string) => caller.catalog.list({ limit: PAGE_SIZE, ...(search ? { search } : {}), ...(c ? { cursor: c } : {}) });
  // A stale or edited cursor in the address starts again at page 1 rather than answering with an error page.
  const [page, settings] = await Promise.all([
    load(cursor).catch((e: unknown) => {
      if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
      throw e;
    }),
    caller.settings.get(),
  ]);
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...(search ? { search } : {}), ...extra }).toString();
    return qs ? `/products?${qs}` : "/products";
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("subtitle")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a href="/api/products/export" className={TOOL_LINK} data-testid="products-export-link" download>{tl("export")}</a>
          {mayEditCatalog(user.role) && (
            <>
              <Link href="/products/import" className={TOOL_LINK} data-testid="products-import-link">{tl("import")}</Link>
              <Link href="/products/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="new-product-link">
                {t("new")}
              </Link>
            </>
          )}
        </div>
      </div>
      <ListSearchForm key={search ?? ""} action="/products" search={search} messages="products.search" testId="product-search" />
      <ProductsTable rows={page.rows} currency={settings.currency} search={search} />
      <div className="flex gap-4 text-sm">
        {cursor && <Link href={href({})} className="text-brand-700 hover:underline" data-testid="products-first-page">{t("list.first")}</Link>}
        {page.nextCursor && (
          <Link href={href({ cursor: page.nextCursor })} className="text-brand-700 hover:underline" data-testid="products-next-page">{t("list.next")}</Link>
        )}
      </div>
    </div>
  );
}
