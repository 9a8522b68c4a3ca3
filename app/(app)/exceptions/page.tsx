import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS, canOpen } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { mayViewOrders } from "@/server/services/order/order-access";
import { isExceptionType, mayResolveExceptions } from "@/server/services/exceptions/exception-types";
import { ExceptionsFilterForm, type ExceptionFilterValue } from "@/components/forms/exceptions-filter-form";
import { ExceptionsTable } from "@/components/tables/exceptions-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[A-Z][A-Z0-9_]{0,59}$/;

function one(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = sp[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export default async function ExceptionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.exceptions.roles);
  const sp = await searchParams;
  const status = one(sp, "status");
  const type = one(sp, "type");
  const from = one(sp, "from");
  const to = one(sp, "to");
  // Invalid values in the address are dropped rather than answered with an error page.
  const value: ExceptionFilterValue = {
    status: status === "RESOLVED" || status === "ALL" ? status : "OPEN",
    ...(type && TYPE.test(type) ? { type } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
  const cursor = one(sp, "cursor");
  const [t, caller] = await Promise.all([getTranslations("exceptions"), serverCaller()]);
  const load = (c?: string) => caller.exception.list({ ...value, ...(c ? { cursor: c } : {}), limit: 50 });
  const [page, counts] = await Promise.all([
    load(cursor).catch((e: unknown) => {
      if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
      throw e;
    }),
    caller.exception.openCounts(),
  ]);
  const params = (extra: Record<string, string>) => new URLSearchParams({ ...(value as unknown as Record<string, string>), ...extra }).toString();
  const label = (x: string) => (isExceptionType(x) ? t(`types.${x}`) : x);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <section aria-labelledby="exception-counts" className="rounded-xl border border-slate-200 bg-white p-3">
        <h2 id="exception-counts" className="mb-2 text-sm font-medium text-slate-600">{t("counts.title")}</h2>
        {counts.length === 0 ? (
          <p className="text-sm text-slate-500">{t("counts.none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="exception-counts">
            {counts.map((c) => (
              <li key={c.type}>
                <Link
                  href={`/exceptions?${new URLSearchParams({ status: "OPEN", type: c.type }).toString()}`}
                  className="inline-block rounded-full bg-amber-50 px-3 py-1 text-sm text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100"
                  data-testid="exception-count"
                  data-type={c.type}
                >
                  {t("counts.item", { label: label(c.type), count: c.count })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ExceptionsFilterForm value={value} extraTypes={counts.map((c) => c.type)} />
      <ExceptionsTable
        items={page.items}
        links={{ orders: mayViewOrders(user.role), stock: "stock" in AREAS && canOpen("stock", user.role), shipments: canOpen("shipments", user.role) }}
        canResolve={mayResolveExceptions(user.role)}
      />
      <div className="flex gap-4 text-sm">
        {cursor && <Link href={`/exceptions?${params({})}`} className="text-brand-700 hover:underline">{t("list.newest")}</Link>}
        {page.nextCursor && (
          <Link href={`/exceptions?${params({ cursor: page.nextCursor })}`} className="text-brand-700 hover:underline" data-testid="exceptions-older">
            {t("list.older")}
          </Link>
        )}
      </div>
    </div>
  );
}
