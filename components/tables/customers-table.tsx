/** The customer list (one keyset page, rendered on the server): contact, CPF/CNPJ, orders, total spent, last order. */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { CustomerSpent } from "@/components/tables/customers-money";
import { formatDocument } from "@/server/lib/br-documents";
import type { CustomerListRow } from "@/server/services/customer/list-customers";

const th = "px-3 py-2";
const num = "px-3 py-2 text-right tabular-nums";

export function CustomersTable({ rows, search }: { rows: CustomerListRow[]; search?: string }) {
  const t = useTranslations("customers.list");
  const format = useFormatter();
  if (rows.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="customers-empty">
        {search ? t("noMatch", { search }) : t("empty")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="customers-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("customer")}</th>
            <th className={th}>{t("contact")}</th>
            <th className={th}>{t("document")}</th>
            <th className={`${th} text-right`}>{t("orders")}</th>
            <th className={`${th} text-right`}>{t("spent")}</th>
            <th className={th}>{t("lastOrder")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="customer-row" data-customer={r.name} data-orders={r.orderCount}>
              <td className="px-3 py-2">
                <Link href={`/customers/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="customer-link">{r.name}</Link>
              </td>
              <td className="px-3 py-2">
                {r.email ?? "—"}
                {r.phone && <span className="block text-xs text-slate-500">{r.phone}</span>}
              </td>
              <td className="px-3 py-2 tabular-nums">{r.document ? formatDocument(r.document) : "—"}</td>
              <td className={num}>{format.number(r.orderCount)}</td>
              <td className={num} data-testid="customer-spent"><CustomerSpent spent={r.spent} /></td>
              <td className="px-3 py-2">{r.lastOrderAt ? format.dateTime(r.lastOrderAt, { dateStyle: "short" }) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
