/**
 * The customer list's search: a plain GET form, so the search is in the URL
 * (/customers?search=…), can be shared, the back button undoes it, and it starts at page 1.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";

export function CustomerSearchForm({ search }: { search?: string }) {
  const t = useTranslations("customers.search");
  return (
    <form action="/customers" method="get" role="search" className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="customer-search-form">
      <label className="sr-only" htmlFor="customer-search">{t("label")}</label>
      <input
        id="customer-search"
        name="search"
        type="search"
        defaultValue={search ?? ""}
        maxLength={100}
        placeholder={t("placeholder")}
        className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        data-testid="customer-search"
      />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="customer-search-submit">{t("submit")}</button>
      {search && <Link href="/customers" className="text-sm text-brand-600 hover:underline" data-testid="customer-search-clear">{t("clear")}</Link>}
    </form>
  );
}
