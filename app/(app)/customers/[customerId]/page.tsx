import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { formatDocument } from "@/server/lib/br-documents";
import { MAX_HISTORY } from "@/server/services/customer/customer-history";
import { mayEditCustomer } from "@/server/services/customer/customer-roles";
import { MAX_ADDRESSES } from "@/server/services/customer/get-customer";
import { CustomerEditForm } from "@/components/forms/customer-edit-form";
import { addressLines } from "@/components/ui/address-lines";
import { CustomerHistory } from "@/components/tables/customer-history";
import { CustomerSpent } from "@/components/tables/customers-money";
import { CustomerOrdersTable } from "@/components/tables/customers-orders-table";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const card = "rounded-xl border border-slate-200 bg-white p-5";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


export default async function CustomerPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: SearchParams }) {
  const user = await requireRole(...AREAS.customers.roles);
  const [{ customerId }, sp] = await Promise.all([params, searchParams]);
  if (!UUID.test(customerId)) notFound();
  const cursor = typeof sp.cursor === "string" && sp.cursor !== "" ? sp.cursor.slice(0, 400) : undefined;
  const [t, tc, format, caller, locale] = await Promise.all([
    getTranslations("customers.detail"), getTranslations("customers"), getFormatter(), serverCaller(), getLocale(),
  ]);
  const load = (c?: string) => caller.customer.get({ customerId, ...(c ? { cursor: c } : {}) });
  const d = await load(cursor).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    // A stale or edited cursor starts again at the newest orders.
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") return load();
    throw e;
  });
  const { customer, figures } = d;
  const date = (v: Date) => format.dateTime(v, { dateStyle: "short" });
  const edited = (field: (typeof customer.editedFields)[number]) =>
    customer.editedFields.includes(field) && (
      <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" title={t("editedHelp")} data-testid={`customer-edited-${field}`}>{t("edited")}</span>
    );

  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <Link href="/customers" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold"><span data-testid="customer-heading">{customer.name}</span>{edited("name")}</h1>
        <p className="text-sm text-slate-500">{t("since", { when: date(customer.createdAt) })}</p>
      </div>

      <section className={`${card} grid gap-4 sm:grid-cols-2`}>
        <dl className="space-y-2 text-sm" data-testid="customer-facts">
          <div><dt className="text-xs uppercase tracking-wide text-slate-500">{t("email")}</dt><dd>{customer.email ?? t("none")}</dd></div>
          <div><dt className="text-xs uppercase tracking-wide text-slate-500">{t("phone")}</dt><dd>{customer.phone ?? t("none")}{edited("phone")}</dd></div>
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{t("document")}</dt>
            <dd className="tabular-nums"><span data-testid="customer-document">{customer.document ? formatDocument(customer.document) : t("none")}</span>{edited("document")}</dd>
          </div>
        </dl>
        <dl className="space-y-2 text-sm" data-testid="customer-figures">
          <div><dt className="text-xs uppercase tracking-wide text-slate-500">{t("orderCount")}</dt><dd>{format.number(figures.orderCount)}</dd></div>
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-500" title={t("spentHelp")}>{t("spent")}</dt>
            <dd className="tabular-nums" data-testid="customer-spent-total"><CustomerSpent spent={figures.spent} /></dd>
          </div>
          <div><dt className="text-xs uppercase tracking-wide text-slate-500">{t("lastOrder")}</dt><dd>{figures.lastOrderAt ? date(figures.lastOrderAt) : t("none")}</dd></div>
        </dl>
      </section>

      {mayEditCustomer(user.role) && (
        <section className={card}>
          <h2 className="mb-1 font-semibold">{tc("form.title")}</h2>
          <CustomerEditForm
            customer={{ id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, document: customer.document, editedFields: customer.editedFields }}
          />
        </section>
      )}

      <section className={card}>
        <h2 className="font-semibold">{tc("history.title")}</h2>
        <p className="mb-3 text-sm text-slate-500">{tc("history.help", { max: MAX_HISTORY })}</p>
        <CustomerHistory history={d.history} />
      </section>

      <section className={card}>
        <h2 className="font-semibold">{t("addresses")}</h2>
        <p className="mb-3 text-sm text-slate-500">{t("addressesHelp", { max: MAX_ADDRESSES })}</p>
        {d.addresses.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noAddresses")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {d.addresses.map((a) => (
              <li key={`${a.line1}|${a.postalCode ?? ""}|${a.city}`} className="rounded-md border border-slate-100 p-3 text-sm" data-testid="customer-address">
                <address className="not-italic">{addressLines(a, locale, { phone: false }).map((l) => <span key={l} className="block">{l}</span>)}</address>
                <span className="mt-1 block text-xs text-slate-500">{t("lastUsed", { when: date(a.lastUsedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("orders")}</h2>
        <CustomerOrdersTable orders={d.orders} />
        <div className="mt-3 flex gap-4 text-sm">
          {cursor && <Link href={`/customers/${customer.id}`} className="text-brand-700 hover:underline" data-testid="customer-orders-first">{t("firstOrders")}</Link>}
          {d.nextCursor && (
            <Link href={`/customers/${customer.id}?${new URLSearchParams({ cursor: d.nextCursor }).toString()}`} className="text-brand-700 hover:underline" data-testid="customer-orders-next">
              {t("nextOrders")}
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
